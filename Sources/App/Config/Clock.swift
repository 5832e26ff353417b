import Foundation
import MinzhengCore

/// Dates as the bureau lives them: Beijing time (Asia/Shanghai), whatever the server's zone.
enum Clock {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    static func today(_ now: Date = Date()) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Midnight at the start of `day`, Beijing time.
    static func startOfDay(_ day: CivilDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// `2026-11-29 14:05:09`, Beijing time.
    static func beijingTimestamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }
}
