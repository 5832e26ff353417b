/// R9, 困境儿童, per member: a child who is not an orphan, by category, paid relative to
/// the community orphan allowance.
enum ChildInDistressRule {
    static func apply(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ members: [MemberFacts],
        _ programs: inout [ProgramDecision]
    ) {
        for (i, member) in request.members.enumerated() where !member.orphan && members[i].age < p.adultAge {
            guard let category = member.childCategory else { continue }
            let rate: Rate?
            switch category {
            case .unsupported: rate = nil
            case .guardianshipLost: rate = p.childGuardianshipLostRate
            case .disabledOrIll: rate = p.childDisabledOrIllRate
            }
            let amount = rate.map { $0.ofRoundedUpToYuan(p.orphanCommunity) } ?? p.orphanCommunity
            programs.append(
                ProgramDecision(
                    program: .childInDistress, member: i, monthly: amount,
                    trace: [
                        .childInDistress(
                            member: i, age: members[i].age, adultAge: p.adultAge, category: category,
                            orphanCommunity: p.orphanCommunity, rate: rate, amount: amount)
                    ]))
        }
    }
}
