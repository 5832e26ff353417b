import MinzhengCore

/// The throughput of `PolicyEngine.assess` on varied synthetic households.
public struct PolicyBenchmarkResult: Sendable, Hashable {
    public let households: Int
    public let seconds: Double
    public let householdsPerSecond: Double
    /// Eligible entries and their monthly total over all households: a checksum that also
    /// keeps the optimizer from skipping the work.
    public let eligibleEntries: Int
    public let monthlyTotal: Fen
}

/// Measures single-core assessment throughput (`minzheng bench policy`).
public enum PolicyBenchmark {
    /// Generates `households` requests from `seed` first (not timed), resolves the default
    /// Changzhou parameters of each month, then times assessing every request once.
    public static func run(households: Int, seed: UInt64) throws(PolicyParameterError) -> PolicyBenchmarkResult {
        let defaults = try PolicyDefaults.load()
        let history = defaults.history
        let requests = syntheticRequests(count: households, seed: seed)
        // Parameters per month of the generated span, so that timing excludes resolution.
        var parametersByMonth: [YearMonth: PolicyParameters] = [:]
        for request in requests where parametersByMonth[request.month] == nil {
            parametersByMonth[request.month] = try history.parameters(for: request.region, month: request.month)
        }
        let parameters = requests.map { parametersByMonth[$0.month] }

        var entries = 0
        var total = Fen.zero
        let elapsed = ContinuousClock().measure {
            for i in requests.indices {
                guard let p = parameters[i] else { continue }
                let assessment = PolicyEngine.assess(requests[i], parameters: p)
                entries += assessment.programs.count
                for decision in assessment.programs { total = total + decision.monthly }
            }
        }
        let seconds = elapsed.inSeconds
        return PolicyBenchmarkResult(
            households: requests.count, seconds: seconds,
            householdsPerSecond: seconds > 0 ? Double(requests.count) / seconds : 0,
            eligibleEntries: entries, monthlyTotal: total)
    }

    /// Deterministic varied households: 1–6 members, months 2021-01 to 2023-12 (across the
    /// 2022-07 standard change), mixed incomes, disabilities, ages, orphans, assets.
    public static func syntheticRequests(count: Int, seed: UInt64) -> [AssessmentRequest] {
        var rng = SplitMix64(seed: seed)
        let regions = ["3204", "320402", "320402001", "320411", "320412003001"]
        let first = YearMonth(year: 2021, month: 1)!
        return (0..<max(0, count)).map { _ in
            let month = first.adding(months: rng.below(36))
            let size = 1 + rng.below(6)
            let members = (0..<size).map { index in syntheticMember(index: index, month: month, rng: &rng) }
            let assets = AssessmentRequest.Assets(
                financialFen: Fen(Int64(rng.chance(perMille: 700) ? rng.below(2_000_000) : rng.below(20_000_000))),
                vehicles: rng.chance(perMille: 50) ? 1 : 0,
                residentialProperties: rng.chance(perMille: 100) ? 2 : rng.below(2),
                ownsBusiness: rng.chance(perMille: 30))
            let expenses = AssessmentRequest.RigidExpenses(
                medical: Fen(Int64(rng.chance(perMille: 200) ? rng.below(8_000_000) : 0)),
                education: Fen(Int64(rng.chance(perMille: 150) ? rng.below(2_000_000) : 0)))
            return AssessmentRequest(
                region: regions[rng.below(regions.count)], month: month, members: members,
                assets: assets, annualRigidExpensesFen: expenses)
        }
    }

    private static func syntheticMember(index: Int, month: YearMonth, rng: inout SplitMix64) -> AssessmentRequest.Member
    {
        // The first two members are adults, later ones children or grandparents.
        let age = index < 2 ? 18 + rng.below(80) : (rng.chance(perMille: 700) ? rng.below(25) : 60 + rng.below(45))
        // `age` completed years on the first of the month, never born after it.
        let birthDate = month.firstDay.adding(days: -365 * age - rng.below(365))
        var member = AssessmentRequest.Member(
            birthDate: birthDate, sex: rng.chance(perMille: 500) ? .male : .female,
            hukou: rng.chance(perMille: 600) ? .urban : .rural)
        if rng.chance(perMille: 120) {
            member.disabilityGrade = 1 + rng.below(4)
            member.disabilityKind = DisabilityKind.allCases[rng.below(DisabilityKind.allCases.count)]
        }
        member.seriousIllness = rng.chance(perMille: 50)
        member.selfCare = SelfCare.allCases[rng.below(SelfCare.allCases.count)]
        member.laborCapacity = rng.chance(perMille: 250) ? .none : .full
        member.hasCapableSupporter = rng.chance(perMille: 700)
        if age < 18 {
            member.orphan = rng.chance(perMille: 30)
            member.careSetting = member.orphan ? (rng.chance(perMille: 500) ? .institution : .community) : nil
            if !member.orphan, rng.chance(perMille: 50) {
                member.childCategory = AssessmentRequest.ChildCategory.allCases[rng.below(3)]
            }
        }
        if (16...59).contains(age), rng.chance(perMille: 650) {
            member.incomes.append(
                .init(kind: rng.chance(perMille: 850) ? .wage : .business, monthlyFen: Fen(Int64(rng.below(600_000)))))
        }
        if age >= 60, rng.chance(perMille: 700) {
            member.incomes.append(.init(kind: .pension, monthlyFen: Fen(Int64(rng.below(300_000)))))
        }
        if rng.chance(perMille: 150) {
            let kind = AssessmentRequest.IncomeKind.allCases[rng.below(AssessmentRequest.IncomeKind.allCases.count)]
            member.incomes.append(.init(kind: kind, monthlyFen: Fen(Int64(rng.below(100_000)))))
        }
        return member
    }
}
