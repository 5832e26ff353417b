import Testing
import MinzhengCore

@Suite("R2 counted income")
struct HouseholdIncomeRuleTests {
    @Test(arguments: [
        // (age, one day short, counted income H): the deduction of 282.00 applies from 16 through 59.
        (16, false, Int64(21_800)), (16, true, 50_000), (59, false, 21_800), (60, false, 50_000), (60, true, 21_800),
    ])
    func employmentDeductionOnlyAtWorkingAge(age: Int, oneDayShort: Bool, counted: Int64) throws {
        let member = PolicyFixtures.member(age: age, oneDayShort: oneDayShort) {
            $0.incomes = [PolicyFixtures.income(.wage, 50_000)]
        }
        let a = try PolicyFixtures.assess([member])
        #expect(a.countedIncome == Fen(counted))
    }

    @Test(arguments: [
        // (kind, amount, H): the deduction is min(E, ⌈0.30 × S⌉) and only for earned income.
        (AssessmentRequest.IncomeKind.wage, Int64(20_000), Int64(0)),
        (.wage, 28_200, 0), (.wage, 28_201, 1), (.business, 100_000, 71_800),
        (.pension, 50_000, 50_000), (.property, 50_000, 50_000), (.unemployment, 50_000, 50_000),
        (.support, 50_000, 50_000), (.other, 50_000, 50_000),
    ])
    func countedKindsAndTheDeductionCap(kind: AssessmentRequest.IncomeKind, amount: Int64, counted: Int64) throws {
        let member = PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(kind, amount)] }
        #expect(try PolicyFixtures.assess([member]).countedIncome == Fen(counted))
    }

    @Test(arguments: AssessmentRequest.IncomeKind.allCases.filter { !$0.isCounted })
    func exemptIncomesAreNeverCounted(kind: AssessmentRequest.IncomeKind) throws {
        let member = PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(kind, 500_000)] }
        let a = try PolicyFixtures.assess([member])
        #expect(a.countedIncome == .zero)
        let trace = try #require(a.decision(.dibao)).renderedTrace
        #expect(trace.contains("第 1 位成员\(kind.chinese) 5000.00 元/月，属豁免收入，不计入"))
    }

    @Test func theExemptKindsAreThoseOfPolicySection2() {
        let exempt = Set(AssessmentRequest.IncomeKind.allCases.filter { !$0.isCounted }.map(\.rawValue))
        #expect(
            exempt == [
                "specialCare", "award", "assistance", "disabilitySubsidy", "orphanAllowance",
                "childcareSubsidy", "onlyChildBonus", "seniorAllowance",
            ])
    }

    @Test func perCapitaIsFlooredToTheFen() throws {
        let members = [
            PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(.pension, 100_000)] },
            PolicyFixtures.member(age: 38), PolicyFixtures.member(age: 10),
        ]
        let a = try PolicyFixtures.assess(members)
        #expect(a.householdSize == 3)
        #expect(a.perCapitaIncome == Fen(33_333))
    }

    @Test func eachEarnerGetsTheirOwnDeduction() throws {
        let members = [
            PolicyFixtures.member(age: 40) {
                $0.incomes = [PolicyFixtures.income(.wage, 100_000), PolicyFixtures.income(.business, 10_000)]
            },
            PolicyFixtures.member(age: 38) { $0.incomes = [PolicyFixtures.income(.wage, 10_000)] },
        ]
        // 110000 − 28200 + 10000 − 10000
        #expect(try PolicyFixtures.assess(members).countedIncome == Fen(81_800))
    }
}
