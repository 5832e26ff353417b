/// The stable identifier of an assistance item (`dibao`, `temporaryAssistance`).
///
/// ASCII camelCase so that the same text serves unchanged as a URL segment, a JSON value,
/// a database key and a metrics label; the Chinese name is for people, the code is for
/// machines and never changes once applications refer to it.
public struct AssistanceItemCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `text` is 1–40 ASCII letters and digits starting with a lower-case letter.
    public init?(_ text: String) {
        guard isASCIICamelCaseCode(text) else { return nil }
        rawValue = text
    }

    /// For the codes written in this module, which the tests check once.
    init(known text: String) { rawValue = text }

    public static func < (a: AssistanceItemCode, b: AssistanceItemCode) -> Bool { a.rawValue < b.rawValue }

    public var description: String { rawValue }
}

extension AssistanceItemCode: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let code = AssistanceItemCode(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: AssistanceItemCode.formatProblem(text))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    static func formatProblem(_ text: String) -> String {
        "代码“\(text)”无效：应为 1–40 个英文字母或数字、以小写字母开头（如 temporaryAssistance）"
    }
}

/// 1–40 ASCII letters and digits, the first a lower-case letter: the shape of every
/// stable code of the catalogue (items and documents).
func isASCIICamelCaseCode(_ text: String) -> Bool {
    let bytes = text.utf8
    guard (1...40).contains(bytes.count), let first = bytes.first, (97...122).contains(first) else { return false }
    return bytes.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
}
