import Foundation
import Testing
import MinzhengCore

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "parses YYYY-MM-DD of days that exist",
        arguments: [
            "2021-06-15", "2000-02-29", "2024-02-29", "1900-02-28", "0001-01-01", "9999-12-31", "2021-04-30",
        ])
    func parses(text: String) throws {
        let date = try #require(CivilDate(text))
        #expect(date.description == text)
    }

    @Test(
        "refuses days that do not exist and other forms",
        arguments: [
            "2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2021-04-31", "2021-13-01", "2021-00-10",
            "2021-01-00", "2021-01-32", "0000-01-01", "2021-6-15", "2021/06/15", "20210615", "2021-06-15T00", "",
            "２０２１-06-15",
        ])
    func refuses(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("the compact form inside ID numbers", arguments: [("19491231", "1949-12-31"), ("20000229", "2000-02-29")])
    func compact(text: String, iso: String) {
        #expect(CivilDate(compact: Array(text.utf8)[...]) == CivilDate(iso))
    }

    @Test("compact forms that are not dates", arguments: ["20230229", "2023022", "202302290", "2023O101"])
    func compactInvalid(text: String) {
        #expect(CivilDate(compact: Array(text.utf8)[...]) == nil)
    }

    @Test(
        "leap years",
        arguments: [
            (2000, true), (2024, true), (1996, true), (1900, false), (2100, false), (2023, false), (2400, true),
        ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeap(year) == leap)
        #expect(CivilDate.daysIn(year: year, month: 2) == (leap ? 29 : 28))
    }

    @Test(
        "completed years, also for 29 February birthdays",
        arguments: [
            ("1950-03-07", "2021-06-01", 71), ("1950-06-01", "2021-06-01", 71), ("1950-06-02", "2021-06-01", 70),
            ("2000-02-29", "2001-02-28", 0), ("2000-02-29", "2001-03-01", 1), ("2000-02-29", "2004-02-28", 3),
            ("2000-02-29", "2004-02-29", 4), ("2000-02-29", "2100-02-28", 99), ("2000-02-29", "2100-03-01", 100),
            ("2021-06-01", "2021-06-01", 0), ("2003-06-02", "2021-06-01", 17), ("2003-06-01", "2021-06-01", 18),
        ])
    func age(birth: String, on date: String, years: Int) {
        #expect(CivilDate(birth)!.age(on: CivilDate(date)!) == years)
    }

    @Test(
        "days since 1970-01-01",
        arguments: [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2000-01-01", 10_957),
            ("2024-06-01", 19_875),
            ("1949-10-01", -7_397), ("1900-03-01", -25_508), ("1600-02-29", -135_081), ("0001-01-01", -719_162),
            ("9999-12-31", 2_932_896),
        ])
    func daysSinceEpoch(text: String, days: Int) {
        let date = CivilDate(text)!
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test("day numbers and dates agree day after day from 1600 to 2400")
    func roundTripOverEightCenturies() {
        var date = CivilDate("1600-01-01")!
        var days = date.daysSinceEpoch
        let last = CivilDate("2400-12-31")!
        var mismatches = 0
        while date < last {
            // The next day by the calendar rules, worked out without day numbers.
            let next =
                date.day < CivilDate.daysIn(year: date.year, month: date.month)
                ? CivilDate(year: date.year, month: date.month, day: date.day + 1)!
                : date.month < 12
                    ? CivilDate(year: date.year, month: date.month + 1, day: 1)!
                    : CivilDate(year: date.year + 1, month: 1, day: 1)!
            days += 1
            if next.daysSinceEpoch != days || CivilDate(daysSinceEpoch: days) != next || date.adding(days: 1) != next {
                mismatches += 1
            }
            date = next
        }
        #expect(mismatches == 0)
        #expect(days - CivilDate("1600-01-01")!.daysSinceEpoch == 292_559)
    }

    @Test(
        "weekday, 0 = Monday",
        arguments: [
            ("1970-01-01", 3), ("1969-12-31", 2), ("2024-06-01", 5), ("2000-01-01", 5), ("1949-10-01", 5),
            ("2021-06-07", 0), ("2021-06-13", 6), ("1900-03-01", 3), ("1600-02-29", 1), ("0001-01-01", 0),
        ])
    func weekday(text: String, weekday: Int) {
        #expect(CivilDate(text)!.weekday == weekday)
    }

    @Test(
        "adding days across months, years and leap days",
        arguments: [
            ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"), ("2021-12-31", 1, "2022-01-01"),
            ("2021-01-01", -1, "2020-12-31"), ("2021-06-01", 365, "2022-06-01"), ("2024-03-01", -366, "2023-03-01"),
        ])
    func adding(from: String, days: Int, to: String) {
        #expect(CivilDate(from)!.adding(days: days) == CivilDate(to))
    }

    @Test("order, month and JSON")
    func orderMonthJSON() throws {
        #expect(CivilDate("2021-06-30")! < CivilDate("2021-07-01")!)
        #expect(CivilDate("2020-12-31")! < CivilDate("2021-01-01")!)
        #expect(CivilDate("2021-06-15")!.yearMonth == YearMonth("2021-06"))
        let data = try JSONEncoder().encode([CivilDate("2000-02-29")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2000-02-29"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [CivilDate("2000-02-29")!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }
}
