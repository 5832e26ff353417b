import Testing
import MinzhengCore

private func day(_ text: String) -> CivilDate { CivilDate(text)! }

@Suite("Working days: weekends, public holidays and 调休, 2021–2027")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.china

    @Test(arguments: [
        // 2025 元旦 and 春节 (1月28日–2月4日, 1月26日周日、2月8日周六上班)
        ("2025-01-01", false), ("2025-01-02", true), ("2025-01-04", false),
        ("2025-01-25", false), ("2025-01-26", true), ("2025-01-27", true),
        ("2025-01-28", false), ("2025-01-31", false), ("2025-02-03", false), ("2025-02-04", false),
        ("2025-02-05", true), ("2025-02-08", true), ("2025-02-09", false),
        // 2025 劳动节 (5月1日–5日, 4月27日周日上班) and 端午 (5月31日–6月2日)
        ("2025-04-27", true), ("2025-05-02", false), ("2025-05-05", false), ("2025-05-06", true), ("2025-06-02", false),
        // 2025 国庆节、中秋节 (10月1日–8日, 9月28日周日、10月11日周六上班)
        ("2025-09-27", false), ("2025-09-28", true), ("2025-09-30", true),
        ("2025-10-01", false), ("2025-10-06", false), ("2025-10-08", false), ("2025-10-09", true),
        ("2025-10-11", true), ("2025-10-12", false),
        // Other years: 元旦 2023 began in 2022; 2026 春节 is nine days; 2021 中秋 调休 Saturday.
        ("2022-12-31", false), ("2023-01-02", false), ("2023-01-28", true), ("2023-01-29", true),
        ("2026-01-02", false), ("2026-01-04", true), ("2026-02-14", true), ("2026-02-23", false), ("2026-02-28", true),
        ("2021-09-18", true), ("2021-09-21", false), ("2024-02-18", true), ("2024-06-10", false),
        // Outside the table: weekends only.
        ("2019-10-01", true), ("2030-01-05", false),
    ])
    func isWorkingDay(date: String, working: Bool) {
        #expect(calendar.isWorkingDay(day(date)) == working)
    }

    @Test(arguments: [
        // (start, n, result): n working days after start, the start day not counted
        ("2025-01-27", 1, "2025-02-05"),  // the day before 春节 → the first day after it
        ("2025-01-24", 1, "2025-01-26"),  // Friday → the 调休 Sunday
        ("2025-02-07", 1, "2025-02-08"),  // Friday → the 调休 Saturday
        ("2025-09-30", 1, "2025-10-09"),  // across 国庆
        ("2025-09-30", 3, "2025-10-11"),  // …onto the 调休 Saturday
        ("2025-09-30", 4, "2025-10-13"),
        ("2025-02-28", 1, "2025-03-03"),  // month boundary over a weekend
        ("2025-12-31", 1, "2026-01-04"),  // year boundary over 元旦 onto the 调休 Sunday
        ("2025-01-20", 30, "2025-03-07"),  // a review deadline across 春节
        ("2025-09-15", 30, "2025-10-31"),  // a review deadline across 国庆
        ("2025-12-25", 30, "2026-02-06"),  // across the year
        ("2025-01-25", 1, "2025-01-26"),  // submitted on a Saturday
        ("2025-03-05", 0, "2025-03-05"),
        ("2025-02-05", -1, "2025-01-27"),  // counting back over 春节
    ])
    func addingWorkingDays(start: String, n: Int, result: String) {
        #expect(calendar.addingWorkingDays(n, to: day(start)) == day(result))
    }

    @Test(arguments: [
        ("2025-01-27", "2025-02-05", 1),
        ("2025-09-30", "2025-10-13", 4),
        ("2025-10-13", "2025-09-30", -4),
        ("2025-03-05", "2025-03-05", 0),
        ("2025-01-20", "2025-03-07", 30),
        ("2025-12-31", "2026-01-04", 1),
        ("2025-01-28", "2025-02-04", 0),  // all of 春节: no working day
    ])
    func workingDaysBetween(from: String, to: String, count: Int) {
        #expect(calendar.workingDays(from: day(from), to: day(to)) == count)
    }

    @Test(arguments: [(2025, 248), (2026, 248)])
    func workingDaysInAYear(year: Int, count: Int) {
        let lastOfPreviousYear = CivilDate(year: year - 1, month: 12, day: 31)!
        let lastOfYear = CivilDate(year: year, month: 12, day: 31)!
        #expect(calendar.workingDays(from: lastOfPreviousYear, to: lastOfYear) == count)
    }

    @Test(arguments: 0...40)
    func addingThenCountingGivesBackN(n: Int) {
        for start in ["2025-01-20", "2025-09-26", "2026-02-13", "2021-09-17"] {
            let end = calendar.addingWorkingDays(n, to: day(start))
            #expect(calendar.workingDays(from: day(start), to: end) == n)
            #expect(n == 0 || calendar.isWorkingDay(end))
        }
    }

    @Test func holidayNamesAndCoverage() {
        #expect(calendar.holidayName(on: day("2025-01-30")) == "春节")
        #expect(calendar.holidayName(on: day("2025-10-06")) == "国庆节、中秋节")
        #expect(calendar.holidayName(on: day("2025-02-08")) == nil)
        for year in 2021...2027 {
            #expect(calendar.covers(CivilDate(year: year, month: 6, day: 1)!), "\(year)")
        }
        #expect(!calendar.covers(day("2028-06-01")))
        #expect(calendar.isProvisional(day("2027-02-08")))
        #expect(!calendar.isProvisional(day("2026-02-16")))
        #expect(!calendar.isWorkingDay(day("2027-02-08")))  // provisional 春节 2027
    }

    @Test func aCalendarCanBeBuiltFromAnyNotice() {
        let notice = HolidayNotice(
            year: 2030,
            holidays: [.init(name: "试验假日", first: day("2030-01-02"), last: day("2030-01-03"))],
            adjustedWorkdays: [day("2030-01-05")])
        let custom = WorkingDayCalendar(notices: [notice])
        #expect(!custom.isWorkingDay(day("2030-01-02")))
        #expect(custom.isWorkingDay(day("2030-01-05")))
        #expect(custom.addingWorkingDays(1, to: day("2030-01-01")) == day("2030-01-04"))
    }
}
