import Foundation

/// The JSON answer of the contract (POLICY.md section 4), traces rendered in zh-CN.
public struct AssessmentResponse: Codable, Sendable, Hashable {
    public var region: String
    public var month: YearMonth
    public var standardFen: Int64
    public var householdSize: Int
    public var countedIncomeFen: Int64
    public var perCapitaIncomeFen: Int64
    public var assetTest: AssetTest
    public var programs: [Program]

    public struct AssetTest: Codable, Sendable, Hashable {
        public var passed: Bool
        public var reasons: [String]
    }

    public struct Program: Codable, Sendable, Hashable {
        public var program: PolicyProgram
        /// Written as an explicit `null` for household programs.
        public var member: Int?
        /// Always true: the answer lists eligible entries only.
        public var eligible: Bool
        public var monthlyFen: Int64
        public var trace: [String]

        private enum CodingKeys: String, CodingKey {
            case program, member, eligible, monthlyFen, trace
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            program = try c.decode(PolicyProgram.self, forKey: .program)
            member = try c.decodeIfPresent(Int.self, forKey: .member)
            eligible = try c.decode(Bool.self, forKey: .eligible)
            monthlyFen = try c.decode(Int64.self, forKey: .monthlyFen)
            trace = try c.decode([String].self, forKey: .trace)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(program, forKey: .program)
            // `encode` of an Optional writes null; `encodeIfPresent` would drop the key.
            try c.encode(member, forKey: .member)
            try c.encode(eligible, forKey: .eligible)
            try c.encode(monthlyFen, forKey: .monthlyFen)
            try c.encode(trace, forKey: .trace)
        }

        init(_ decision: ProgramDecision) {
            program = decision.program
            member = decision.member
            eligible = true
            monthlyFen = decision.monthly.value
            trace = decision.renderedTrace
        }
    }

    public init(_ assessment: Assessment) {
        region = assessment.region
        month = assessment.month
        standardFen = assessment.standard.value
        householdSize = assessment.householdSize
        countedIncomeFen = assessment.countedIncome.value
        perCapitaIncomeFen = assessment.perCapitaIncome.value
        assetTest = AssetTest(
            passed: assessment.assetTest.passed, reasons: assessment.assetTest.failures.map(\.chinese))
        programs = assessment.programs.map(Program.init)
    }

    /// The answer as UTF-8 JSON with sorted keys, so that equal answers are equal bytes.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        try ContractJSON.encode(self, prettyPrinted: prettyPrinted)
    }
}
