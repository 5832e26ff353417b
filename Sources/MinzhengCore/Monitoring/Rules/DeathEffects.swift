/// What a death does to the person's benefits (身后一件事): the death month is still paid,
/// and every benefit stops from the month after, without waiting for a visit.
public struct DeathEffects: Hashable, Sendable {
    public let deathDate: CivilDate

    public init(deathDate: CivilDate) { self.deathDate = deathDate }

    /// The last month paid: the month of the death.
    public var lastPaidMonth: YearMonth { deathDate.yearMonth }

    /// The first month without payment: the month after the death (January after December).
    public var benefitsStopFrom: YearMonth { lastPaidMonth.adding(months: 1) }
}
