/// Typed reads of one field, each failing with a `FieldProblem` that names the field, so
/// a department sees `deathDate: 应为 YYYY-MM-DD` for the row it sent.
extension FeedRowFields {
    func present(_ field: String) throws(FieldProblem) -> Value {
        guard let v = values[field] else { throw FieldProblem(field, "缺少此字段") }
        return v
    }

    /// A text value (a string in JSON; any CSV cell), trimmed, not blank.
    func text(_ field: String, _ expected: String) throws(FieldProblem) -> String {
        guard case .text(let s) = try present(field) else { throw FieldProblem(field, expected) }
        let t = s.trimmedWhitespace
        guard !t.isEmpty else { throw FieldProblem(field, "缺少此字段") }
        return t
    }

    /// An identifier: text, or a JSON integer read as its digits, so that the id `12345`
    /// sent as a JSON number and as a CSV cell is one and the same id.
    func identifier(_ field: String, maxLength: Int) throws(FieldProblem) -> String {
        let expected = "应为 1–\(maxLength) 个字符的文本"
        let text: String
        switch try present(field) {
        case .text(let s): text = s.trimmedWhitespace
        case .integer(let n) where n >= 0: text = String(n)
        default: throw FieldProblem(field, expected)
        }
        guard (1...maxLength).contains(text.count),
            !text.unicodeScalars.contains(where: { $0.isControlCharacter })
        else { throw FieldProblem(field, expected) }
        return text
    }

    func residentID(_ field: String, today: CivilDate) throws(FieldProblem) -> ResidentID {
        let text = try self.text(field, "应为18位身份证号（文本）")
        do { return try ResidentID(text, today: today) } catch { throw FieldProblem(field, error.description) }
    }

    /// A date `YYYY-MM-DD`; with `notAfter`, an event that cannot have happened yet is refused.
    func date(_ field: String, notAfter today: CivilDate? = nil) throws(FieldProblem) -> CivilDate {
        let expected = "应为 YYYY-MM-DD"
        guard let d = CivilDate(try text(field, expected)) else { throw FieldProblem(field, expected) }
        if let today, d > today { throw FieldProblem(field, "不能晚于今天（\(today)）") }
        return d
    }

    func optionalDate(_ field: String) throws(FieldProblem) -> CivilDate? {
        values[field] == nil ? nil : try date(field)
    }

    func month(_ field: String) throws(FieldProblem) -> YearMonth {
        let expected = "应为 YYYY-MM"
        guard let m = YearMonth(try text(field, expected)) else { throw FieldProblem(field, expected) }
        return m
    }

    /// A whole non-negative number: a JSON integer, or CSV digits.
    func count(_ field: String, _ expected: String) throws(FieldProblem) -> Int64 {
        switch try present(field) {
        case .integer(let n) where n >= 0:
            return n
        case .text(let s) where isCSV:
            let t = s.trimmedWhitespace
            guard (1...15).contains(t.utf8.count), t.utf8.allSatisfy(isDigit), let n = Int64(t) else {
                throw FieldProblem(field, expected)
            }
            return n
        default:
            throw FieldProblem(field, expected)
        }
    }

    /// An amount in fen: never yuan with decimals, never negative, never past `InputRules`'s bound.
    func fen(_ field: String) throws(FieldProblem) -> Fen {
        try InputRules.amount(try count(field, "应为以分为单位的非负整数"), field: field)
    }

    func boolean(_ field: String, default absent: Bool) throws(FieldProblem) -> Bool {
        let expected = "应为 true 或 false"
        switch values[field] {
        case nil: return absent
        case .boolean(let b)?: return b
        case .text(let s)? where isCSV:
            switch s.trimmedWhitespace.lowercased() {
            case "true", "1", "是": return true
            case "false", "0", "否": return false
            default: throw FieldProblem(field, expected)
            }
        default: throw FieldProblem(field, expected)
        }
    }

    /// A non-negative decimal with at most two decimals: a JSON number, or CSV text.
    func area(_ field: String) throws(FieldProblem) -> SquareMetres {
        let expected = "应为非负数，最多两位小数"
        let text: String
        switch try present(field) {
        // The same nine whole digits as the decimal form (a larger number would overflow).
        case .integer(let n) where (0...999_999_999).contains(n): return SquareMetres(hundredths: n * 100)
        case .decimal(let d): text = d
        case .text(let s) where isCSV: text = s.trimmedWhitespace
        default: throw FieldProblem(field, expected)
        }
        guard let a = SquareMetres(decimal: text) else { throw FieldProblem(field, expected) }
        return a
    }

    func region(_ field: String) throws(FieldProblem) -> RegionCode {
        let expected = "应为行政区划代码（6、9或12位数字）"
        guard let r = RegionCode(try text(field, expected)), r.level >= .district else {
            throw FieldProblem(field, expected)
        }
        return r
    }

    /// One of a coded set, by code or by Chinese name; the message lists what is allowed.
    func choice<T: CaseIterable & RawRepresentable>(_ field: String, chinese: (T) -> String) throws(FieldProblem) -> T
    where T.RawValue == String {
        let allowed = T.allCases.map { "\($0.rawValue)（\(chinese($0))）" }.joined(separator: "、")
        let expected = "应为 " + allowed + " 之一"
        let text = try self.text(field, expected)
        if let v = T(rawValue: text) ?? T.allCases.first(where: { chinese($0) == text }) { return v }
        throw FieldProblem(field, expected)
    }
}
