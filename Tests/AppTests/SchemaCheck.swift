@testable import App
import Foundation

/// The part of JSON Schema the API document uses, checked against a parsed JSON value: type
/// (one or a list), format uuid and date-time, enum, properties, required, additionalProperties,
/// items, anyOf and `$ref` to the document's components. Answers the problems, each with its path.
enum SchemaCheck {
    /// A parsed JSON value, each kind kept apart (JSONSerialization gives booleans and numbers alike).
    enum Value: Decodable {
        case null, bool(Bool), integer(Int64), number(Double), string(String), array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let v = try? c.decode(Bool.self) {
                self = .bool(v)
            } else if let v = try? c.decode(Int64.self) {
                self = .integer(v)
            } else if let v = try? c.decode(Double.self) {
                self = .number(v)
            } else if let v = try? c.decode(String.self) {
                self = .string(v)
            } else if let v = try? c.decode([Value].self) {
                self = .array(v)
            } else {
                self = .object(try c.decode([String: Value].self))
            }
        }

        func `is`(_ type: String) -> Bool {
            switch (self, type) {
            case (.null, "null"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"), (.number, "number"),
                (.string, "string"), (.array, "array"), (.object, "object"):
                return true
            default: return false
            }
        }
    }

    static func problems(_ body: Data, _ schema: JSONValue) throws -> [String] {
        problems(try JSONDecoder().decode(Value.self, from: body), schema, at: "$")
    }

    static func problems(_ value: Value, _ schema: JSONValue, at path: String) -> [String] {
        guard case .object(let rule) = schema else { return [] }
        if let ref = rule["$ref"]?.text {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = APIDocument.schemas[name] else { return ["\(path): no schema \(ref)"] }
            return problems(value, target, at: path)
        }
        if case .array(let choices)? = rule["anyOf"] {
            let fits = choices.contains { problems(value, $0, at: path).isEmpty }
            return fits ? [] : ["\(path): none of anyOf fits \(value)"]
        }
        if let type = rule["type"] {
            let types: [String]
            switch type {
            case .string(let one): types = [one]
            case .array(let many): types = many.compactMap(\.text)
            default: types = []
            }
            guard types.contains(where: value.is) else { return ["\(path): \(value) is not \(types)"] }
        }
        var found: [String] = []
        switch value {
        case .string(let text):
            if case .array(let allowed)? = rule["enum"], !allowed.contains(.string(text)) {
                found.append("\(path): \(text) not in \(allowed)")
            }
            if rule["format"]?.text == "uuid", UUID(uuidString: text) == nil {
                found.append("\(path): \(text) is no uuid")
            }
            if rule["format"]?.text == "date-time", (try? Date.ISO8601FormatStyle().parse(text)) == nil {
                found.append("\(path): \(text) is no date-time")
            }
        case .object(let object):
            var properties: [String: JSONValue] = [:]
            if case .object(let known)? = rule["properties"] { properties = known }
            if case .array(let required)? = rule["required"] {
                for key in required.compactMap(\.text) where object[key] == nil {
                    found.append("\(path).\(key): required, absent")
                }
            }
            for (key, member) in object {
                if let property = properties[key] {
                    found += problems(member, property, at: "\(path).\(key)")
                } else if rule["additionalProperties"] == .bool(false) {
                    found.append("\(path).\(key): not allowed")
                } else if let extra = rule["additionalProperties"] {
                    found += problems(member, extra, at: "\(path).\(key)")
                }
            }
        case .array(let elements):
            if let items = rule["items"] {
                for (i, element) in elements.enumerated() { found += problems(element, items, at: "\(path)[\(i)]") }
            }
        default: break
        }
        return found
    }
}
