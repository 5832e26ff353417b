/// The number of a death certificate (居民死亡医学证明（推断）书, or the police's 死亡证明):
/// checked for form only — 8 to 20 characters, capital letters and digits, at least 6 digits.
/// Cremation needs one when the registry does not yet hold the death (殡葬管理条例 §13).
public struct DeathCertificateNumber: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }).uppercased()
        let allowed = trimmed.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        let digits = trimmed.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard (8...20).contains(trimmed.count), allowed, digits >= 6 else { return nil }
        value = trimmed
    }

    public var description: String { value }
}
