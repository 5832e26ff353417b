/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the
/// 31-character set `0–9 A–Z` without I, O, Z, S and V. Character 1 is the registration
/// authority (登记管理部门: 1 机构编制, 5 民政, 9 市场监管 …), 2 the kind of organisation
/// under it, 3–8 the administrative division, 9–17 the organisation code, 18 the check
/// character: with values 0–30 in the set's order and weights 3^(i−1) mod 31,
/// check = 31 − (Σ value × weight mod 31), 31 written as 0.
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Why a text is not a credit code; the first problem found, in the order a clerk checks.
    public enum Problem: String, Error, Sendable, CaseIterable, CustomStringConvertible {
        case length
        case character
        case checkCharacter
        case authority
        case type

        public var chinese: String {
            switch self {
            case .length: return "统一社会信用代码应为 18 位"
            case .character: return "统一社会信用代码只能由数字和除 I、O、Z、S、V 以外的大写字母组成"
            case .checkCharacter: return "统一社会信用代码校验位不正确，请核对"
            case .authority: return "统一社会信用代码第 1 位（登记管理部门）无效"
            case .type: return "统一社会信用代码第 2 位（机构类别）与登记管理部门不符"
            }
        }

        public var description: String { chinese }
    }

    /// The 31 characters in value order.
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    static let weights: [Int] = (0..<17).map { i in (0..<i).reduce(1) { acc, _ in acc * 3 % 31 } }

    /// The registration authorities of GB 32100 table 1 and the organisation kinds each may
    /// register (table 2).
    public static let kindsByAuthority: [Character: Set<Character>] = [
        "1": ["1", "2", "3", "9"],  // 机构编制: 机关, 事业单位, 群众团体, 其他
        "2": ["1", "9"],  // 外交
        "3": ["1", "2", "3", "4", "5", "9"],  // 司法行政
        "4": ["1", "9"],  // 文化
        "5": ["1", "2", "3", "9"],  // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        "6": ["1", "2", "9"],  // 旅游
        "7": ["1", "2", "9"],  // 宗教
        "8": ["1", "9"],  // 工会
        "9": ["1", "2", "3"],  // 市场监管: 企业, 个体工商户, 农民专业合作社
        "A": ["1", "9"],  // 中央军委改革和编制办公室
        "N": ["1", "2", "3", "9"],  // 农业农村: 农村集体经济组织
        "Y": ["1"],  // 其他
    ]

    /// Accepts lower-case letters and surrounding spaces, as typed; stores upper case.
    public init(_ text: String) throws(Problem) {
        let trimmed = text.trimmedWhitespace.uppercased()
        let bytes = Array(trimmed.utf8)
        guard bytes.count == 18, trimmed.count == 18 else { throw .length }
        var values: [Int] = []
        for b in bytes {
            guard let v = Self.alphabet.firstIndex(of: b) else { throw .character }
            values.append(v)
        }
        let sum = zip(values.prefix(17), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard values[17] == (31 - sum % 31) % 31 else { throw .checkCharacter }
        let chars = Array(trimmed)
        guard let kinds = Self.kindsByAuthority[chars[0]] else { throw .authority }
        guard kinds.contains(chars[1]) else { throw .type }
        value = trimmed
    }

    /// The check character the first 17 characters call for (nil when one is outside the set).
    public static func checkCharacter(for first17: String) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (b, w) in zip(bytes, weights) {
            guard let v = alphabet.firstIndex(of: b) else { return nil }
            sum += v * w
        }
        return Character(Unicode.Scalar(alphabet[(31 - sum % 31) % 31]))
    }

    /// The six-digit administrative division of characters 3–8.
    public var divisionCode: String { String(value.dropFirst(2).prefix(6)) }

    /// Shown whole: it identifies an organisation, not a person, and is printed on its licence.
    public var description: String { value }
}
