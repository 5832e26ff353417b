/// R8, 孤儿基本生活费, per member: an orphan under the adult age.
enum OrphanRule {
    static func apply(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ members: [MemberFacts],
        _ programs: inout [ProgramDecision]
    ) {
        for (i, member) in request.members.enumerated() where member.orphan && members[i].age < p.adultAge {
            let setting = member.careSetting ?? .community
            let amount = setting == .institution ? p.orphanInstitution : p.orphanCommunity
            programs.append(
                ProgramDecision(
                    program: .orphan, member: i, monthly: amount,
                    trace: [
                        .orphanAllowance(
                            member: i, age: members[i].age, adultAge: p.adultAge, setting: setting, amount: amount)
                    ]))
        }
    }
}
