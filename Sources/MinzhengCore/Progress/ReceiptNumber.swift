/// The number on a receipt (受理编号): what a resident reads out on the phone or types into
/// 办件查询. `CZ`, the filing day in Beijing as yyMMdd, the day's serial (at least four digits),
/// and a check digit (Damm's algorithm over the digits), so that one wrong digit or two
/// neighbouring digits swapped is caught before anything is looked up: `CZ2612030001` + `0`.
/// Every kind of filing shares one number space; the serial is the day's count across them.
public struct ReceiptNumber: Hashable, Sendable, CustomStringConvertible, Codable {
    public let value: String

    public static let prefix = "CZ"
    static let serialDigits = 4

    /// The number of the `serial`th filing of `day`.
    public init(day: CivilDate, serial: Int) {
        precondition(serial > 0, "serials start at 1")
        let digits = Self.dayDigits(day) + Self.padded(serial)
        value = Self.prefix + digits + String(Self.checkDigit(of: digits))
    }

    /// A typed number: spaces and dashes are ignored, letters may be lower case. Refused,
    /// naming `field`, when it is not a receipt number or its check digit does not match.
    public init(parsing text: String, field: String = "receiptNumber") throws {
        let compact = text.uppercased().filter { $0 != " " && $0 != "-" && $0 != "\u{3000}" }
        guard compact.hasPrefix(Self.prefix) else {
            throw Refusal.invalid(field, "受理编号以 CZ 开头，例如 CZ26120300010，请对照回执重新输入")
        }
        let digits = compact.dropFirst(Self.prefix.count)
        guard digits.count >= 6 + Self.serialDigits + 1, digits.count <= 20, digits.allSatisfy(\.isASCIIDigit)
        else {
            throw Refusal.invalid(field, "受理编号应为 CZ 加 11 位以上数字，请对照回执重新输入")
        }
        guard Self.checkDigit(of: String(digits)) == 0 else {
            throw Refusal.invalid(field, "受理编号有误（校验位不符），请对照回执逐位核对")
        }
        value = compact
    }

    public var description: String { value }

    /// The filing day's six digits.
    public static func dayDigits(_ day: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n % 100) }
        return two(day.year % 100) + two(day.month) + two(day.day)
    }

    static func padded(_ serial: Int) -> String {
        let text = String(serial)
        return String(repeating: "0", count: max(0, serialDigits - text.count)) + text
    }

    /// Damm's quasigroup of order 10 (a totally anti-symmetric one): a number whose digits,
    /// check digit included, run to 0 is whole.
    static let damm: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// The digit that makes `digits` whole (0 when `digits` already ends in its check digit).
    public static func checkDigit(of digits: String) -> Int {
        digits.reduce(0) { interim, c in damm[interim][Int(String(c)) ?? 0] }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
