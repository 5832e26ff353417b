import Testing
import MinzhengCore

@Suite("R13 gradual exit")
struct GradualExitRuleTests {
    static let june = PolicyFixtures.ym("2021-06")

    /// A reassessment in 2021-06 of one adult whose wage decides dibao.
    static func reassessment(wage: Int64, assets: AssessmentRequest.Assets = .init()) throws -> Assessment {
        try PolicyFixtures.assess(
            [PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(.wage, wage)] }],
            assets: assets)
    }

    @Test func stillEligibleTakesTheNewAmount() throws {
        let outcome = GradualExitRule.reassess(
            .active(monthly: Fen(50_000)), with: try Self.reassessment(wage: 50_000),
            failsOnlyBecauseEarnedIncomeRose: false, parameters: try PolicyFixtures.parameters())
        // 500.00 − 282.00 = 218.00; 940.00 − 218.00 = 722.00
        #expect(outcome == .continues(monthly: Fen(72_200)))
        #expect(outcome.state == .active(monthly: Fen(72_200)))
    }

    @Test func anEarnedIncomeRiseKeepsTheAmountForSixMonths() throws {
        let outcome = GradualExitRule.reassess(
            .active(monthly: Fen(50_000)), with: try Self.reassessment(wage: 300_000),
            failsOnlyBecauseEarnedIncomeRose: true, parameters: try PolicyFixtures.parameters())
        #expect(outcome == .gradualExitStarts(monthly: Fen(50_000), lastMonth: PolicyFixtures.ym("2021-12"), months: 6))
        #expect(outcome.state == .gradualExit(monthly: Fen(50_000), lastMonth: PolicyFixtures.ym("2021-12")))
        #expect(outcome.chinese == "因家庭成员就业收入增加不再符合低保条件，给予 6 个月渐退期：按原金额 500.00 元/月发放至 2021-12，之后停止保障")
    }

    @Test func anyOtherFailureEndsFromTheNextMonth() throws {
        let outcome = GradualExitRule.reassess(
            .active(monthly: Fen(50_000)), with: try Self.reassessment(wage: 300_000),
            failsOnlyBecauseEarnedIncomeRose: false, parameters: try PolicyFixtures.parameters())
        #expect(outcome == .ends(lastMonth: Self.june))
        #expect(outcome.chinese == "不再符合低保条件，自 2021-07 起停止保障")
    }

    @Test func aFailedAssetTestIsAnotherFailure() throws {
        let outcome = GradualExitRule.reassess(
            .active(monthly: Fen(50_000)),
            with: try Self.reassessment(wage: 300_000, assets: .init(vehicles: 1)),
            failsOnlyBecauseEarnedIncomeRose: true, parameters: try PolicyFixtures.parameters())
        #expect(outcome == .ends(lastMonth: Self.june))
    }

    @Test func duringTheGradualExit() throws {
        let p = try PolicyFixtures.parameters()
        let exiting = DibaoEnrollmentState.gradualExit(monthly: Fen(50_000), lastMonth: PolicyFixtures.ym("2021-09"))
        let richer = try Self.reassessment(wage: 300_000)
        #expect(
            GradualExitRule.reassess(exiting, with: richer, failsOnlyBecauseEarnedIncomeRose: true, parameters: p)
                == .gradualExitContinues(monthly: Fen(50_000), lastMonth: PolicyFixtures.ym("2021-09")))
        #expect(
            GradualExitRule.reassess(exiting, with: richer, failsOnlyBecauseEarnedIncomeRose: false, parameters: p)
                == .ends(lastMonth: Self.june))
        #expect(
            GradualExitRule.reassess(
                exiting, with: try Self.reassessment(wage: 0), failsOnlyBecauseEarnedIncomeRose: false,
                parameters: p) == .continues(monthly: Fen(94_000)))
    }

    @Test func withoutAGradualExitPeriodTheEnrollmentEnds() throws {
        let p = try PolicyFixtures.parameters(overriding: [.gradualExitMonths: 0])
        let outcome = GradualExitRule.reassess(
            .active(monthly: Fen(50_000)), with: try Self.reassessment(wage: 300_000),
            failsOnlyBecauseEarnedIncomeRose: true, parameters: p)
        #expect(outcome == .ends(lastMonth: Self.june))
    }

    @Test func anEndedEnrollmentStaysEnded() throws {
        let ended = DibaoEnrollmentState.ended(lastMonth: PolicyFixtures.ym("2021-03"))
        let outcome = GradualExitRule.reassess(
            ended, with: try Self.reassessment(wage: 0), failsOnlyBecauseEarnedIncomeRose: false,
            parameters: try PolicyFixtures.parameters())
        #expect(outcome == .alreadyEnded(lastMonth: PolicyFixtures.ym("2021-03")))
    }
}
