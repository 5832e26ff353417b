/// R11, 困难残疾人生活补贴, per member: any disability, not tekun, covered by dibao (its
/// household) or by individual dibao (itself).
enum LivingSubsidyRule {
    static func apply(_ p: PolicyParameters, _ members: [MemberFacts], _ programs: inout [ProgramDecision]) {
        let s = p.dibaoStandard
        for (i, facts) in members.enumerated() where facts.isDisabled && !facts.isTekun {
            guard let coveredBy = facts.coveredBy, let disability = facts.disability else { continue }
            let rate = facts.isSeverelyDisabled ? p.livingSubsidySevereRate : p.livingSubsidyOtherRate
            let amount = rate.ofRoundedUpToYuan(s)
            programs.append(
                ProgramDecision(
                    program: .livingSubsidy, member: i, monthly: amount,
                    trace: [
                        .livingSubsidy(
                            member: i, disability: disability, coveredBy: coveredBy, rate: rate, standard: s,
                            amount: amount)
                    ]))
        }
    }
}
