/// R6, 低保边缘: S ≤ P < 1.5 × S and the asset test passes. No cash; it opens special assistance.
enum LowIncomeEdgeRule {
    static func decide(
        _ p: PolicyParameters, _ assetTest: AssetTestResult, _ household: HouseholdIncome
    ) -> ProgramDecision? {
        let s = p.dibaoStandard
        // P is an integer, so P < k × S exactly when P < ⌈k × S⌉ in fen.
        let ceiling = p.edgeMultiplier.ofRoundedUpToFen(s)
        guard household.size > 0, assetTest.passed, household.perCapita >= s, household.perCapita < ceiling else {
            return nil
        }
        var trace = household.steps
        trace.append(
            .perCapitaWithinMultiple(
                perCapita: household.perCapita, standard: s,
                multiplier: p.edgeMultiplier, ceiling: ceiling))
        trace.append(assetTest.passedStep(p))
        trace.append(.noMonthlyCash(.lowIncomeEdge))
        return ProgramDecision(program: .lowIncomeEdge, member: nil, monthly: .zero, trace: trace)
    }
}
