/// 尊老金 tiers in force in one month (POLICY.md R12, `seniorAllowance*` dated parameters):
/// the age of each tier and its monthly amount, highest age first.
public struct SeniorAllowanceTiers: Hashable, Sendable {
    public struct Tier: Hashable, Sendable {
        public let age: Int
        public let amount: Fen

        public init(age: Int, amount: Fen) {
            self.age = age
            self.amount = amount
        }
    }

    /// Highest age first.
    public let tiers: [Tier]

    public init(_ tiers: [Tier]) {
        self.tiers = tiers.sorted { $0.age > $1.age }
    }

    /// The tiers of a month's parameters.
    public init(_ p: PolicyParameters) {
        self.init([
            Tier(age: p.seniorAllowanceTier1Age, amount: p.seniorAllowanceTier1),
            Tier(age: p.seniorAllowanceTier2Age, amount: p.seniorAllowanceTier2),
            Tier(age: p.seniorAllowanceTier3Age, amount: p.seniorAllowanceTier3),
        ])
    }

    /// The lowest age that is paid at all.
    public var firstAge: Int { tiers.last?.age ?? Int.max }

    /// The monthly amount for someone born on `birth` in `month`: the tier of their age in
    /// completed years on the first day of the month (POLICY.md "Age"); nil below the first tier.
    public func amount(born birth: CivilDate, in month: YearMonth) -> Fen? {
        let age = birth.age(on: month.firstDay)
        return tiers.first { age >= $0.age }?.amount
    }

    /// The same rule as birth-date bounds, for SQL: a person is at least `age` on the first day of
    /// `month` exactly when born on or before the day `age` years before it (ISO dates compare as
    /// text). Highest age first, like `tiers`.
    public func bornOnOrBefore(in month: YearMonth) -> [(bound: CivilDate, amount: Fen)] {
        tiers.map { tier in
            (CivilDate(year: month.year - tier.age, month: month.month, day: 1)!, tier.amount)
        }
    }

    /// The first month that begins at `age` or older: the month of the birthday when it falls on
    /// the 1st, else the month after (born 15 March → April; born 1 March → March; born 29 February
    /// → March, in common years as in leap years).
    public static func firstMonth(born birth: CivilDate, age: Int) -> YearMonth {
        let month = YearMonth(year: birth.year + age, month: birth.month)!
        return birth.day == 1 ? month : month.adding(months: 1)
    }
}
