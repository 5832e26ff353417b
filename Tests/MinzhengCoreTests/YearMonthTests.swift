import Foundation
import Testing
import MinzhengCore

@Suite("YearMonth")
struct YearMonthTests {
    @Test(
        "parses exactly YYYY-MM",
        arguments: [("2021-06", 2021, 6), ("0001-01", 1, 1), ("9999-12", 9999, 12), ("2024-02", 2024, 2)])
    func parses(text: String, year: Int, month: Int) throws {
        let m = try #require(YearMonth(text))
        #expect((m.year, m.month) == (year, month))
        #expect(m.description == text)
    }

    @Test(
        "refuses anything else",
        arguments: [
            "", "2021-6", "2021-13", "2021-00", "0000-01", "2021/06", "21-06", "2021-06-01", "２０２１-06", "2021-0a",
            " 2021-06", "+021-06",
        ])
    func refuses(text: String) {
        #expect(YearMonth(text) == nil)
        #expect(YearMonth(year: 2021, month: 0) == nil)
        #expect(YearMonth(year: 0, month: 1) == nil)
    }

    @Test(
        "adding months crosses years both ways",
        arguments: [
            ("2021-11", 3, "2022-02"), ("2021-01", -1, "2020-12"), ("2021-06", 0, "2021-06"),
            ("2021-06", 24, "2023-06"),
            ("2021-06", -25, "2019-05"), ("2021-12", 1, "2022-01"), ("2000-01", 1200, "2100-01"),
            ("2022-07", -18, "2021-01"),
        ])
    func adding(start: String, months: Int, end: String) {
        let from = YearMonth(start)!, to = YearMonth(end)!
        #expect(from.adding(months: months) == to)
        #expect(from.months(until: to) == months)
        #expect(to.months(until: from) == -months)
    }

    @Test(
        "first and last day",
        arguments: [
            ("2024-02", 29), ("2023-02", 28), ("2000-02", 29), ("2100-02", 28), ("2021-04", 30), ("2021-12", 31),
        ])
    func days(month: String, lastDay: Int) {
        let m = YearMonth(month)!
        #expect(m.firstDay.description == month + "-01")
        #expect(m.lastDay.description == month + "-" + String(lastDay))
        #expect(m.firstDay.yearMonth == m && m.lastDay.yearMonth == m)
    }

    @Test("order and JSON")
    func orderAndJSON() throws {
        #expect(YearMonth("2021-12")! < YearMonth("2022-01")!)
        #expect(YearMonth("2021-02")! < YearMonth("2021-10")!)
        let data = try JSONEncoder().encode([YearMonth("2021-06")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2021-06"]"#)
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [YearMonth("2021-06")!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([YearMonth].self, from: Data(#"["2021-6"]"#.utf8))
        }
    }
}
