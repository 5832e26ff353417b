import Testing
import MinzhengCore

@Suite("R12 senior allowance")
struct SeniorAllowanceRuleTests {
    @Test(arguments: [
        // (age, one day short, allowance)
        (80, true, Int64?.none), (80, false, 5000), (89, false, 5000), (90, true, 5000), (90, false, 10_000),
        (99, false, 10_000), (100, true, 10_000), (100, false, 50_000), (105, false, 50_000),
    ])
    func byAgeOnTheFirstOfTheMonth(age: Int, oneDayShort: Bool, amount: Int64?) throws {
        let member = PolicyFixtures.member(age: age, oneDayShort: oneDayShort) {
            $0.incomes = [PolicyFixtures.income(.pension, 500_000)]
        }
        let a = try PolicyFixtures.assess([member])
        #expect(a.entries == (amount.map { [PolicyEntry(.seniorAllowance, 0, $0)] } ?? []))
    }

    @Test func tekunMembersGetItToo() throws {
        let a = try PolicyFixtures.assess([TekunRuleTests.candidate(age: 85)])
        #expect(a.entries == [PolicyEntry(.tekun, 0, 141_000), PolicyEntry(.seniorAllowance, 0, 5000)])
        #expect(
            try #require(a.decision(.seniorAllowance, member: 0)).renderedTrace == [
                "第 1 位成员 85 岁，年满 80 周岁，尊老金 50.00 元/月"
            ])
    }

    @Test func aBirthdayLaterInTheMonthCountsFromTheNextMonth() throws {
        // 80th birthday on 2021-02-15: 79 completed years on 2021-02-01, 80 on 2021-03-01.
        let member = AssessmentRequest.Member(
            birthDate: CivilDate("1941-02-15")!, sex: .male,
            incomes: [PolicyFixtures.income(.pension, 500_000)])
        #expect(try PolicyFixtures.assess([member], month: "2021-02").entries.isEmpty)
        #expect(
            try PolicyFixtures.assess([member], month: "2021-03").entries == [PolicyEntry(.seniorAllowance, 0, 5000)])
    }
}
