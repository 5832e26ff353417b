/// 调标: what a reassessment under new parameters does to one enrollment.
public enum RecalculationOutcome: Hashable, Sendable {
    /// Same amount: nothing to apply.
    case unchanged(monthly: Fen)
    /// A new amount from the change's month.
    case newAmount(old: Fen, new: Fen)
    /// Dibao no longer granted only because earned income rose (R13): the old amount is
    /// paid through `lastMonth`, then the enrollment ends.
    case gradualExit(monthly: Fen, lastMonth: YearMonth)
    /// No longer eligible: nothing is paid from the change's month.
    case ends(old: Fen)

    public var isChange: Bool {
        if case .unchanged = self { return false }
        return true
    }

    /// The monthly cost difference this outcome makes from the change's month.
    public var difference: Fen {
        switch self {
        case .unchanged, .gradualExit: return .zero
        case .newAmount(let old, let new): return new - old
        case .ends(let old): return Fen.zero - old
        }
    }
}

/// Reassesses one enrollment: the program's entry in the new assessment (for a person
/// program, the enrolled member's own entry) decides the amount; a dibao household that
/// fails only because earned income rose enters gradual exit instead of ending.
public enum StandardChangeRecalculation {
    public static func outcome(
        program: PolicyProgram, member: Int?, current: Fen, assessment: Assessment,
        earnedIncomeRose: Bool, parameters: PolicyParameters
    ) -> RecalculationOutcome {
        let entries = assessment.programs.filter { $0.program == program && (member == nil || $0.member == member) }
        if !entries.isEmpty {
            let amount = entries.reduce(Fen.zero) { $0 + $1.monthly }
            return amount == current ? .unchanged(monthly: current) : .newAmount(old: current, new: amount)
        }
        if program == .dibao {
            switch GradualExitRule.reassess(
                .active(monthly: current), with: assessment, failsOnlyBecauseEarnedIncomeRose: earnedIncomeRose,
                parameters: parameters)
            {
            case .continues(let monthly):
                return monthly == current ? .unchanged(monthly: current) : .newAmount(old: current, new: monthly)
            case .gradualExitStarts(let monthly, let lastMonth, _), .gradualExitContinues(let monthly, let lastMonth):
                return .gradualExit(monthly: monthly, lastMonth: lastMonth)
            case .ends, .alreadyEnded: return .ends(old: current)
            }
        }
        return .ends(old: current)
    }
}
