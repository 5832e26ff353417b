import Testing
import MinzhengCore

@Suite("R6 low-income edge and R7 expense hardship")
struct EdgeAndExpenseHardshipTests {
    /// One adult aged 40 whose pension is P.
    static func single(perCapita: Int64) -> [AssessmentRequest.Member] {
        [PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(.pension, perCapita)] }]
    }

    @Test(arguments: [
        // (P, edge): S ≤ P < 1.5 × S.
        (Int64(93_999), false), (94_000, true), (140_999, true), (141_000, false),
    ])
    func edgeBounds(perCapita: Int64, edge: Bool) throws {
        let a = try PolicyFixtures.assess(Self.single(perCapita: perCapita))
        #expect(a.entries(.lowIncomeEdge) == (edge ? [PolicyEntry(.lowIncomeEdge, nil, 0)] : []))
    }

    @Test func edgeTraceSaysNoCash() throws {
        let a = try PolicyFixtures.assess(Self.single(perCapita: 100_000))
        let trace = try #require(a.decision(.lowIncomeEdge)).renderedTrace
        #expect(trace.contains("家庭月人均收入 1000.00 元，不低于低保标准 940.00 元，低于 1.5 倍低保标准 1410.00 元"))
        #expect(trace.last == "低保边缘家庭不发放月度现金，可申请医疗、教育、住房等专项救助和临时救助")
    }

    @Test(arguments: [
        // (P, annual medical expenses, expense hardship)
        (Int64(141_000), Int64(1_000_000), true),  // (1692000 − 1000000) / 12 = 57666 < S
        (141_000, 0, false),  // 141000 ≥ S
        (141_000, 564_001, true),  // ⌊(1692000 − 564001) / 12⌋ = 93999
        (141_000, 564_000, false),  // exactly 94000 = S
        (140_999, 9_000_000, false),  // an edge household is not expense hardship
        (416_666, 90_000_000, true),  // 12 × P = 4999992 < 5000000; income after expenses negative
        (416_667, 90_000_000, false),  // 12 × P = 5000004
    ])
    func expenseHardship(perCapita: Int64, medical: Int64, eligible: Bool) throws {
        let a = try PolicyFixtures.assess(Self.single(perCapita: perCapita), expenses: .init(medical: Fen(medical)))
        #expect(a.entries(.expenseHardship) == (eligible ? [PolicyEntry(.expenseHardship, nil, 0)] : []))
    }

    @Test func allFourExpenseKindsCount() throws {
        let expenses = AssessmentRequest.RigidExpenses(
            medical: Fen(200_000), education: Fen(200_000),
            rehabilitation: Fen(200_000), disaster: Fen(200_000))
        let a = try PolicyFixtures.assess(Self.single(perCapita: 150_000), expenses: expenses)
        // (1800000 − 800000) / 12 = 83333 < S
        let trace = try #require(a.decision(.expenseHardship)).renderedTrace
        #expect(trace.contains("家庭年度刚性支出合计 8000.00 元（医疗 2000.00 元、教育 2000.00 元、康复 2000.00 元、受灾 2000.00 元）"))
        #expect(trace.contains("扣除刚性支出后月人均收入：(18000.00 − 8000.00) 元 ÷ 12 个月 ÷ 1 人 = 833.33 元，低于低保标准 940.00 元"))
        #expect(trace.contains("家庭人均年收入 18000.00 元，低于上年度居民人均可支配收入 50000.00 元"))
        #expect(trace.last == "支出型困难家庭不发放月度现金，可申请临时救助")
    }

    @Test func notWithoutTheAssetTest() throws {
        let a = try PolicyFixtures.assess(
            Self.single(perCapita: 150_000), assets: .init(ownsBusiness: true),
            expenses: .init(medical: Fen(9_000_000)))
        #expect(a.entries.isEmpty)
    }
}
