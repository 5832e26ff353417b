import Testing
import MinzhengCore

@Suite("R10 nursing subsidy and R11 living subsidy")
struct DisabilitySubsidyTests {
    static let wellOffParent = PolicyFixtures.member(age: 45) {
        $0.incomes = [PolicyFixtures.income(.pension, 500_000)]
    }
    static let poorParent = PolicyFixtures.member(age: 45)

    static func disabled(
        grade: Int, kind: DisabilityKind = .physical, hukou: Hukou = .urban
    ) -> AssessmentRequest.Member {
        PolicyFixtures.member(age: 25) {
            $0.disabilityGrade = grade
            $0.disabilityKind = kind
            $0.hukou = hukou
        }
    }

    @Test(arguments: [
        // (grade, hukou, nursing subsidy): severe only, whatever the household's income.
        (1, Hukou.urban, Int64?.some(13_000)), (2, .rural, 9000), (3, .urban, nil), (4, .rural, nil),
    ])
    func nursingSubsidy(grade: Int, hukou: Hukou, amount: Int64?) throws {
        let a = try PolicyFixtures.assess([Self.wellOffParent, Self.disabled(grade: grade, hukou: hukou)])
        #expect(a.entries(.nursingSubsidy) == (amount.map { [PolicyEntry(.nursingSubsidy, 1, $0)] } ?? []))
    }

    @Test func noNursingOrLivingSubsidyForTekun() throws {
        let member = PolicyFixtures.member(age: 30) {
            $0.disabilityGrade = 1
            $0.disabilityKind = .physical
            $0.laborCapacity = .none
            $0.hasCapableSupporter = false
        }
        let a = try PolicyFixtures.assess([member])
        #expect(a.entries == [PolicyEntry(.tekun, 0, 141_000)])
    }

    @Test(arguments: [
        // (grade, living subsidy when the household gets dibao): ⌈0.30 × S⌉ severe, ⌈0.25 × S⌉ otherwise.
        (1, Int64(28_200)), (2, 28_200), (3, 23_500), (4, 23_500),
    ])
    func livingSubsidyUnderDibao(grade: Int, amount: Int64) throws {
        let a = try PolicyFixtures.assess([Self.poorParent, Self.disabled(grade: grade)])
        #expect(a.entries(.dibao).count == 1)
        #expect(a.entries(.livingSubsidy) == [PolicyEntry(.livingSubsidy, 1, amount)])
        let trace = try #require(a.decision(.livingSubsidy, member: 1)).renderedTrace
        #expect(trace.first?.contains("家庭享受低保") == true)
    }

    @Test func livingSubsidyUnderIndividualDibao() throws {
        let parent = PolicyFixtures.member(age: 45) { $0.incomes = [PolicyFixtures.income(.wage, 250_000)] }
        let a = try PolicyFixtures.assess([parent, Self.disabled(grade: 1)])
        #expect(a.entries(.livingSubsidy) == [PolicyEntry(.livingSubsidy, 1, 28_200)])
        let trace = try #require(a.decision(.livingSubsidy, member: 1)).renderedTrace
        #expect(trace == ["第 2 位成员一级肢体残疾，本人享受单人保，困难残疾人生活补贴：0.3 × 940.00 元 = 282.00 元/月（向上取整到元）"])
    }

    @Test func noLivingSubsidyWithoutDibaoOrIndividualDibao() throws {
        // Grade 4 gets no individual dibao, so the edge household's member is not covered.
        let parent = PolicyFixtures.member(age: 45) { $0.incomes = [PolicyFixtures.income(.wage, 250_000)] }
        let a = try PolicyFixtures.assess([parent, Self.disabled(grade: 4)])
        #expect(a.entries == [PolicyEntry(.lowIncomeEdge, nil, 0)])
        let b = try PolicyFixtures.assess([Self.wellOffParent, Self.disabled(grade: 2)])
        #expect(b.entries == [PolicyEntry(.nursingSubsidy, 1, 13_000)])
    }
}
