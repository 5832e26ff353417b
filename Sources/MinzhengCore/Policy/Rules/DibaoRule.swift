/// R4, 低保, household: P < S and the asset test passes.
enum DibaoRule {
    static func decide(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ assetTest: AssetTestResult,
        _ household: HouseholdIncome, _ members: [MemberFacts]
    ) -> ProgramDecision? {
        let s = p.dibaoStandard
        guard household.size > 0, assetTest.passed, household.perCapita < s else { return nil }

        var trace = household.steps
        trace.append(.perCapitaBelowStandard(perCapita: household.perCapita, standard: s))
        trace.append(assetTest.passedStep(p))
        let shortfall = (s - household.perCapita) * household.size
        trace.append(
            .dibaoShortfall(
                standard: s, perCapita: household.perCapita,
                householdSize: household.size, shortfall: shortfall))
        var total = shortfall
        for (i, member) in request.members.enumerated() where !members[i].isTekun {
            guard let (reason, rate) = addOn(member, members[i], p) else { continue }
            // Each add-on stays exact to the fen: only the total is rounded up to a yuan.
            let amount = rate.ofRoundedUpToFen(s)
            total = total + amount
            trace.append(.dibaoAddOn(member: i, reason: reason, rate: rate, amount: amount))
        }
        let rounded = total.roundedUpToYuan
        trace.append(.dibaoTotalRoundedUp(exact: total, rounded: rounded))
        return ProgramDecision(program: .dibao, member: nil, monthly: rounded, trace: trace)
    }

    /// The one add-on a member brings, the largest that applies (health first on a tie).
    private static func addOn(
        _ member: AssessmentRequest.Member, _ facts: MemberFacts,
        _ p: PolicyParameters
    ) -> (PolicyTraceStep.DibaoAddOnReason, Rate)? {
        var health: (PolicyTraceStep.DibaoAddOnReason, Rate)?
        if facts.hasQualifyingDisability, let disability = facts.disability {
            health = (.disability(disability), p.dibaoAddOnDisabilityIllnessRate)
        } else if member.seriousIllness {
            health = (.seriousIllness, p.dibaoAddOnDisabilityIllnessRate)
        }
        var age: (PolicyTraceStep.DibaoAddOnReason, Rate)?
        if facts.age >= p.elderlyAge {
            age = (.elderly(age: facts.age, elderlyAge: p.elderlyAge), p.dibaoAddOnElderlyMinorRate)
        } else if facts.age < p.adultAge {
            age = (.minor(age: facts.age, adultAge: p.adultAge), p.dibaoAddOnElderlyMinorRate)
        }
        guard let h = health else { return age }
        guard let a = age else { return h }
        return a.1 > h.1 ? a : h
    }
}
