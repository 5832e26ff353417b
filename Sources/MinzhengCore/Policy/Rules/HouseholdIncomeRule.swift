/// R2: the counted income H and per-capita income P of the members left after tekun.
struct HouseholdIncome {
    /// n.
    var size = 0
    var gross = Fen.zero
    var deductions = Fen.zero
    /// H.
    var counted = Fen.zero
    /// P.
    var perCapita = Fen.zero
    /// The computation, step by step: the start of every household program's trace.
    var steps: [PolicyTraceStep] = []
}

enum HouseholdIncomeRule {
    static func compute(
        _ request: AssessmentRequest, _ p: PolicyParameters, _ members: [MemberFacts]
    ) -> HouseholdIncome {
        var result = HouseholdIncome()
        result.size = members.reduce(0) { $0 + ($1.isTekun ? 0 : 1) }
        // With nobody left R4–R7 do not apply, so no trace is needed either.
        guard result.size > 0 else { return result }

        let s = p.dibaoStandard
        let cap = p.employmentDeductionRate.ofRoundedUpToYuan(s)
        result.steps.reserveCapacity(4 + 2 * request.members.count)
        result.steps.append(.standardInForce(standard: s, month: request.month))
        for (i, member) in request.members.enumerated() {
            let facts = members[i]
            if facts.isTekun {
                result.steps.append(.memberLeftHouseholdAsTekun(member: i))
                continue
            }
            for income in member.incomes {
                if income.kind.isCounted {
                    result.steps.append(.incomeCounted(member: i, kind: income.kind, amount: income.monthlyFen))
                } else {
                    result.steps.append(.incomeExempt(member: i, kind: income.kind, amount: income.monthlyFen))
                }
            }
            result.gross = result.gross + facts.countedIncome
            if facts.earnedIncome > .zero, (p.workingAgeMin...p.workingAgeMax).contains(facts.age) {
                let deduction = min(facts.earnedIncome, cap)
                result.deductions = result.deductions + deduction
                result.steps.append(
                    .employmentDeduction(
                        member: i, age: facts.age, earned: facts.earnedIncome,
                        cap: cap, deduction: deduction))
            }
        }
        result.counted = max(.zero, result.gross - result.deductions)
        result.perCapita = Fen(result.counted.value / Int64(result.size))
        result.steps.append(
            .householdCountedIncome(gross: result.gross, deductions: result.deductions, counted: result.counted))
        result.steps.append(
            .perCapitaIncome(counted: result.counted, householdSize: result.size, perCapita: result.perCapita))
        return result
    }
}
