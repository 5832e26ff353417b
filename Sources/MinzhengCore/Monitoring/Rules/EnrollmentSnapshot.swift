/// One enrollment of the person's household as the app reads it for the rules: which
/// benefit, whom it covers, and its status.
public struct EnrollmentSnapshot: Hashable, Sendable {
    public enum Coverage: Hashable, Sendable {
        /// A household program (dibao, edge, expense hardship): covers every member.
        case household
        /// A per-person benefit, for the person with this registry id.
        case person(id: String)
    }

    /// The status codes of the enrollments table.
    public enum Status: String, CaseIterable, Codable, Sendable {
        case active, suspended, gradualExit, ended

        /// Anything not ended still binds the household: a suspended benefit can resume and
        /// a gradual exit still pays, so both still count as enrolled.
        public var isInForce: Bool { self != .ended }
    }

    /// The program or item code (`dibao`, `seniorAllowance`, …).
    public let code: String
    public let coverage: Coverage
    public let status: Status

    public init(code: String, coverage: Coverage, status: Status) {
        self.code = code
        self.coverage = coverage
        self.status = status
    }

    /// The programs granted on a means test (POLICY.md R1, R4–R7), which the asset test
    /// guards and which already bring medical assistance with them.
    public static let meansTestedPrograms: Set<PolicyProgram> = [
        .tekun, .dibao, .individualDibao, .lowIncomeEdge, .expenseHardship,
    ]

    public var program: PolicyProgram? { PolicyProgram(rawValue: code) }

    public var isMeansTested: Bool { program.map { Self.meansTestedPrograms.contains($0) } ?? false }

    public func covers(personId: String) -> Bool {
        switch coverage {
        case .household: return true
        case .person(let id): return id == personId
        }
    }
}
