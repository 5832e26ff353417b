/// The programs of POLICY.md, in rule order (the order of `programs` in an answer).
public enum PolicyProgram: String, Sendable, Hashable, CaseIterable, Codable {
    case tekun, dibao, individualDibao, lowIncomeEdge, expenseHardship
    case orphan, childInDistress, nursingSubsidy, livingSubsidy, seniorAllowance

    /// Household programs have no `member` in an answer.
    public var isHouseholdProgram: Bool {
        self == .dibao || self == .lowIncomeEdge || self == .expenseHardship
    }
}

/// One eligible program entry: who, how much per month, and why.
public struct ProgramDecision: Sendable, Hashable {
    public let program: PolicyProgram
    /// The member's index in the request, nil for a household program.
    public let member: Int?
    public let monthly: Fen
    /// Structured steps; render them with `PolicyTraceStep.chinese` when shown.
    public let trace: [PolicyTraceStep]

    public init(program: PolicyProgram, member: Int?, monthly: Fen, trace: [PolicyTraceStep]) {
        self.program = program
        self.member = member
        self.monthly = monthly
        self.trace = trace
    }

    /// The trace as zh-CN sentences, one per step.
    public var renderedTrace: [String] { trace.map(\.chinese) }
}

/// Why the asset test (R3) failed; the test names every reason that applies.
public enum AssetTestFailure: Sendable, Hashable {
    case financialAssets(perCapita: Fen, limit: Fen, months: Int)
    case vehicles(count: Int)
    case residentialProperties(count: Int, maximum: Int)
    case ownsBusiness
}

/// R3, one result for the whole request.
public struct AssetTestResult: Sendable, Hashable {
    /// ⌊financial assets / all members⌋.
    public let perCapitaFinancial: Fen
    /// `assetFinancialMonths` × S.
    public let financialLimit: Fen
    public let failures: [AssetTestFailure]

    public var passed: Bool { failures.isEmpty }
}

/// The outcome of assessing one household for one month.
public struct Assessment: Sendable, Hashable {
    public let region: String
    public let month: YearMonth
    /// S, the dibao standard in force.
    public let standard: Fen
    /// n of R2: members left after tekun members leave.
    public let householdSize: Int
    /// H of R2 (0 when no member remains).
    public let countedIncome: Fen
    /// P of R2 (0 when no member remains).
    public let perCapitaIncome: Fen
    public let assetTest: AssetTestResult
    /// Every eligible entry, in rule order, then by member index.
    public let programs: [ProgramDecision]
}
