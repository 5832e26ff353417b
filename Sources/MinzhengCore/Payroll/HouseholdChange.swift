/// Why a household's members changed (成员变化), which a household-level enrollment follows
/// from the month after.
public enum HouseholdChangeKind: String, Sendable, Codable, CaseIterable {
    case death, movedOut, joined

    public var chinese: String {
        switch self {
        case .death: return "成员死亡"
        case .movedOut: return "成员迁出"
        case .joined: return "新增成员"
        }
    }
}

/// What a household-level enrollment becomes after its household's members changed.
public enum HouseholdChangeOutcome: Sendable, Equatable {
    /// The reassessed amount is the one paid now.
    case unchanged(Fen)
    /// The reassessed amount is paid from the change's month.
    case newAmount(old: Fen, new: Fen)
    /// No living member remains, or the remaining members no longer qualify.
    case ends(old: Fen, nobodyLeft: Bool)
    /// Not decided by the policy engine (an amount staff set), or no means on file to
    /// reassess with: the amount stays until the street decides.
    case needsDecision(Fen)

    public var code: String {
        switch self {
        case .unchanged: return "unchanged"
        case .newAmount: return "newAmount"
        case .ends: return "ends"
        case .needsDecision: return "needsDecision"
        }
    }

    public var oldAmount: Fen {
        switch self {
        case .unchanged(let f), .needsDecision(let f): return f
        case .newAmount(let old, _), .ends(let old, _): return old
        }
    }

    /// The amount paid from the change's month on; nil when the enrollment ends.
    public var newAmount: Fen? {
        switch self {
        case .unchanged(let f), .needsDecision(let f): return f
        case .newAmount(_, let new): return new
        case .ends: return nil
        }
    }

    public var chinese: String {
        switch self {
        case .unchanged(let f): return "重新核算后金额不变（\(f.formatted)）"
        case .newAmount(let old, let new): return "重新核算：\(old.formatted) → \(new.formatted)"
        case .ends(_, true): return "户内已无在世成员，待遇终止"
        case .ends: return "重新核算后不再符合条件，待遇终止"
        case .needsDecision(let f): return "无法自动核算，暂按原金额（\(f.formatted)）发放，请街道核定"
        }
    }
}

/// A member as the head proposal reads it.
public struct HouseholdMemberStanding: Sendable, Equatable {
    public let personId: String
    public let relation: Relation
    public let birthDate: CivilDate
    public let deceased: Bool

    public init(personId: String, relation: Relation, birthDate: CivilDate, deceased: Bool) {
        self.personId = personId
        self.relation = relation
        self.birthDate = birthDate
        self.deceased = deceased
    }
}

/// The rules of a household-level enrollment following its members: the remaining members
/// are reassessed with the means on file, and the street confirms or corrects.
public enum HouseholdChangeRules {
    /// `assessment`: the remaining members with the means on file, in the change's month;
    /// nil when it could not be made (no means on file, no parameters). `program`: nil for
    /// an item the engine does not decide.
    public static func outcome(
        program: PolicyProgram?, current: Fen, livingMembers: Int, assessment: Assessment?
    ) -> HouseholdChangeOutcome {
        guard livingMembers > 0 else { return .ends(old: current, nobodyLeft: true) }
        guard let program, program.isHouseholdProgram, let assessment else { return .needsDecision(current) }
        let entries = assessment.programs.filter { $0.program == program && $0.member == nil }
        guard !entries.isEmpty else { return .ends(old: current, nobodyLeft: false) }
        let amount = entries.reduce(Fen.zero) { $0 + $1.monthly }
        return amount == current ? .unchanged(current) : .newAmount(old: current, new: amount)
    }

    /// Who is proposed as head when the head is gone: the spouse, else the oldest living
    /// adult, else the oldest living member; nil while the head lives or nobody remains.
    public static func proposedHead(_ members: [HouseholdMemberStanding], adultOn day: CivilDate) -> String? {
        guard !members.contains(where: { $0.relation == .head && !$0.deceased }) else { return nil }
        let living = members.filter { !$0.deceased && $0.relation != .head }
        if let spouse = living.first(where: { $0.relation == .spouse }) { return spouse.personId }
        let oldestFirst = living.sorted { $0.birthDate < $1.birthDate }
        return (oldestFirst.first { $0.birthDate.age(on: day) >= 18 } ?? oldestFirst.first)?.personId
    }
}
