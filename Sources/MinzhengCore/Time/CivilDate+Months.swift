extension CivilDate {
    /// The same day `months` later (or earlier), on the month's last day when it has no such
    /// day: 2024-02-29 + 12 months = 2025-02-28.
    public func adding(months n: Int) -> CivilDate {
        let target = yearMonth.adding(months: n)
        return CivilDate(
            uncheckedYear: target.year, month: target.month,
            day: Swift.min(day, CivilDate.daysIn(year: target.year, month: target.month)))
    }
}
