import Foundation

/// The raw fields of one feed row, from a JSON object or a CSV record, so that both
/// formats go through the same checks and yield the same record.
///
/// JSON is held to its types (amounts are numbers, dates are strings, flags are booleans):
/// a department's program that sends `"totalFen": "1200"` has a bug worth hearing about.
/// CSV has only text, so there every value is read from its text.
struct FeedRowFields {
    enum Value {
        case text(String)
        case integer(Int64)
        /// A JSON number with a fraction, kept as its decimal text.
        case decimal(String)
        case boolean(Bool)
        /// An array or object where a scalar belongs.
        case nested
    }

    /// Present values only: JSON `null` and blank CSV cells are absent.
    let values: [String: Value]
    /// The field names in the order they came (for reporting the first unknown one).
    let names: [String]
    /// CSV cells are all text, so numbers and flags are read from text there only.
    let isCSV: Bool

    init(json object: [String: Any]) {
        var values: [String: Value] = [:]
        for (name, raw) in object {
            if let v = FeedRowFields.jsonValue(raw) { values[name] = v }
        }
        self.values = values
        names = object.keys.sorted()
        isCSV = false
    }

    init(csv pairs: [(name: String, text: String)]) {
        var values: [String: Value] = [:]
        for (name, text) in pairs {
            let t = text.trimmedWhitespace
            if !t.isEmpty { values[name] = .text(t) }
        }
        self.values = values
        names = pairs.map(\.name)
        isCSV = true
    }

    /// Reads one JSON value as JSONSerialization (or a caller's dictionary) gives it.
    static func jsonValue(_ raw: Any) -> Value? {
        switch raw {
        case is NSNull: return nil
        case let s as String: return .text(s)
        // Bool before the numbers: on some platforms a JSON `true` is an NSNumber that would
        // also read as the integer 1.
        case let b as Bool where isBoolean(raw): return .boolean(b)
        case let n as Int: return .integer(Int64(n))
        case let n as Int64: return .integer(n)
        case let n as NSNumber:
            let d = n.doubleValue
            if d.isFinite, d == d.rounded(), abs(d) < 9.0e15 { return .integer(Int64(d)) }
            return .decimal(n.description)
        case let d as Double:
            if d.isFinite, d == d.rounded(), abs(d) < 9.0e15 { return .integer(Int64(d)) }
            return .decimal(String(d))
        default: return .nested
        }
    }

    /// True for a Swift `Bool` or the NSNumber JSONSerialization makes of `true`/`false`
    /// (its type code is `c`), and false for the numbers 0 and 1, which would also cast to Bool.
    static func isBoolean(_ raw: Any) -> Bool {
        if type(of: raw) == Bool.self { return true }
        guard let n = raw as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }
}
