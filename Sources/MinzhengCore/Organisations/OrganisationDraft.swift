/// A social organisation's registry record as entered (the API's JSON, the clerk's form),
/// validated: each problem names its JSON field.
public struct OrganisationDraft: Sendable, Equatable {
    public enum Representative: Sendable, Equatable {
        /// A person of the registry (one-person-one-file).
        case person(String)
        /// Someone outside the registry: their name and ID number (sealed when stored).
        case outsider(name: String, id: ResidentID)
    }

    public var creditCode: UnifiedSocialCreditCode
    public var name: String
    public var kind: OrganisationKind
    public var region: RegionCode
    public var domicile: String
    public var businessScope: String
    public var supervisingUnit: String?
    public var registeredCapital: Fen
    public var registeredOn: CivilDate
    public var representative: Representative

    public struct Input: Sendable, Codable {
        public var creditCode: String?
        public var name: String?
        public var kind: String?
        public var region: String?
        public var domicile: String?
        public var businessScope: String?
        public var supervisingUnit: String?
        public var registeredCapitalFen: Int64?
        public var registeredOn: String?
        /// A registry person's id, or the outsider's name and ID number.
        public var legalRepresentativePersonId: String?
        public var legalRepresentativeName: String?
        public var legalRepresentativeIdNumber: String?

        public init() {}
    }

    public static func validated(_ i: Input, today: CivilDate) throws(FieldProblem) -> OrganisationDraft {
        guard let kindText = i.kind?.trimmedWhitespace, let kind = OrganisationKind(rawValue: kindText) else {
            throw FieldProblem(
                "kind",
                "社会组织类型应为 " + OrganisationKind.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        let code: UnifiedSocialCreditCode
        do {
            code = try UnifiedSocialCreditCode(i.creditCode ?? "", kind: kind)
        } catch {
            throw FieldProblem("creditCode", "\(error.chinese)（\(error.rawValue)）")
        }
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
        guard let registered = i.registeredOn.flatMap({ CivilDate($0.trimmedWhitespace) }), registered <= today else {
            throw FieldProblem("registeredOn", "登记日期应为 YYYY-MM-DD，且不晚于今天")
        }
        let representative: Representative
        if let person = i.legalRepresentativePersonId?.trimmedWhitespace, !person.isEmpty {
            representative = .person(person)
        } else {
            let repName = try RegistryValidation.name(i.legalRepresentativeName, field: "legalRepresentativeName")
            let id = try RegistryValidation.residentID(
                i.legalRepresentativeIdNumber, today: today, field: "legalRepresentativeIdNumber")
            representative = .outsider(name: repName, id: id)
        }
        return OrganisationDraft(
            creditCode: code, name: name, kind: kind, region: region, domicile: domicile, businessScope: scope,
            supervisingUnit: unit, registeredCapital: capital, registeredOn: registered, representative: representative)
    }
}

/// An annual report as filed by the organisation.
public struct AnnualReportDraft: Sendable, Equatable {
    public var year: Int
    public var activities: Int
    public var income: Fen
    public var expenditure: Fen
    public var netAssets: Fen
    public var summary: String

    public struct Input: Sendable, Codable {
        public var year: Int?
        public var activities: Int?
        public var incomeFen: Int64?
        public var expenditureFen: Int64?
        public var netAssetsFen: Int64?
        public var summary: String?

        public init() {}
    }

    public static func validated(
        _ i: Input, registeredOn: CivilDate, today: CivilDate
    ) throws(FieldProblem) -> AnnualReportDraft {
        let year = i.year ?? today.year - 1
        if let problem = OrganisationCredit.filingProblem(year: year, registeredOn: registeredOn, on: today) {
            throw problem
        }
        let summary = try InputRules.text(i.summary, field: "summary", label: "年度工作情况") ?? ""
        guard !summary.isEmpty else { throw FieldProblem("summary", "请填写年度工作情况") }
        return AnnualReportDraft(
            year: year, activities: try InputRules.count(i.activities ?? -1, field: "activities"),
            income: try InputRules.amount(i.incomeFen ?? -1, field: "incomeFen"),
            expenditure: try InputRules.amount(i.expenditureFen ?? -1, field: "expenditureFen"),
            netAssets: try InputRules.amount(i.netAssetsFen ?? -1, field: "netAssetsFen"), summary: summary)
    }
}
