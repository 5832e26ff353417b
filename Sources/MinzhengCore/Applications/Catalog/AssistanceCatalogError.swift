import Foundation

/// Why a catalogue, an item or one of its parts was refused: the JSON path of the bad
/// field (`items[4].approval.level`) and a zh-CN message, the two halves of the API's
/// `{"error": …, "field": …}`.
public struct AssistanceCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field)：\(message)" }

    /// The same error seen from an enclosing value: `name` inside `items[3]` is
    /// `items[3].name`.
    func inside(_ path: String) -> AssistanceCatalogError {
        if path.isEmpty { return self }
        if field.isEmpty { return AssistanceCatalogError(field: path, message: message) }
        let joiner = field.hasPrefix("[") ? "" : "."
        return AssistanceCatalogError(field: path + joiner + field, message: message)
    }

    /// A decoding failure of Foundation's decoders, translated: where, and what was wrong.
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: Self.path(context.codingPath + [key]), message: "缺少此字段")
        case .valueNotFound(_, let context):
            self.init(field: Self.path(context.codingPath), message: "不能为空（null）")
        case .typeMismatch(let type, let context):
            self.init(field: Self.path(context.codingPath), message: "类型不符，应为\(Self.typeName(type))")
        case .dataCorrupted(let context):
            // At the root only the JSON itself can be corrupt: every value below has a path.
            let message = context.codingPath.isEmpty ? "不是有效的 JSON" : context.debugDescription
            self.init(field: Self.path(context.codingPath), message: message)
        @unknown default:
            self.init(field: "", message: "无法解析：\(error)")
        }
    }

    /// `items[3].documents[0].code` from a decoder's coding path.
    static func path(_ codingPath: [CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "文本"
        case is Int.Type, is Int64.Type: return "整数"
        case is Bool.Type: return "true 或 false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "列表" }
            if name.hasPrefix("Dictionary") { return "对象" }
            return name
        }
    }
}

extension AssistanceCatalogError {
    /// Decodes `type` from JSON, turning every failure into an error that names the field,
    /// for the administrator's edits as much as for the seed.
    public static func decoding<T: Decodable>(_ type: T.Type, from data: Data) throws(AssistanceCatalogError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as AssistanceCatalogError {
            throw error
        } catch let error as DecodingError {
            throw AssistanceCatalogError(error)
        } catch {
            throw AssistanceCatalogError(field: "", message: "无法解析：\(error)")
        }
    }
}

extension AssistanceCatalogError {
    /// Runs a validating initializer inside a decoder, moving its errors (whose fields
    /// are relative to the value) under the decoder's path. A closure rather than
    /// `do { try self.init(…) } catch`, which crashes the Swift 6.3 compiler.
    static func within<T>(
        _ codingPath: [CodingKey], _ make: () throws(AssistanceCatalogError) -> T
    ) throws(AssistanceCatalogError) -> T {
        do {
            return try make()
        } catch {
            throw error.inside(path(codingPath))
        }
    }
}
