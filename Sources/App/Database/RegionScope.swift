import MinzhengCore
import SQLKit

/// The region filter of every scoped query: a half-open range on the code column, which
/// both SQLite and PostgreSQL answer from an ordinary index (a `LIKE 'p%'` would not).
struct RegionScope: Sendable {
    let prefix: String
    var region: RegionCode { RegionCode(prefix)! }

    init(_ region: RegionCode) { prefix = region.value }

    /// The smallest code string above every code that starts with the prefix, or nil when
    /// the prefix is all nines.
    var upperBound: String? {
        var digits = Array(prefix.utf8)
        while let last = digits.last {
            if last < UInt8(ascii: "9") {
                digits[digits.count - 1] = last + 1
                return String(decoding: digits, as: UTF8.self)
            }
            digits.removeLast()
        }
        return nil
    }

    /// `column >= prefix AND column < next(prefix)` as an SQL fragment.
    func condition(_ column: String) -> SQLQueryString {
        if let upper = upperBound {
            return "(\(unsafeRaw: column) >= \(bind: prefix) AND \(unsafeRaw: column) < \(bind: upper))"
        }
        return "(\(unsafeRaw: column) >= \(bind: prefix))"
    }
}
