/// The bounds every amount, count and piece of text meets on its way in, whatever the way:
/// the API, a page's form, an import file or a department's feed. One set of rules, so that
/// what the assessment API refuses is refused everywhere, and no input can make a sum trap.
public enum InputRules {
    /// 100 亿元: any single amount above it is a typing error. 30 members × 100 incomes ×
    /// this × 12 months stays below 2⁶³, so no sum of accepted amounts can overflow.
    public static let maximumAmount = Fen(1_000_000_000_000)
    /// A count of things one household has (vehicles, flats, …).
    public static let maximumCount = 1_000
    /// A free-text note, finding or reason.
    public static let maximumNoteLength = 2_000

    public static func amount(_ value: Int64, field: String) throws(FieldProblem) -> Fen {
        guard value >= 0 else { throw FieldProblem(field, "金额不能为负数，收到 \(value)") }
        guard value <= maximumAmount.value else { throw FieldProblem(field, "金额超过上限 \(maximumAmount.value) 分") }
        return Fen(value)
    }

    public static func count(_ value: Int, field: String) throws(FieldProblem) -> Int {
        guard value >= 0 else { throw FieldProblem(field, "数量不能为负数，收到 \(value)") }
        guard value <= maximumCount else { throw FieldProblem(field, "数量超过上限 \(maximumCount)") }
        return value
    }

    /// A one-line value (a name, an address, a title): trimmed, at most `maximumLength`
    /// characters, no line breaks, no control characters and no invisible format characters
    /// (zero-width spaces, direction overrides), which would make two records look alike or
    /// a list read backwards. nil when empty and not required.
    public static func line(
        _ text: String?, field: String, label: String, maximumLength: Int,
        required: Bool = true
    ) throws(FieldProblem) -> String? {
        let value = (text ?? "").trimmedWhitespace
        guard !value.isEmpty else {
            if required { throw FieldProblem(field, "\(label)不能为空") }
            return nil
        }
        guard value.count <= maximumLength else { throw FieldProblem(field, "\(label)不能超过\(maximumLength)个字") }
        guard !value.unicodeScalars.contains(where: { $0.isControlCharacter || $0.isInvisibleFormat }) else {
            throw FieldProblem(field, "\(label)含有换行或不可见字符")
        }
        return value
    }

    /// A free text of several lines (a note, the findings of a visit): line breaks and tabs
    /// are kept (CR LF becomes LF), other control and invisible format characters are refused.
    public static func text(
        _ text: String?, field: String, label: String,
        maximumLength: Int = maximumNoteLength
    ) throws(FieldProblem) -> String? {
        let value = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmedWhitespace
        guard !value.isEmpty else { return nil }
        guard value.count <= maximumLength else { throw FieldProblem(field, "\(label)不能超过\(maximumLength)个字") }
        guard
            !value.unicodeScalars.contains(where: {
                ($0.isControlCharacter && $0 != "\n" && $0 != "\t") || $0.isInvisibleFormat
            })
        else {
            throw FieldProblem(field, "\(label)含有不可见字符")
        }
        return value
    }
}

extension Unicode.Scalar {
    /// Unicode's format characters (general category Cf: U+200B–U+200F, U+202A–U+202E,
    /// U+2060–U+206F, U+FEFF, …), which draw nothing or reorder what follows.
    @inline(__always)
    public var isInvisibleFormat: Bool {
        if value < 0xAD { return false }
        if (0x4E00...0x9FFF).contains(value) { return false }
        return properties.generalCategory == .format
    }
}
