/// R5, 单人保: when the household misses dibao with S ≤ P < 2 × S, each adult member with a
/// severe disability, a serious illness or a grade-3 intellectual/mental disability.
enum IndividualDibaoRule {
    static func apply(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ assetTest: AssetTestResult,
        _ household: HouseholdIncome, _ members: inout [MemberFacts], _ programs: inout [ProgramDecision]
    ) {
        let s = p.dibaoStandard
        // P is an integer, so P < k × S exactly when P < ⌈k × S⌉ in fen.
        let ceiling = p.individualDibaoCeiling.ofRoundedUpToFen(s)
        guard household.size > 0, assetTest.passed, household.perCapita >= s, household.perCapita < ceiling else {
            return
        }

        for (i, member) in request.members.enumerated() where !members[i].isTekun && members[i].age >= p.adultAge {
            let facts = members[i]
            var best: (PolicyTraceStep.IndividualDibaoBasis, Rate)?
            if facts.isSeverelyDisabled, let disability = facts.disability {
                best = (.severeDisability(disability), p.individualDibaoSevereRate)
            } else if member.seriousIllness {
                best = (.seriousIllness, p.individualDibaoSevereRate)
            }
            if facts.isGrade3IntellectualOrMental, let disability = facts.disability,
                best.map({ p.individualDibaoIntellectualMentalRate > $0.1 }) ?? true
            {
                best = (.grade3IntellectualOrMental(disability), p.individualDibaoIntellectualMentalRate)
            }
            guard let (basis, rate) = best else { continue }
            members[i].coveredBy = .individualDibao
            let amount = rate.ofRoundedUpToYuan(s)
            var trace = household.steps
            trace.append(
                .perCapitaWithinMultiple(
                    perCapita: household.perCapita, standard: s,
                    multiplier: p.individualDibaoCeiling, ceiling: ceiling))
            trace.append(assetTest.passedStep(p))
            trace.append(
                .individualDibao(member: i, age: facts.age, basis: basis, rate: rate, standard: s, amount: amount))
            programs.append(ProgramDecision(program: .individualDibao, member: i, monthly: amount, trace: trace))
        }
    }
}
