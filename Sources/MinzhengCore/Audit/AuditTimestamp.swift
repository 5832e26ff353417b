import Foundation

/// When an audit event happened: whole milliseconds since 1970-01-01T00:00:00Z.
///
/// An integer, not a `Date` or a formatted string, because the hash covers it: a
/// `BIGINT` column (PostgreSQL) or `INTEGER` (SQLite) returns exactly the value written,
/// whereas a `Double` loses digits and a timestamp column may be rounded to microseconds
/// or shifted by the session time zone. `iso8601` is for display and export only.
public struct AuditTimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Truncates `date` to the whole millisecond at or before it.
    public init(_ date: Date) {
        millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public static func now() -> AuditTimestamp { AuditTimestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000) }

    /// UTC with milliseconds, e.g. `2021-06-01T08:30:05.042Z`.
    public var iso8601: String {
        let msPerDay: Int64 = 86_400_000
        // Floor division, so that instants before 1970 land on the right day.
        var days = millisecondsSinceEpoch / msPerDay
        var inDay = millisecondsSinceEpoch % msPerDay
        if inDay < 0 { days -= 1; inDay += msPerDay }
        let date = CivilDate(daysSinceEpoch: Int(days))
        let ms = Int(inDay)
        return
            "\(date)T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
    }

    public var description: String { iso8601 }

    public static func < (a: AuditTimestamp, b: AuditTimestamp) -> Bool {
        a.millisecondsSinceEpoch < b.millisecondsSinceEpoch
    }

    public init(from decoder: Decoder) throws {
        millisecondsSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(millisecondsSinceEpoch)
    }
}
