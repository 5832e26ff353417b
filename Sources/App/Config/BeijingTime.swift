import Foundation
import MinzhengCore

/// Dates as the bureau lives them: Beijing time (Asia/Shanghai), whatever the server's zone.
enum BeijingTime {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// Built once: every `req.today` and timestamp of a page asks it.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// The Beijing calendar day of an instant.
    static func day(of instant: Date) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Midnight at the start of `day`, Beijing time.
    static func startOfDay(_ day: CivilDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// `2026-11-29 14:05:09`, Beijing time.
    static func timestamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// `2026-12-02` or `2026-12-02T09:30[:00]`, read as Beijing time.
    static func instant(_ text: String) -> Date? {
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        guard let day = CivilDate(parts[0]) else { return nil }
        guard parts.count == 2 else { return startOfDay(day) }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? clock[2] : 0
        guard let second, (0..<60).contains(second) else { return nil }
        return startOfDay(day).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }
}
