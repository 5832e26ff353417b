/// Which level of government approves (审批) an item, possibly depending on the amount.
///
/// Most items have one level. Temporary assistance is the exception the policy names:
/// the street approves small amounts itself so that urgent help is not held up, and
/// anything above a multiple of the dibao standard S goes up to the district.
public struct ApprovalRule: Hashable, Sendable {
    /// The level that approves when no escalation applies.
    public let level: RegionCode.Level
    /// Sends larger amounts to a higher level; nil for a single-level item.
    public let escalation: Escalation?

    public struct Escalation: Hashable, Sendable {
        /// Amounts above `aboveMultipleOfStandard × S` (rounded up to a whole yuan) escalate.
        public let aboveMultipleOfStandard: Rate
        /// The level that approves them.
        public let level: RegionCode.Level

        /// Checked when the rule is built (`ApprovalRule.init`), where the base level is known.
        public init(aboveMultipleOfStandard: Rate, level: RegionCode.Level) {
            self.aboveMultipleOfStandard = aboveMultipleOfStandard
            self.level = level
        }

        /// The largest amount the base level may still approve: ⌈multiple × S⌉, rounded up
        /// to a whole yuan like every amount made from a multiple of S (POLICY.md).
        public func threshold(standard: Fen) -> Fen {
            aboveMultipleOfStandard.ofRoundedUpToYuan(standard)
        }
    }

    /// The levels that may approve. A community (社区居委会/村委会) is a self-governing body,
    /// not an administrative organ: it takes applications and visits households but does
    /// not grant benefits. A province does not approve individual cases.
    public static let approvingLevels: [RegionCode.Level] = [.street, .district, .city]

    public init(level: RegionCode.Level, escalation: Escalation? = nil) throws(AssistanceCatalogError) {
        try Self.checkApproving(level, field: "level")
        if let escalation {
            guard escalation.aboveMultipleOfStandard.basisPoints > 0 else {
                throw AssistanceCatalogError(field: "escalation.aboveMultipleOfStandard", message: "低保标准的倍数必须大于 0")
            }
            try Self.checkApproving(escalation.level, field: "escalation.level")
            guard escalation.level < level else {
                throw AssistanceCatalogError(
                    field: "escalation.level",
                    message: "超额审批层级（\(escalation.level.chinese)）必须高于基本审批层级（\(level.chinese)）")
            }
        }
        self.level = level
        self.escalation = escalation
    }

    /// For the seeded rules, which the tests check once.
    init(known level: RegionCode.Level, escalation: Escalation? = nil) {
        self.level = level
        self.escalation = escalation
    }

    static let district = ApprovalRule(known: .district)

    /// Temporary assistance: the street approves up to ⌈2 × S⌉, the district above.
    static let temporaryAssistance = ApprovalRule(
        known: .street,
        escalation: Escalation(aboveMultipleOfStandard: Rate(basisPoints: 20_000), level: .district))

    /// The level that approves `requestedAmount` when the dibao standard is `standard`.
    /// An amount of exactly the threshold stays at the base level; one fen more escalates.
    /// Single-level rules ignore both arguments.
    public func approvingLevel(requestedAmount: Fen, standard: Fen) -> RegionCode.Level {
        guard let escalation, requestedAmount > escalation.threshold(standard: standard) else { return level }
        return escalation.level
    }

    /// The rule in one sentence for the admin page, e.g. "街道/镇审批；超过 2 倍低保标准的由区县审批".
    public var chinese: String {
        guard let escalation else { return "\(level.chinese)审批" }
        return "\(level.chinese)审批；超过 \(escalation.aboveMultipleOfStandard) 倍低保标准的由\(escalation.level.chinese)审批"
    }

    private static func checkApproving(_ level: RegionCode.Level, field: String) throws(AssistanceCatalogError) {
        guard approvingLevels.contains(level) else {
            throw AssistanceCatalogError(
                field: field,
                message: "\(level.chinese)不能作为审批层级，可选：\(approvingLevels.map(\.chinese).joined(separator: "、"))")
        }
    }
}
