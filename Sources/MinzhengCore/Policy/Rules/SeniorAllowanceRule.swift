/// R12, 尊老金, per member, by age tier (tekun members too: it is not means-tested).
enum SeniorAllowanceRule {
    static func apply(_ p: PolicyParameters, _ members: [MemberFacts], _ programs: inout [ProgramDecision]) {
        for (i, facts) in members.enumerated() where facts.age >= p.seniorAllowanceTier1Age {
            let (tierAge, amount): (Int, Fen)
            if facts.age >= p.seniorAllowanceTier3Age {
                (tierAge, amount) = (p.seniorAllowanceTier3Age, p.seniorAllowanceTier3)
            } else if facts.age >= p.seniorAllowanceTier2Age {
                (tierAge, amount) = (p.seniorAllowanceTier2Age, p.seniorAllowanceTier2)
            } else {
                (tierAge, amount) = (p.seniorAllowanceTier1Age, p.seniorAllowanceTier1)
            }
            programs.append(
                ProgramDecision(
                    program: .seniorAllowance, member: i, monthly: amount,
                    trace: [
                        .seniorAllowance(member: i, age: facts.age, tierAge: tierAge, amount: amount)
                    ]))
        }
    }
}
