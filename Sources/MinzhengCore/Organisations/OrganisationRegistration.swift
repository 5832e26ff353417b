/// The registrations of a social organisation (登记管理): establishment (成立登记), change (变更登记)
/// and deregistration (注销登记), each an application through `ApplicationWorkflow` on the
/// `registry` flow, and the registration certificate (登记证书) an approval issues.
public enum RegistrationKind: String, Codable, Sendable, CaseIterable {
    case establishment, change, deregistration

    public var chinese: String {
        switch self {
        case .establishment: return "成立登记"
        case .change: return "变更登记"
        case .deregistration: return "注销登记"
        }
    }
}

/// The registry fields of an organisation other than its credit code and registration date, as
/// an establishment proposes them and the clerk enters them: validated, each problem naming its
/// JSON field.
public struct OrganisationProposal: Sendable, Equatable {
    public var name: String
    public var kind: OrganisationKind
    public var region: RegionCode
    public var domicile: String
    public var businessScope: String
    public var supervisingUnit: String?
    public var registeredCapital: Fen
    public var representative: OrganisationDraft.Representative

    /// The fields as typed.
    public struct Fields: Sendable, Codable {
        public var name: String?
        public var region: String?
        public var domicile: String?
        public var businessScope: String?
        public var supervisingUnit: String?
        public var registeredCapitalFen: Int64?
        public var legalRepresentativePersonId: String?
        public var legalRepresentativeName: String?
        public var legalRepresentativeIdNumber: String?

        public init(
            name: String? = nil, region: String? = nil, domicile: String? = nil, businessScope: String? = nil,
            supervisingUnit: String? = nil, registeredCapitalFen: Int64? = nil,
            legalRepresentativePersonId: String? = nil, legalRepresentativeName: String? = nil,
            legalRepresentativeIdNumber: String? = nil
        ) {
            self.name = name
            self.region = region
            self.domicile = domicile
            self.businessScope = businessScope
            self.supervisingUnit = supervisingUnit
            self.registeredCapitalFen = registeredCapitalFen
            self.legalRepresentativePersonId = legalRepresentativePersonId
            self.legalRepresentativeName = legalRepresentativeName
            self.legalRepresentativeIdNumber = legalRepresentativeIdNumber
        }
    }

    public static func validated(
        _ i: Fields, kind: OrganisationKind, today: CivilDate
    ) throws(FieldProblem)
        -> OrganisationProposal
    {
        let name = try InputRules.line(i.name, field: "name", label: "名称", maximumLength: 100) ?? ""
        guard let regionText = i.region?.trimmedWhitespace, let region = RegionCode(regionText),
            region.level == .street || region.level == .community
        else {
            throw FieldProblem("region", "住所所在区划应为街道（9 位）或社区（12 位）代码")
        }
        let domicile = try InputRules.line(i.domicile, field: "domicile", label: "住所", maximumLength: 200) ?? ""
        let scope = try InputRules.text(i.businessScope, field: "businessScope", label: "业务范围") ?? ""
        guard !scope.isEmpty else { throw FieldProblem("businessScope", "业务范围不能为空") }
        let unit = try InputRules.line(
            i.supervisingUnit, field: "supervisingUnit", label: "业务主管单位", maximumLength: 100, required: false)
        let capital = try InputRules.amount(i.registeredCapitalFen ?? -1, field: "registeredCapitalFen")
        return OrganisationProposal(
            name: name, kind: kind, region: region, domicile: domicile, businessScope: scope, supervisingUnit: unit,
            registeredCapital: capital,
            representative: try OrganisationDraft.Representative.validated(
                personId: i.legalRepresentativePersonId, name: i.legalRepresentativeName,
                idNumber: i.legalRepresentativeIdNumber, today: today))
    }

    /// The registry record once the clerk gives the code, registered on `day`.
    public func draft(creditCode: UnifiedSocialCreditCode, registeredOn day: CivilDate) -> OrganisationDraft {
        OrganisationDraft(
            creditCode: creditCode, name: name, kind: kind, region: region, domicile: domicile,
            businessScope: businessScope, supervisingUnit: supervisingUnit, registeredCapital: registeredCapital,
            registeredOn: day, representative: representative)
    }
}

extension OrganisationDraft.Representative {
    /// A registry person by id, or an outsider by name and ID number.
    public static func validated(
        personId: String?, name: String?, idNumber: String?, today: CivilDate
    ) throws(FieldProblem) -> OrganisationDraft.Representative {
        if let person = personId?.trimmedWhitespace, !person.isEmpty { return .person(person) }
        let repName = try RegistryValidation.name(name, field: "legalRepresentativeName")
        let id = try RegistryValidation.residentID(idNumber, today: today, field: "legalRepresentativeIdNumber")
        return .outsider(name: repName, id: id)
    }
}

/// What a change application (变更登记) changes: at least one of the name, the domicile, the
/// legal representative, the business scope and the registered capital.
public struct RegistrationChange: Sendable, Equatable {
    public init() {}

    public var name: String?
    public var domicile: String?
    public var businessScope: String?
    public var registeredCapital: Fen?
    public var representative: OrganisationDraft.Representative?

    public static func validated(
        _ i: OrganisationProposal.Fields, today: CivilDate
    ) throws(FieldProblem) -> RegistrationChange {
        func given(_ text: String?) -> Bool { !(text?.trimmedWhitespace ?? "").isEmpty }
        var c = RegistrationChange()
        c.name = try InputRules.line(i.name, field: "name", label: "名称", maximumLength: 100, required: false)
        c.domicile = try InputRules.line(
            i.domicile, field: "domicile", label: "住所", maximumLength: 200, required: false)
        if given(i.businessScope) {
            c.businessScope = try InputRules.text(i.businessScope, field: "businessScope", label: "业务范围")
        }
        if let capital = i.registeredCapitalFen {
            c.registeredCapital = try InputRules.amount(capital, field: "registeredCapitalFen")
        }
        if given(i.legalRepresentativePersonId) || given(i.legalRepresentativeName)
            || given(i.legalRepresentativeIdNumber)
        {
            c.representative = try OrganisationDraft.Representative.validated(
                personId: i.legalRepresentativePersonId, name: i.legalRepresentativeName,
                idNumber: i.legalRepresentativeIdNumber, today: today)
        }
        guard !c.isEmpty else {
            throw FieldProblem("name", "请至少填写一项变更事项：名称、住所、法定代表人、业务范围或注册资金")
        }
        return c
    }

    public var isEmpty: Bool {
        name == nil && domicile == nil && businessScope == nil && registeredCapital == nil && representative == nil
    }
}

/// The registration certificate's title and numbers (登记证书).
public enum RegistrationCertificate {
    /// 社会团体法人登记证书, 民办非企业单位登记证书, 基金会法人登记证书.
    public static func title(_ kind: OrganisationKind) -> String {
        switch kind {
        case .socialGroup: return "社会团体法人登记证书"
        case .socialServiceOrganisation: return "民办非企业单位登记证书"
        case .foundation: return "基金会法人登记证书"
        }
    }

    /// The certificate's number: the year of issue and the city's running number of the year
    /// (常民社证字第 2026-00001 号).
    public static func number(year: Int, sequence: Int) -> String {
        let padded = String(repeating: "0", count: max(0, 5 - String(sequence).count)) + String(sequence)
        return "常民社证字第 \(year)-\(padded) 号"
    }

    /// The last day of validity of a certificate issued on `day`, valid `years` years: the day
    /// before the anniversary (issued 2024-03-01 for a year: valid to 2025-02-28).
    public static func validUntil(issuedOn day: CivilDate, years: Int) -> CivilDate {
        day.adding(days: -1).adding(months: 12 * max(years, 1))
    }
}

extension OrganisationDraft {
    /// The record as stored by an approved establishment (its fields validated when applied for).
    public init(
        approved creditCode: UnifiedSocialCreditCode, name: String, kind: OrganisationKind, region: RegionCode,
        domicile: String, businessScope: String, supervisingUnit: String?, registeredCapital: Fen,
        registeredOn: CivilDate, representative: Representative
    ) {
        self.creditCode = creditCode
        self.name = name
        self.kind = kind
        self.region = region
        self.domicile = domicile
        self.businessScope = businessScope
        self.supervisingUnit = supervisingUnit
        self.registeredCapital = registeredCapital
        self.registeredOn = registeredOn
        self.representative = representative
    }
}
