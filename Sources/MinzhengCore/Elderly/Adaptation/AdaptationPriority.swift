/// Who is adapted first (ELDERLY.md): scattered tekun elders, then dibao and edge households
/// with a disabled or 80+ member, other dibao and edge households, then 80+ living alone.
/// Others are not in the programme.
public enum AdaptationPriority: Int, Sendable, CaseIterable, Codable, Comparable {
    case tekunScattered = 1
    case dibaoDisabledOrOldest = 2
    case dibao = 3
    case aloneOldest = 4

    public var label: String {
        switch self {
        case .tekunScattered: return "分散供养特困老人"
        case .dibaoDisabledOrOldest: return "低保、低保边缘家庭（残疾或高龄）"
        case .dibao: return "其他低保、低保边缘家庭"
        case .aloneOldest: return "独居高龄老人"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The household's facts as screening reads them from the registry.
    public struct Facts: Sendable, Equatable {
        /// The oldest living member's age on the screening day.
        public var oldestAge: Int
        public var tekunMember: Bool
        public var dibaoOrEdge: Bool
        /// A member with any disability grade.
        public var disabledMember: Bool
        /// A member of grade 1 or 2.
        public var severelyDisabledMember: Bool
        public var livingMembers: Int

        public init(
            oldestAge: Int, tekunMember: Bool = false, dibaoOrEdge: Bool = false, disabledMember: Bool = false,
            severelyDisabledMember: Bool = false, livingMembers: Int = 1
        ) {
            self.oldestAge = oldestAge
            self.tekunMember = tekunMember
            self.dibaoOrEdge = dibaoOrEdge
            self.disabledMember = disabledMember
            self.severelyDisabledMember = severelyDisabledMember
            self.livingMembers = livingMembers
        }
    }

    /// The household's place in the queue, or nil when it is not in the programme: it
    /// needs an older member (the elderly age, 60 by default).
    public static func of(_ f: Facts, parameters p: PolicyParameters) -> AdaptationPriority? {
        guard f.oldestAge >= p.elderlyAge else { return nil }
        let oldest = f.oldestAge >= p.homeCareAloneAge
        if f.tekunMember { return .tekunScattered }
        if f.dibaoOrEdge { return f.disabledMember || oldest ? .dibaoDisabledOrOldest : .dibao }
        if oldest && f.livingMembers == 1 { return .aloneOldest }
        return nil
    }

    /// The most a household's plan may cost: raised for tekun and severely disabled members.
    public static func cap(_ f: Facts, parameters p: PolicyParameters) -> Fen {
        f.tekunMember || f.severelyDisabledMember ? p.adaptationCapRaised : p.adaptationCap
    }
}
