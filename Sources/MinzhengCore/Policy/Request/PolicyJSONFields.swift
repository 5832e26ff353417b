/// The fields of one JSON object of a request, read with the object's path so that every
/// error names the field exactly as the caller wrote it.
struct PolicyJSONFields {
    private let object: PolicyJSONObject
    /// "" for the document root.
    private let base: String

    init(_ value: PolicyJSON, path: String) throws(AssessmentRequestError) {
        guard case .object(let object) = value else {
            throw .wrongType(path.isEmpty ? nil : path, zh: "JSON 对象", en: "a JSON object")
        }
        self.object = object
        base = path
    }

    func path(_ key: String) -> String { base.isEmpty ? key : "\(base).\(key)" }

    func rejectUnknown(_ known: Set<String>) throws(AssessmentRequestError) {
        if let unknown = object.keys.first(where: { !known.contains($0) }) { throw .unknownField(path(unknown)) }
    }

    /// Present and not null.
    func required<T>(_ key: String, _ read: PolicyJSONRead.Reader<T>) throws(AssessmentRequestError) -> T {
        guard let value = object.values[key] else { throw .missing(path(key)) }
        if case .null = value { throw .null(path(key)) }
        return try read(value, path(key))
    }

    /// Absent means the default (nil here); null is an error because the default is not null.
    func optional<T>(_ key: String, _ read: PolicyJSONRead.Reader<T>) throws(AssessmentRequestError) -> T? {
        guard let value = object.values[key] else { return nil }
        if case .null = value { throw .null(path(key)) }
        return try read(value, path(key))
    }

    /// Absent or null both mean nil: the contract's default for this field is null.
    func nullable<T>(_ key: String, _ read: PolicyJSONRead.Reader<T>) throws(AssessmentRequestError) -> T? {
        guard let value = object.values[key] else { return nil }
        if case .null = value { return nil }
        return try read(value, path(key))
    }
}

/// Conversions of one JSON value at a path into a typed field.
enum PolicyJSONRead {
    typealias Reader<T> = (PolicyJSON, String) throws(AssessmentRequestError) -> T

    static func string(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> String {
        guard case .string(let s) = value else { throw .wrongType(path, zh: "字符串", en: "a string") }
        return s
    }

    static func bool(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> Bool {
        guard case .bool(let b) = value else { throw .wrongType(path, zh: "布尔值 true 或 false", en: "a boolean") }
        return b
    }

    static func int64(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> Int64 {
        guard case .number(_, let integer) = value, let integer else {
            throw .wrongType(path, zh: "整数", en: "an integer")
        }
        return integer
    }

    static func int(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> Int {
        Int(try int64(value, path))
    }

    static func fen(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> Fen {
        Fen(try int64(value, path))
    }

    static func array(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> [PolicyJSON] {
        guard case .array(let elements) = value else { throw .wrongType(path, zh: "数组", en: "an array") }
        return elements
    }

    static func date(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> CivilDate {
        let text = try string(value, path)
        guard let date = CivilDate(text) else {
            throw .invalid(
                path, "日期应为存在的 YYYY-MM-DD，收到 \"\(text)\"", "expected an existing date YYYY-MM-DD, got \"\(text)\"")
        }
        return date
    }

    static func month(_ value: PolicyJSON, _ path: String) throws(AssessmentRequestError) -> YearMonth {
        let text = try string(value, path)
        guard let month = YearMonth(text) else {
            throw .invalid(path, "月份应为 YYYY-MM，收到 \"\(text)\"", "expected a month YYYY-MM, got \"\(text)\"")
        }
        return month
    }

    static func enumeration<E: RawRepresentable & CaseIterable>(
        _ value: PolicyJSON, _ path: String
    ) throws(AssessmentRequestError) -> E where E.RawValue == String {
        let text = try string(value, path)
        guard let e = E(rawValue: text) else {
            throw .unknownValue(path, text, allowed: E.allCases.map(\.rawValue))
        }
        return e
    }
}
