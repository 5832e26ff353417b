import MinzhengCore

/// Declared means (incomes, assets, rigid expenses) for generated households, so that
/// demos, the what-if analysis and benchmarks have households to assess.
///
/// Deterministic: the same seed and household always give the same means, whatever the
/// order households are drawn in, because every random stream is derived from the seed
/// and ID numbers (hashed with FNV-1a, not `Hasher`, whose seed changes every run).
/// The month only sets ages: a household whose members are the same age in two months
/// gets the same means in both, and a birthday that crosses a threshold (school age,
/// retirement) redraws only what depends on it, since each member, the household's
/// fortune, its assets and its expenses draw from separate streams.
///
/// Under the 2021 Changzhou defaults about 4% of households qualify for dibao, 2–3% are
/// low-income edge, and a few elderly people living alone without a supporter are tekun
/// (SyntheticMeansTests keeps these shares in a band).
public struct SyntheticMeans: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Whether the demo household has declared its means to civil affairs (has applied for
    /// assistance): every household that `qualifies` under the rules in force, and about
    /// one in `otherApplicantsOneIn` of the others — applicants who were turned down.
    public func hasDeclaredMeans(
        _ household: SyntheticHousehold, qualifies: Bool, otherApplicantsOneIn: UInt64 = 10
    ) -> Bool {
        if qualifies { return true }
        var random = SyntheticMeansStreams(seed: seed, household: household).application
        return random.next() % otherApplicantsOneIn == 0
    }

    /// The assessment request of `household` for `month`, in its community's region.
    /// Members not yet born by the end of `month` are left out.
    public func request(for household: SyntheticHousehold, month: YearMonth) -> AssessmentRequest {
        let streams = SyntheticMeansStreams(seed: seed, household: household)
        let lastDay = month.lastDay
        let persons = household.members.filter { $0.birthDate <= lastDay }
        let ages = persons.map { $0.birthDate.age(on: month.firstDay) }
        var fortuneRandom = streams.fortune
        let fortune = HouseholdFortune.draw(risk: Self.risk(persons, ages), &fortuneRandom)
        var draft = SyntheticMeansDraft(fortune: fortune, persons: persons, ages: ages)
        draft.drawMembers { streams.member($0) }
        var assetRandom = streams.assets
        draft.drawAssets(&assetRandom)
        var expenseRandom = streams.expenses
        draft.drawExpenses(&expenseRandom)
        return AssessmentRequest(
            region: household.community.value, month: month, members: draft.members,
            assets: draft.assets, annualRigidExpensesFen: draft.expenses)
    }

    private static func risk(_ persons: [SyntheticPerson], _ ages: [Int]) -> HouseholdFortune.Risk {
        var risk = HouseholdFortune.Risk()
        risk.noWorkingAdult = !zip(persons, ages).contains { person, age in
            (18...59).contains(age) && person.laborCapacity != .none
        }
        risk.severeDisability = persons.contains { ($0.disabilityGrade ?? 9) <= 2 }
        risk.ruralHead = persons.first?.hukou == .rural
        risk.singleAdultWithChildren = ages.contains { $0 < 18 } && ages.count { $0 >= 18 } == 1
        return risk
    }
}

/// The independent random streams of one household's means.
struct SyntheticMeansStreams {
    private let base: UInt64

    init(seed: UInt64, household: SyntheticHousehold) {
        base = Self.mix(seed, Self.fnv1a(household.head.residentID.value))
    }

    var fortune: SplitMix64 { SplitMix64(seed: Self.mix(base, 1)) }
    var assets: SplitMix64 { SplitMix64(seed: Self.mix(base, 2)) }
    var expenses: SplitMix64 { SplitMix64(seed: Self.mix(base, 3)) }
    var application: SplitMix64 { SplitMix64(seed: Self.mix(base, 4)) }
    func member(_ person: SyntheticPerson) -> SplitMix64 {
        SplitMix64(seed: Self.mix(base, Self.fnv1a(person.residentID.value)))
    }

    /// One SplitMix step over the combined value decorrelates neighbouring inputs.
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var random = SplitMix64(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
        return random.next()
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
