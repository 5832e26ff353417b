/// A household's dibao enrollment as it stands between two assessments.
public enum DibaoEnrollmentState: Sendable, Hashable {
    case active(monthly: Fen)
    /// 渐退期: the amount stays the same through `lastMonth`, then the enrollment ends.
    case gradualExit(monthly: Fen, lastMonth: YearMonth)
    /// Nothing is paid after `lastMonth`.
    case ended(lastMonth: YearMonth)
}

/// What a reassessment does to a dibao enrollment.
public enum DibaoReassessmentOutcome: Sendable, Hashable {
    /// Dibao again: the new amount applies.
    case continues(monthly: Fen)
    /// Fails only because earned income rose: the current amount is kept through `lastMonth`.
    case gradualExitStarts(monthly: Fen, lastMonth: YearMonth, months: Int)
    /// Already in gradual exit and still failing only on earned income: nothing changes.
    case gradualExitContinues(monthly: Fen, lastMonth: YearMonth)
    /// Any other failure: nothing is paid after `lastMonth`.
    case ends(lastMonth: YearMonth)
    /// An ended enrollment is not revived by a reassessment; a new application is.
    case alreadyEnded(lastMonth: YearMonth)

    public var state: DibaoEnrollmentState {
        switch self {
        case .continues(let monthly): return .active(monthly: monthly)
        case .gradualExitStarts(let monthly, let lastMonth, _), .gradualExitContinues(let monthly, let lastMonth):
            return .gradualExit(monthly: monthly, lastMonth: lastMonth)
        case .ends(let lastMonth), .alreadyEnded(let lastMonth): return .ended(lastMonth: lastMonth)
        }
    }
}

/// R13, 渐退: not part of one assessment but of the passage from one to the next.
public enum GradualExitRule {
    /// - Parameters:
    ///   - current: the enrollment before the reassessment.
    ///   - assessment: the reassessment, for its month, its dibao entry and its asset test.
    ///   - failsOnlyBecauseEarnedIncomeRose: the caller's finding (comparing the household's
    ///     previous and current incomes) that a rise in some member's earned income is the
    ///     only change that made R4 fail.
    /// The gradual exit keeps the current amount for `gradualExitMonths` months after the
    /// reassessed month; any other failure ends the enrollment from the next month.
    public static func reassess(
        _ current: DibaoEnrollmentState, with assessment: Assessment,
        failsOnlyBecauseEarnedIncomeRose: Bool,
        parameters p: PolicyParameters
    ) -> DibaoReassessmentOutcome {
        let month = assessment.month
        if case .ended(let lastMonth) = current { return .alreadyEnded(lastMonth: lastMonth) }
        if let dibao = assessment.programs.first(where: { $0.program == .dibao }) {
            return .continues(monthly: dibao.monthly)
        }
        // A failed asset test is a failure of its own, whatever happened to the income.
        let onlyEarnedIncome = failsOnlyBecauseEarnedIncomeRose && assessment.assetTest.passed
        switch current {
        case .active(let monthly) where onlyEarnedIncome && p.gradualExitMonths > 0:
            return .gradualExitStarts(
                monthly: monthly, lastMonth: month.adding(months: p.gradualExitMonths),
                months: p.gradualExitMonths)
        case .gradualExit(let monthly, let lastMonth) where onlyEarnedIncome:
            return .gradualExitContinues(monthly: monthly, lastMonth: lastMonth)
        case .gradualExit(_, let lastMonth):
            return .ends(lastMonth: min(lastMonth, month))
        case .active, .ended:
            return .ends(lastMonth: month)
        }
    }
}
