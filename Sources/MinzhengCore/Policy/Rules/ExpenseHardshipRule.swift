/// R7, 支出型困难: neither dibao nor edge (so P ≥ 1.5 × S), yet 12 × P is below last year's
/// disposable income and the income left after a year's rigid expenses is below S.
/// No cash; it opens temporary assistance.
enum ExpenseHardshipRule {
    static func decide(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ assetTest: AssetTestResult,
        _ household: HouseholdIncome
    ) -> ProgramDecision? {
        let s = p.dibaoStandard
        let edgeCeiling = p.edgeMultiplier.ofRoundedUpToFen(s)
        guard household.size > 0, assetTest.passed, household.perCapita >= edgeCeiling else { return nil }
        let annualPerCapita = household.perCapita * 12
        guard annualPerCapita < p.priorYearDisposableIncome else { return nil }
        let expenses = request.annualRigidExpensesFen
        let annualIncome = household.counted * 12
        let leftPerCapita = Fen(floorDiv(annualIncome.value - expenses.total.value, 12 * Int64(household.size)))
        guard leftPerCapita < s else { return nil }

        var trace = household.steps
        trace.append(
            .perCapitaAtLeastMultiple(
                perCapita: household.perCapita, multiplier: p.edgeMultiplier, threshold: edgeCeiling))
        trace.append(assetTest.passedStep(p))
        trace.append(.annualPerCapitaBelowLimit(annualPerCapita: annualPerCapita, limit: p.priorYearDisposableIncome))
        trace.append(
            .rigidExpenses(
                medical: expenses.medical, education: expenses.education,
                rehabilitation: expenses.rehabilitation, disaster: expenses.disaster,
                total: expenses.total))
        trace.append(
            .incomeAfterRigidExpenses(
                annualIncome: annualIncome, expenses: expenses.total,
                householdSize: household.size, monthlyPerCapita: leftPerCapita, standard: s))
        trace.append(.noMonthlyCash(.expenseHardship))
        return ProgramDecision(program: .expenseHardship, member: nil, monthly: .zero, trace: trace)
    }

    /// ⌊a / b⌋ for b > 0, also when expenses exceed income and a is negative.
    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }
}
