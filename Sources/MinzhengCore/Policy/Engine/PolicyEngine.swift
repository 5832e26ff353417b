/// The means test and every cash program of POLICY.md, as one pure function.
public enum PolicyEngine {
    /// Applies R1–R12 to one household for `request.month` with the parameters in force
    /// there. Pure and allocation-light: no text is built here (see `PolicyTraceStep`).
    ///
    /// The request should be valid (`AssessmentRequest.validate()`); decoding validates.
    public static func assess(_ request: AssessmentRequest, parameters p: PolicyParameters) -> Assessment {
        var members = MemberFacts.all(of: request)
        let assetTest = AssetTestRule.evaluate(request, p)
        var programs: [ProgramDecision] = []
        programs.reserveCapacity(4)

        TekunRule.apply(request, p, assetTest, &members, &programs)
        let household = HouseholdIncomeRule.compute(request, p, members)
        if let dibao = DibaoRule.decide(request, p, assetTest, household, members) {
            programs.append(dibao)
            for i in members.indices where !members[i].isTekun { members[i].coveredBy = .dibao }
        }
        IndividualDibaoRule.apply(request, p, assetTest, household, &members, &programs)
        if let edge = LowIncomeEdgeRule.decide(p, assetTest, household) { programs.append(edge) }
        if let hardship = ExpenseHardshipRule.decide(request, p, assetTest, household) { programs.append(hardship) }
        OrphanRule.apply(request, p, members, &programs)
        ChildInDistressRule.apply(request, p, members, &programs)
        NursingSubsidyRule.apply(request, p, members, &programs)
        LivingSubsidyRule.apply(p, members, &programs)
        SeniorAllowanceRule.apply(p, members, &programs)

        return Assessment(
            region: request.region, month: request.month, standard: p.dibaoStandard,
            householdSize: household.size, countedIncome: household.counted,
            perCapitaIncome: household.perCapita, assetTest: assetTest, programs: programs)
    }
}
