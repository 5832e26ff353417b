/// The number printed on a marriage certificate (结婚证字号), as the registries write it: a
/// letter for the kind, the office's region code, the year and a serial of the office's year,
/// e.g. `J320402-2026-000123`; a replacement (补发) and a divorce have their own letters.
public enum CertificateKind: String, Codable, Sendable, CaseIterable {
    case marriage, marriageReplacement, divorce, divorceReplacement

    public var letter: String {
        switch self {
        case .marriage: return "J"
        case .marriageReplacement: return "BJ"
        case .divorce: return "L"
        case .divorceReplacement: return "BL"
        }
    }

    public var chinese: String {
        switch self {
        case .marriage: return "结婚证"
        case .marriageReplacement: return "结婚证（补发）"
        case .divorce: return "离婚证"
        case .divorceReplacement: return "离婚证（补发）"
        }
    }

    public var replacement: CertificateKind {
        switch self {
        case .marriage, .marriageReplacement: return .marriageReplacement
        case .divorce, .divorceReplacement: return .divorceReplacement
        }
    }

    /// The number's prefix of an office and year; the serial follows.
    public func prefix(region: String, year: Int) -> String { "\(letter)\(region)-\(year)-" }

    public func number(region: String, year: Int, serial: Int) -> String {
        let digits = String(serial)
        return prefix(region: region, year: year) + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
