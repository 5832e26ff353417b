/// R3: one asset test for the whole request; tekun members count in N.
enum AssetTestRule {
    static func evaluate(_ request: AssessmentRequest, _ p: PolicyParameters) -> AssetTestResult {
        let assets = request.assets
        // N ≥ 1 even for an unvalidated empty request, so the division is always defined.
        let n = Int64(max(request.members.count, 1))
        let perCapita = Fen(assets.financialFen.value / n)
        let limit = p.dibaoStandard * p.assetFinancialMonths
        var failures: [AssetTestFailure] = []
        if perCapita > limit {
            failures.append(.financialAssets(perCapita: perCapita, limit: limit, months: p.assetFinancialMonths))
        }
        if assets.vehicles > 0 { failures.append(.vehicles(count: assets.vehicles)) }
        if assets.residentialProperties > p.maxResidentialProperties {
            failures.append(
                .residentialProperties(count: assets.residentialProperties, maximum: p.maxResidentialProperties))
        }
        if assets.ownsBusiness { failures.append(.ownsBusiness) }
        return AssetTestResult(perCapitaFinancial: perCapita, financialLimit: limit, failures: failures)
    }
}

extension AssetTestResult {
    /// The step every eligible entry that requires R3 shows.
    func passedStep(_ p: PolicyParameters) -> PolicyTraceStep {
        .assetTestPassed(perCapitaFinancial: perCapitaFinancial, limit: financialLimit, months: p.assetFinancialMonths)
    }
}
