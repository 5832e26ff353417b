import Foundation

/// Parameter values as an administrator types and reads them: amounts in yuan (`940`,
/// `940.50`), rates as decimals (`0.30`, `1.5`), plain numbers as they are. Storage keeps
/// fen, basis points and integers.
extension PolicyParameterKind {
    /// The stored value for typed text, or nil when the text is not such a value.
    public func parse(_ text: String) -> Int64? {
        let t = text.trimmedWhitespace
        let value: Int64?
        switch self {
        case .fen: value = Fen(yuanText: t)?.value
        case .rate: value = Rate(decimal: t)?.basisPoints
        case .integer: value = t.utf8.allSatisfy(isDigit) && !t.isEmpty && t.utf8.count <= 9 ? Int64(t) : nil
        }
        guard let value, value <= maximum else { return nil }
        return value
    }

    /// The stored value as an administrator reads it.
    public func display(_ value: Int64) -> String {
        switch self {
        case .fen: return Fen(value).yuanString
        case .rate: return Rate(basisPoints: value).description
        case .integer: return String(value)
        }
    }

    /// What `parse` accepts, for hints and error messages (zh-CN).
    public var inputHint: String {
        switch self {
        case .fen: return "金额，单位元，最多两位小数，如 1000 或 940.50"
        case .rate: return "比例或倍数，小数，如 0.30 或 1.5"
        case .integer: return "整数"
        }
    }
}
