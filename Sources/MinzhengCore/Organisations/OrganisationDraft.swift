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

    /// The kind as typed, or the problem naming `kind`.
    public static func kind(_ text: String?) throws(FieldProblem) -> OrganisationKind {
        guard let kindText = text?.trimmedWhitespace, let kind = OrganisationKind(rawValue: kindText) else {
            throw FieldProblem(
                "kind",
                "社会组织类型应为 " + OrganisationKind.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        return kind
    }

    /// The code as typed for an organisation of `kind` (GB 32100), or the problem naming
    /// `creditCode` with the reason in words and its key in brackets.
    public static func creditCode(
        _ text: String?, kind: OrganisationKind
    ) throws(FieldProblem)
        -> UnifiedSocialCreditCode
    {
        do {
            return try UnifiedSocialCreditCode(text ?? "", kind: kind)
        } catch {
            throw FieldProblem("creditCode", "\(error.chinese)（\(error.rawValue)）")
        }
    }

    public static func validated(_ i: Input, today: CivilDate) throws(FieldProblem) -> OrganisationDraft {
        let kind = try kind(i.kind)
        let code = try creditCode(i.creditCode, kind: kind)
        let p = try OrganisationProposal.validated(
            OrganisationProposal.Fields(
                name: i.name, region: i.region, domicile: i.domicile, businessScope: i.businessScope,
                supervisingUnit: i.supervisingUnit, registeredCapitalFen: i.registeredCapitalFen,
                legalRepresentativePersonId: i.legalRepresentativePersonId,
                legalRepresentativeName: i.legalRepresentativeName,
                legalRepresentativeIdNumber: i.legalRepresentativeIdNumber), kind: kind, today: today)
        guard let registered = i.registeredOn.flatMap({ CivilDate($0.trimmedWhitespace) }), registered <= today else {
            throw FieldProblem("registeredOn", "登记日期应为 YYYY-MM-DD，且不晚于今天")
        }
        return p.draft(creditCode: code, registeredOn: registered)
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
