/// R10, 重度残疾人护理补贴, per member: a severe disability, not tekun (tekun care covers it).
enum NursingSubsidyRule {
    static func apply(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ members: [MemberFacts],
        _ programs: inout [ProgramDecision]
    ) {
        for (i, member) in request.members.enumerated() where members[i].isSeverelyDisabled && !members[i].isTekun {
            guard let disability = members[i].disability else { continue }
            let amount = member.hukou == .urban ? p.nursingSubsidyUrban : p.nursingSubsidyRural
            programs.append(
                ProgramDecision(
                    program: .nursingSubsidy, member: i, monthly: amount,
                    trace: [
                        .nursingSubsidy(member: i, disability: disability, hukou: member.hukou, amount: amount)
                    ]))
        }
    }
}
