import Foundation

/// A JSON document parsed strictly enough for a contract that rejects what it does not
/// know: object keys keep their order and may not repeat, integers stay exact.
///
/// Foundation's `JSONSerialization` cannot tell `1` from `true` or `1.0` from `1` on
/// every platform, and `JSONDecoder` reports paths too vaguely; hence this small parser.
enum PolicyJSON: Sendable {
    case null
    case bool(Bool)
    /// The literal as written, and its exact value when it is an integer that fits `Int64`.
    case number(literal: String, integer: Int64?)
    case string(String)
    case array([PolicyJSON])
    case object(PolicyJSONObject)

    static func parse(_ data: Data) throws(AssessmentRequestError) -> PolicyJSON {
        var parser = PolicyJSONParser(bytes: [UInt8](data))
        return try parser.parseDocument()
    }
}

struct PolicyJSONObject: Sendable {
    /// Keys in document order, for reporting the first unknown one.
    var keys: [String] = []
    var values: [String: PolicyJSON] = [:]
}

private struct PolicyJSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    /// Nesting beyond this is no assessment request, and must not exhaust the stack.
    static let maximumDepth = 64

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated: some Windows editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(AssessmentRequestError) -> PolicyJSON {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw syntax("文档结束", "end of document") }
        return value
    }

    private func syntax(_ zh: String, _ en: String) -> AssessmentRequestError {
        .invalid(nil, "请求不是合法的 JSON：第 \(index) 字节处应为\(zh)", "invalid JSON at byte \(index): expected \(en)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() throws(AssessmentRequestError) -> PolicyJSON {
        skipWhitespace()
        guard index < bytes.count else { throw syntax("一个值", "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func enterContainer() throws(AssessmentRequestError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw syntax("更浅的嵌套", "less nesting") }
        index += 1
    }

    private mutating func expectWord(_ word: String) throws(AssessmentRequestError) {
        let w = word.utf8
        guard index + w.count <= bytes.count, bytes[index..<index + w.count].elementsEqual(w) else {
            throw syntax("一个值", "a value")
        }
        index += w.count
    }

    private mutating func parseObject() throws(AssessmentRequestError) -> PolicyJSON {
        try enterContainer()
        defer { depth -= 1 }
        var object = PolicyJSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("字段名", "a field name") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw syntax("\":\"", "\":\"") }
            index += 1
            let value = try parseValue()
            guard object.values.updateValue(value, forKey: key) == nil else {
                throw .invalid(nil, "请求不是合法的 JSON：字段 \"\(key)\" 重复", "invalid JSON: field \"\(key)\" appears twice")
            }
            object.keys.append(key)
            skipWhitespace()
            guard index < bytes.count else { throw syntax("\",\" 或 \"}\"", "\",\" or \"}\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "}") else { throw syntax("\",\" 或 \"}\"", "\",\" or \"}\"") }
            index += 1
            return .object(object)
        }
    }

    private mutating func parseArray() throws(AssessmentRequestError) -> PolicyJSON {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [PolicyJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw syntax("\",\" 或 \"]\"", "\",\" or \"]\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "]") else { throw syntax("\",\" 或 \"]\"", "\",\" or \"]\"") }
            index += 1
            return .array(elements)
        }
    }

    private mutating func parseString() throws(AssessmentRequestError) -> String {
        index += 1
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.count else { throw syntax("字符串结束的引号", "a closing quote") }
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\""):
                // `String(validating:)` would need macOS 15; `transcode` reports bad UTF-8 everywhere.
                let hasErrors = transcode(
                    utf8.makeIterator(), from: UTF8.self, to: UTF32.self,
                    stoppingOnError: true
                ) { _ in }
                guard !hasErrors else {
                    throw .invalid(nil, "请求不是合法的 UTF-8 文本", "the request is not valid UTF-8")
                }
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                index -= 1
                throw syntax("转义后的控制字符", "control characters to be escaped")
            default:
                utf8.append(b)
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(AssessmentRequestError) {
        guard index < bytes.count else { throw syntax("转义字符", "an escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(e)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw syntax("低位代理项", "a low surrogate")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw syntax("低位代理项", "a low surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw syntax("有效的 Unicode 字符", "a valid Unicode scalar") }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
        default:
            index -= 1
            throw syntax("有效的转义字符", "a valid escape")
        }
    }

    private mutating func parseHex4() throws(AssessmentRequestError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw syntax("4 位十六进制数", "4 hex digits") }
        var code: UInt32 = 0
        for b in bytes[index..<index + 4] {
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw syntax("4 位十六进制数", "4 hex digits")
            }
            code = code << 4 | UInt32(digit)
        }
        index += 4
        return code
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(AssessmentRequestError) -> PolicyJSON {
        let start = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDecimalDigit(bytes[index]) else { throw syntax("一个值", "a value") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDecimalDigit(bytes[index]) else { throw syntax("小数部分", "fraction digits") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDecimalDigit(bytes[index]) else { throw syntax("指数", "exponent digits") }
            skipDigits()
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        return .number(literal: literal, integer: isInteger ? Int64(literal) : nil)
    }

    private func isDecimalDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while index < bytes.count, isDecimalDigit(bytes[index]) { index += 1 }
    }
}
