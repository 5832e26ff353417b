/// The coded values feed rows carry. Raw values are the codes of the JSON and CSV formats;
/// the Chinese names (FeedText+zhCN.swift) are accepted too, because department exports
/// made in Excel usually carry the word rather than the code.

/// 失业登记 status from 人社.
public enum UnemploymentStatus: String, CaseIterable, Codable, Sendable {
    case registered, reemployed
}

/// A market entity's registration status from 市场监管. Only a business still operating
/// (`active`, 存续) is an asset; a revoked or deregistered one no longer is.
public enum BusinessStatus: String, CaseIterable, Codable, Sendable {
    case active, revoked, deregistered
}

/// The stage of schooling from 教育.
public enum SchoolLevel: String, CaseIterable, Codable, Sendable {
    case preschool, primary, middle, high, college
}

/// A disability grade of the 残疾人证, 1 (most severe) to 4.
public struct DisabilityGrade: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: Int

    public init?(_ value: Int) {
        guard (1...4).contains(value) else { return nil }
        self.value = value
    }

    public static func < (a: DisabilityGrade, b: DisabilityGrade) -> Bool { a.value < b.value }

    public var description: String { "\(value)" }
}

/// A floor area kept exactly, as hundredths of a square metre: `85.5` is 8550. Areas are
/// compared and summed, and a binary floating-point number would make the same area read
/// from JSON and from CSV compare unequal at the last digit.
public struct SquareMetres: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Parses a non-negative decimal with at most two decimals (`85`, `85.5`, `85.50`).
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, (1...9).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy(isDigit),
            let whole = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.utf8.count), f.utf8.allSatisfy(isDigit), let v = Int64(f) else { return nil }
            fraction = f.utf8.count == 1 ? v * 10 : v
        }
        hundredths = whole * 100 + fraction
    }

    public static func < (a: SquareMetres, b: SquareMetres) -> Bool { a.hundredths < b.hundredths }

    /// `85.50`.
    public var description: String {
        let f = hundredths % 100
        return "\(hundredths / 100).\(f < 10 ? "0" : "")\(f)"
    }
}
