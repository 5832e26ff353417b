/// What the government pays for an older person's home care in a month (居家养老援助服务,
/// ELDERLY.md): the highest line of the table the person meets, never the sum. Unused
/// entitlement does not carry over, so a month stands alone.
public struct HomeCareEntitlement: Sendable, Equatable {
    /// The line of the entitlement table that gave the amount.
    public enum Group: String, Sendable, CaseIterable, Codable {
        case tekunScattered
        case dibaoDependent
        case dibaoIndependent
        case aloneOldest
        case nonagenarian
        case severeDisability

        public var label: String {
            switch self {
            case .tekunScattered: return "分散供养特困老人"
            case .dibaoDependent: return "低保、低保边缘老人（能力等级 2–4）"
            case .dibaoIndependent: return "低保、低保边缘老人（能力等级 0–1）"
            case .aloneOldest: return "独居高龄老人"
            case .nonagenarian: return "高龄老人"
            case .severeDisability: return "一、二级残疾老人"
            }
        }
    }

    /// A person's facts on the first day of the month.
    public struct Facts: Sendable, Equatable {
        public var age: Int
        /// Supported as tekun at home (分散供养); the registry records no institutional
        /// placement yet, so an active tekun enrollment counts as scattered.
        public var tekun: Bool
        /// The household is on dibao or is a low-income edge household.
        public var dibaoOrEdge: Bool
        /// The final level (0–4) of the latest ability assessment, when there is one.
        public var abilityLevel: Int?
        /// The registry's self-care, used when the person was never assessed.
        public var selfCare: SelfCare
        public var livesAlone: Bool
        public var disabilityGrade: Int?

        public init(
            age: Int, tekun: Bool = false, dibaoOrEdge: Bool = false, abilityLevel: Int? = nil,
            selfCare: SelfCare = .full, livesAlone: Bool = false, disabilityGrade: Int? = nil
        ) {
            self.age = age
            self.tekun = tekun
            self.dibaoOrEdge = dibaoOrEdge
            self.abilityLevel = abilityLevel
            self.selfCare = selfCare
            self.livesAlone = livesAlone
            self.disabilityGrade = disabilityGrade
        }

        /// Impaired to level 2 or worse: the assessment's level, else the registry's self-care
        /// (which the assessment sets: 0–1 full, 2 partial, 3–4 none).
        var dependent: Bool {
            if let level = abilityLevel { return level >= 2 }
            return selfCare != .full
        }
    }

    public let group: Group
    public let monthly: Fen

    /// The entitlement of a person with these facts, or nil when no line applies.
    public static func of(_ facts: Facts, parameters p: PolicyParameters) -> HomeCareEntitlement? {
        guard facts.age >= p.elderlyAge else { return nil }
        var lines: [(Group, Fen)] = []
        if facts.tekun { lines.append((.tekunScattered, p.homeCareTekun)) }
        if facts.dibaoOrEdge {
            lines.append(
                facts.dependent
                    ? (.dibaoDependent, p.homeCareDibaoDependent) : (.dibaoIndependent, p.homeCareDibaoIndependent))
        }
        if facts.livesAlone && facts.age >= p.homeCareAloneAge { lines.append((.aloneOldest, p.homeCareAlone)) }
        if facts.age >= p.homeCareNonagenarianAge { lines.append((.nonagenarian, p.homeCareNonagenarian)) }
        if let grade = facts.disabilityGrade, (1...2).contains(grade) {
            lines.append((.severeDisability, p.homeCareSevereDisability))
        }
        // The table's order breaks a tie between equal amounts.
        guard let best = lines.enumerated().max(by: { ($0.element.1, -$0.offset) < ($1.element.1, -$1.offset) })
        else { return nil }
        return HomeCareEntitlement(group: best.element.0, monthly: best.element.1)
    }
}
