/// Working days of government offices: Monday to Friday, minus public holidays, plus the
/// weekend days worked instead (调休). Review deadlines (30 working days) count these.
///
/// Outside the years of its notices the calendar knows only weekends; `covers(_:)` says
/// whether a date is inside the table, so a caller can warn before trusting a far date.
public struct WorkingDayCalendar: Sendable {
    /// Holiday names by day number (`CivilDate.daysSinceEpoch`).
    private let holidays: [Int: String]
    private let adjustedWorkdays: Set<Int>
    private let years: Set<Int>
    private let provisionalYears: Set<Int>

    public init(notices: [HolidayNotice]) {
        var holidays: [Int: String] = [:]
        for notice in notices {
            for holiday in notice.holidays {
                for day in holiday.days { holidays[day.daysSinceEpoch] = holiday.name }
            }
        }
        self.holidays = holidays
        adjustedWorkdays = Set(notices.flatMap(\.adjustedWorkdays).map(\.daysSinceEpoch))
        years = Set(notices.map(\.year))
        provisionalYears = Set(notices.filter(\.isProvisional).map(\.year))
    }

    /// Mainland China, 2021–2027 (2027 provisional).
    public static let china = WorkingDayCalendar(notices: ChinaHolidayNotices.all)

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        let day = date.daysSinceEpoch
        if adjustedWorkdays.contains(day) { return true }
        if holidays[day] != nil { return false }
        return date.weekday < 5
    }

    /// The holiday `date` falls in, e.g. "春节"; nil on other days.
    public func holidayName(on date: CivilDate) -> String? { holidays[date.daysSinceEpoch] }

    /// True when `date`'s year has a notice in the table.
    public func covers(_ date: CivilDate) -> Bool { years.contains(date.year) }

    /// True when `date`'s year is in the table only provisionally.
    public func isProvisional(_ date: CivilDate) -> Bool { provisionalYears.contains(date.year) }

    /// The day `n` working days after `date`, not counting `date` itself: a deadline of
    /// `n` working days from submission. `n` = 0 gives `date`; a negative `n` counts back.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        let step = n < 0 ? -1 : 1
        var day = date
        var left = abs(n)
        while left > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `from` up to and including `to` (negative when `to` is earlier),
    /// so that `workingDays(from: d, to: addingWorkingDays(n, to: d)) == n`.
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        let (start, end, sign) =
            from <= to
            ? (from.daysSinceEpoch, to.daysSinceEpoch, 1)
            : (to.daysSinceEpoch, from.daysSinceEpoch, -1)
        var count = 0
        var day = start + 1
        while day <= end {
            if isWorkingDay(CivilDate(daysSinceEpoch: day)) { count += 1 }
            day += 1
        }
        return sign * count
    }

    /// `date` if it is a working day, else the next working day.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : addingWorkingDays(1, to: date)
    }
}
