/// A calendar month such as `2021-06`: the unit of benefits, rolls and parameters.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "-"),
            let y = parseDigits(u[0..<4]), let m = parseDigits(u[5..<7])
        else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: CivilDate { CivilDate(uncheckedYear: year, month: month, day: 1) }
    public var lastDay: CivilDate {
        CivilDate(uncheckedYear: year, month: month, day: CivilDate.daysIn(year: year, month: month))
    }

    /// The month `n` months later (earlier when `n` is negative).
    public func adding(months n: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + n
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }

    /// Months from `self` to `other` (positive when `other` is later).
    public func months(until other: YearMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) }
}

extension YearMonth: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let v = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a month YYYY-MM: \(text)")
        }
        self = v
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

func parseDigits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var v = 0
    for b in bytes {
        guard b >= 48, b <= 57 else { return nil }
        v = v * 10 + Int(b - 48)
    }
    return v
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
