import Testing
import MinzhengCore

@Suite("R5 individual dibao")
struct IndividualDibaoRuleTests {
    /// An earner aged 50 whose wage sets P, and a second member described by `configure`.
    static func household(
        wage: Int64, _ configure: @escaping (inout AssessmentRequest.Member) -> Void
    ) -> [AssessmentRequest.Member] {
        [
            PolicyFixtures.member(age: 50) { $0.incomes = [PolicyFixtures.income(.wage, wage)] },
            PolicyFixtures.member(age: 20, configure),
        ]
    }

    /// The wage giving P exactly: (wage − 28200) / 2.
    static func wage(perCapita: Int64) -> Int64 { perCapita * 2 + 28_200 }

    @Test(arguments: [
        // (P, individual dibao): S ≤ P < 2 × S.
        (Int64(93_999), false), (94_000, true), (187_999, true), (188_000, false),
    ])
    func perCapitaBounds(perCapita: Int64, eligible: Bool) throws {
        let a = try PolicyFixtures.assess(
            Self.household(wage: Self.wage(perCapita: perCapita)) {
                $0.disabilityGrade = 1
                $0.disabilityKind = .physical
            })
        #expect(a.perCapitaIncome == Fen(perCapita))
        #expect(a.entries(.individualDibao) == (eligible ? [PolicyEntry(.individualDibao, 1, 61_100)] : []))
    }

    @Test(arguments: [
        // (grade, kind, serious illness, amount)
        (Int?.some(2), DisabilityKind?.some(.speech), false, Int64?.some(61_100)),
        (nil, nil, true, 61_100),
        (3, .intellectual, false, 70_500),
        (3, .mental, true, 70_500),
        (3, .physical, false, nil),
        (4, .mental, false, nil),
        (nil, nil, false, nil),
    ])
    func whoQualifiesAndForHowMuch(grade: Int?, kind: DisabilityKind?, illness: Bool, amount: Int64?) throws {
        let a = try PolicyFixtures.assess(
            Self.household(wage: Self.wage(perCapita: 110_000)) {
                $0.disabilityGrade = grade
                $0.disabilityKind = kind
                $0.seriousIllness = illness
            })
        #expect(a.entries(.individualDibao) == (amount.map { [PolicyEntry(.individualDibao, 1, $0)] } ?? []))
    }

    @Test func onlyAdults() throws {
        let members = [
            // H = 358200 − 28200 = 330000, P = 110000.
            PolicyFixtures.member(age: 50) { $0.incomes = [PolicyFixtures.income(.wage, 358_200)] },
            PolicyFixtures.member(age: 18, oneDayShort: true) { $0.seriousIllness = true },
            PolicyFixtures.member(age: 18) { $0.seriousIllness = true },
        ]
        let a = try PolicyFixtures.assess(members)
        #expect(a.entries(.individualDibao) == [PolicyEntry(.individualDibao, 2, 61_100)])
    }

    @Test func notWhenTheHouseholdGetsDibao() throws {
        let a = try PolicyFixtures.assess(
            Self.household(wage: Self.wage(perCapita: 50_000)) { $0.seriousIllness = true })
        #expect(a.entries(.individualDibao).isEmpty)
        #expect(a.entries(.dibao).count == 1)
    }

    @Test func traceShowsTheRangeAndTheRate() throws {
        let a = try PolicyFixtures.assess(
            Self.household(wage: Self.wage(perCapita: 110_900)) {
                $0.disabilityGrade = 1
                $0.disabilityKind = .physical
            })
        let trace = try #require(a.decision(.individualDibao, member: 1)).renderedTrace
        #expect(trace.contains("家庭月人均收入 1109.00 元，不低于低保标准 940.00 元，低于 2 倍低保标准 1880.00 元"))
        #expect(trace.last == "第 2 位成员 20 岁，一级肢体残疾，单独纳入低保（单人保）：0.65 × 940.00 元 = 611.00 元/月（向上取整到元）")
    }
}
