import MinzhengCore
@testable import MinzhengDemo
import Testing

@Suite("五社联动 funding: awards within the budget, never below the pass, payments only on accepted milestones")
struct FundingRulesTests {
    static let p = try! PolicyFixtures.parameters("2026-01").funding

    @Test func theDefaultsAreTheDocuments() {
        #expect(Self.p == FundingParameters.defaults)
        #expect(FundingParameters(values: Self.p.values) == Self.p)
    }

    static func candidate(_ id: String, _ scores: [Int], _ yuan: Int64, order: Int) -> FundingRules.Candidate {
        FundingRules.Candidate(id: id, scores: scores, requestedFen: yuan * 100, order: order)
    }

    @Test func scoreOrderTiesByEarlierSubmissionNeverBelowSixty() {
        let d = FundingRules.awards(
            [
                Self.candidate("late-tie", [80, 80, 80], 100_000, order: 5),
                Self.candidate("early-tie", [80, 80, 80], 100_000, order: 2),
                Self.candidate("best", [95, 90, 92], 150_000, order: 9),
                Self.candidate("below", [60, 59, 59], 10_000, order: 1),
                Self.candidate("two-reviewers", [99, 99], 10_000, order: 0),
                Self.candidate("pass", [60, 60, 60], 10_000, order: 7),
            ], budgetFen: 100_000_000, capFen: 20_000_000, Self.p)
        #expect(d.awards.map(\.id) == ["best", "early-tie", "late-tie", "pass"])
        #expect(d.passed["below"] == .belowPass(meanTenths: 593))
        #expect(d.passed["two-reviewers"] == .tooFewReviewers(2))
    }

    @Test func theFirstThatDoesNotFitEndsTheList() {
        let d = FundingRules.awards(
            [
                Self.candidate("a", [90, 90, 90], 60_000, order: 1),
                Self.candidate("b", [85, 85, 85], 50_000, order: 2),
                Self.candidate("c", [70, 70, 70], 10_000, order: 3),
            ], budgetFen: 10_000_000, capFen: 20_000_000, Self.p)
        #expect(d.awards.map(\.id) == ["a"])
        #expect(d.passed["b"] == .budgetExhausted && d.passed["c"] == .budgetExhausted)
        #expect(d.awardedFen == 6_000_000)
    }

    @Test func awardsNeverExceedTheBudgetNorTheCap() {
        var rng = SplitMix64(seed: 17)
        for _ in 0..<500 {
            let count = Int(rng.next() % 30)
            let candidates = (0..<count).map { i in
                FundingRules.Candidate(
                    id: "p\(i)", scores: (0..<(2 + Int(rng.next() % 4))).map { _ in Int(rng.next() % 101) },
                    requestedFen: Int64(rng.next() % 30_000_000), order: Int(rng.next() % 1000))
            }
            let budget = Int64(rng.next() % 200_000_000)
            let cap = Int64(rng.next() % 25_000_000)
            let d = FundingRules.awards(candidates, budgetFen: budget, capFen: cap, Self.p)
            #expect(d.awardedFen <= budget)
            #expect(d.awards.allSatisfy { $0.amountFen <= cap && $0.amountFen > 0 && $0.meanTenths >= 600 })
            // Score order: each award at least as good as the next.
            #expect(zip(d.awards, d.awards.dropFirst()).allSatisfy { $0.meanTenths >= $1.meanTenths })
            // Only proposals below the pass are refused for their score.
            #expect(
                d.passed.allSatisfy { _, why in
                    if case .belowPass(let m) = why { return m < 600 }
                    return true
                })
            #expect(d.awards.count + d.passed.count == count)
        }
    }

    @Test func paymentsAreFortyFortyTwentyAndAddUp() {
        let split = FundingRules.payments(awardFen: 12_345_67, Self.p)
        #expect(split[.start] == 493_826 && split[.midterm] == 493_826 && split[.final] == 246_915)
        #expect(split.values.reduce(0, +) == 12_345_67)
    }

    @Test func paymentsNeverPrecedeAnAcceptedMilestone() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            var accepted: Set<FundingMilestone> = []
            var paid: [FundingMilestone] = []
            for _ in 0..<12 {
                let milestone = FundingMilestone.allCases[Int(rng.next() % 3)]
                if rng.next() % 2 == 0 {
                    accepted.insert(milestone)
                } else if FundingRules.releaseProblem(milestone, accepted: accepted, paid: Set(paid)) == nil {
                    paid.append(milestone)
                }
                // Every payment made had its report accepted, in milestone order, once.
                #expect(paid.allSatisfy(accepted.contains))
                #expect(paid == paid.sorted() && Set(paid).count == paid.count)
            }
        }
        #expect(FundingRules.releaseProblem(.start, accepted: [], paid: [])?.message.contains("尚未通过验收") == true)
        #expect(FundingRules.releaseProblem(.midterm, accepted: [.midterm], paid: [])?.message.contains("项目启动") == true)
        #expect(FundingRules.releaseProblem(.start, accepted: [.start], paid: []) == nil)
        #expect(FundingRules.releaseProblem(.start, accepted: [.start], paid: [.start])?.kind == .conflict)
    }

    @Test func scoresAndRequestsAreChecked() throws {
        #expect(throws: FieldProblem.self) { try FundingRules.validatedScore(101, Self.p) }
        #expect(throws: FieldProblem.self) { try FundingRules.validatedScore(-1, Self.p) }
        #expect(try FundingRules.validatedScore(100, Self.p) == 100)
        #expect(throws: FieldProblem.self) { try FundingRules.validatedRequest(20_000_001, capFen: 20_000_000) }
        #expect(try FundingRules.validatedRequest(20_000_000, capFen: 20_000_000) == 20_000_000)
        #expect(FundingRules.meanTenths([60, 59, 59]) == 593)
        #expect(FundingRules.meanTenths([]) == nil)
    }
}
