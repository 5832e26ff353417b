import Foundation
import MinzhengCore

/// Shared helpers of the policy tests: the Changzhou defaults, people of an exact age,
/// and a compact view of an assessment's entries.
enum PolicyFixtures {
    static let defaults = Result { () throws(PolicyParameterError) -> PolicyDefaults in try PolicyDefaults.load() }

    /// The default parameters in force for `region` in `month` (S = 94000 in 2021-06).
    static func parameters(_ month: String = "2021-06", region: String = "320402") throws -> PolicyParameters {
        try defaults.get().history.parameters(for: region, month: ym(month))
    }

    /// The 2021-06 defaults with some values replaced, for boundaries the defaults do not reach.
    static func parameters(overriding changes: [PolicyParameterKey: Int64]) throws -> PolicyParameters {
        try PolicyParameters(values: parameters().values.merging(changes) { $1 })
    }

    static func ym(_ text: String) -> YearMonth { YearMonth(text)! }

    /// A birth date giving exactly `age` completed years on the first day of `month`, or
    /// one day short of it (so `age - 1`).
    static func born(age: Int, month: String = "2021-06", oneDayShort: Bool = false) -> CivilDate {
        let m = ym(month)
        let birthday = CivilDate(year: m.year - age, month: m.month, day: 1)!
        return oneDayShort ? birthday.adding(days: 1) : birthday
    }

    static func member(
        age: Int, month: String = "2021-06", oneDayShort: Bool = false,
        _ configure: (inout AssessmentRequest.Member) -> Void = { _ in }
    ) -> AssessmentRequest.Member {
        var m = AssessmentRequest.Member(
            birthDate: born(age: age, month: month, oneDayShort: oneDayShort), sex: .female)
        configure(&m)
        return m
    }

    static func income(_ kind: AssessmentRequest.IncomeKind, _ fen: Int64) -> AssessmentRequest.Income {
        AssessmentRequest.Income(kind: kind, monthlyFen: Fen(fen))
    }

    static func request(
        _ members: [AssessmentRequest.Member], month: String = "2021-06",
        assets: AssessmentRequest.Assets = .init(),
        expenses: AssessmentRequest.RigidExpenses = .init()
    ) -> AssessmentRequest {
        AssessmentRequest(
            region: "320402", month: ym(month), members: members, assets: assets, annualRigidExpensesFen: expenses)
    }

    static func assess(
        _ members: [AssessmentRequest.Member], month: String = "2021-06",
        assets: AssessmentRequest.Assets = .init(), expenses: AssessmentRequest.RigidExpenses = .init(),
        parameters: PolicyParameters? = nil
    ) throws -> Assessment {
        let request = request(members, month: month, assets: assets, expenses: expenses)
        try request.validate()
        return PolicyEngine.assess(request, parameters: try parameters ?? Self.parameters(month))
    }
}

/// One eligible entry, as the worked examples list them.
struct PolicyEntry: Equatable, Sendable, CustomStringConvertible {
    let program: PolicyProgram
    let member: Int?
    let monthlyFen: Int64

    init(_ program: PolicyProgram, _ member: Int?, _ monthlyFen: Int64) {
        self.program = program
        self.member = member
        self.monthlyFen = monthlyFen
    }

    var description: String { "\(program.rawValue)(\(member.map(String.init) ?? "-")) \(monthlyFen)" }
}

extension Assessment {
    var entries: [PolicyEntry] { programs.map { PolicyEntry($0.program, $0.member, $0.monthly.value) } }

    func entries(_ program: PolicyProgram) -> [PolicyEntry] { entries.filter { $0.program == program } }

    func decision(_ program: PolicyProgram, member: Int? = nil) -> ProgramDecision? {
        programs.first { $0.program == program && $0.member == member }
    }
}
