/// R1, 特困供养, per member. Marks tekun members so that they leave the household for R2
/// and R4–R7, and so that R10 and R11 skip them.
enum TekunRule {
    static func apply(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ assetTest: AssetTestResult,
        _ members: inout [MemberFacts], _ programs: inout [ProgramDecision]
    ) {
        guard assetTest.passed else { return }
        let s = p.dibaoStandard
        for (i, member) in request.members.enumerated() {
            let facts = members[i]
            let elderly = facts.age >= p.elderlyAge
            let basis: PolicyTraceStep.TekunBasis
            if elderly {
                basis = .elderly(elderlyAge: p.elderlyAge)
            } else if facts.hasQualifyingDisability, let disability = facts.disability {
                basis = .qualifyingDisability(disability, adultAge: p.adultAge)
            } else {
                continue
            }
            guard facts.age >= p.adultAge,
                member.laborCapacity == .none || elderly,
                !member.hasCapableSupporter,
                facts.countedIncome < s
            else { continue }
            members[i].isTekun = true

            let basic = p.tekunBasicMultiplier.ofRoundedUpToYuan(s)
            let careRate: Rate
            switch member.selfCare {
            case .full: careRate = p.tekunCareFullRate
            case .partial: careRate = p.tekunCarePartialRate
            case .none: careRate = p.tekunCareNoneRate
            }
            let care = careRate.ofRoundedUpToYuan(s)
            programs.append(
                ProgramDecision(
                    program: .tekun, member: i, monthly: basic + care,
                    trace: [
                        .standardInForce(standard: s, month: request.month),
                        .tekunPerson(member: i, age: facts.age, basis: basis),
                        .tekunLaborCapacity(
                            member: i, capacity: member.laborCapacity, elderlyAge: elderly ? p.elderlyAge : nil),
                        .noCapableSupporter(member: i),
                        .ownIncomeBelowStandard(member: i, income: facts.countedIncome, standard: s),
                        assetTest.passedStep(p),
                        .tekunBasicLiving(multiplier: p.tekunBasicMultiplier, standard: s, amount: basic),
                        .tekunCare(selfCare: member.selfCare, rate: careRate, standard: s, amount: care),
                        .monthlyAmount(basic + care),
                    ]))
        }
    }
}
