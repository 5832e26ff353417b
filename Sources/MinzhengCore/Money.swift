import Foundation

/// An amount of money as an integer number of fen (分, 1/100 yuan).
///
/// Money never touches floating point: rates are applied with `Rate` (basis points),
/// and every rounding is explicit.
public struct Fen: Hashable, Comparable, Sendable, AdditiveArithmetic, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    public var value: Int64

    public init(_ value: Int64) { self.value = value }
    public init(integerLiteral value: Int64) { self.value = value }
    public init(yuan: Int64) { self.value = yuan * 100 }

    /// Parses an amount typed in yuan — `1234`, `1234.5`, `1,234.56`, `¥1234` — exactly,
    /// without passing through a floating-point number. Negative amounts and more than two
    /// decimals are refused (nil).
    public init?(yuanText text: String) {
        var t = text.trimmedWhitespace
        if t.hasPrefix("¥") || t.hasPrefix("￥") { t.removeFirst() }
        t = t.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, (1...12).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy(isDigit),
            let whole = Int64(parts[0])
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.utf8.count), f.utf8.allSatisfy(isDigit), let v = Int64(f) else { return nil }
            cents = f.utf8.count == 1 ? v * 10 : v
        }
        value = whole * 100 + cents
    }

    public static var zero: Fen { Fen(0) }
    // Saturating: inputs are bounded (`InputRules`), so a sum never reaches the limits; if a
    // stored value from before the bounds ever does, the answer is refused by validation
    // instead of the process trapping.
    public static func + (a: Fen, b: Fen) -> Fen { saturating(a.value.addingReportingOverflow(b.value), b.value > 0) }
    public static func - (a: Fen, b: Fen) -> Fen {
        saturating(a.value.subtractingReportingOverflow(b.value), b.value < 0)
    }
    public static func * (a: Fen, n: Int) -> Fen {
        saturating(a.value.multipliedReportingOverflow(by: Int64(n)), (a.value < 0) == (n < 0))
    }

    @inline(__always)
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), _ upward: Bool) -> Fen {
        guard result.overflow else { return Fen(result.partialValue) }
        return Fen(upward ? .max : .min)
    }
    public static func < (a: Fen, b: Fen) -> Bool { a.value < b.value }

    /// The next multiple of 100 fen at or above this amount (rounding up to a whole yuan).
    public var roundedUpToYuan: Fen {
        let r = value % 100
        if r == 0 { return self }
        return Fen(value >= 0 ? value - r + 100 : value - r)
    }

    /// Plain decimal yuan, e.g. `1234.50`, `-0.05`: what traces and bank files print.
    public var yuanString: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Display form with the currency sign and thousands separators, e.g. `¥1,234.50`.
    public var formatted: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        var digits = String(magnitude / 100)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "\(sign)¥\(digits)\(grouped).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { formatted }
}

extension Fen: Codable {
    public init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// A rate as an integer number of basis points (1/10 000), so that "0.30 of S" is exact.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var basisPoints: Int64
    public init(basisPoints: Int64) { self.basisPoints = basisPoints }

    /// Parses a decimal such as `0.30`, `1.5` or `2` (at most four decimals).
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        // Plain digits only: `Int64("+5")` and `Int64("-0")` would let a sign through
        // ("-0.5" read as 0.5, "1.-5" as 0.5). At most 14 whole digits, so that scaling
        // to basis points cannot overflow.
        guard parts.count <= 2, (1...14).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy(isDigit),
            let whole = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...4).contains(f.utf8.count), f.utf8.allSatisfy(isDigit), let v = Int64(f) else { return nil }
            fraction = v
            for _ in 0..<(4 - f.utf8.count) { fraction *= 10 }
        }
        basisPoints = whole * 10_000 + fraction
    }

    public static func < (a: Rate, b: Rate) -> Bool { a.basisPoints < b.basisPoints }

    /// `rate × amount`, rounded up to a whole yuan: the rounding POLICY.md prescribes.
    public func ofRoundedUpToYuan(_ amount: Fen) -> Fen {
        Fen(ceilDiv(amount.value * basisPoints, 10_000)).roundedUpToYuan
    }

    /// `rate × amount` in exact fen, rounded up to a whole fen (for sums rounded later).
    public func ofRoundedUpToFen(_ amount: Fen) -> Fen {
        Fen(ceilDiv(amount.value * basisPoints, 10_000))
    }

    /// Decimal text, e.g. `0.3`, `1.5`, `2`.
    public var description: String {
        let whole = basisPoints / 10_000
        var fraction = basisPoints % 10_000
        if fraction == 0 { return "\(whole)" }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}

@inline(__always)
func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
}
