/// An assessment request that cannot be assessed, naming the offending field as the JSON
/// does (`members[1].birthDate`, `assets.vehicles`). The message is zh-CN then English.
public struct AssessmentRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the field, or nil when the body as a whole is at fault.
    public let field: String?
    public let message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    static func invalid(_ field: String?, _ zh: String, _ en: String) -> AssessmentRequestError {
        AssessmentRequestError(field: field, message: "\(zh) / \(en)")
    }

    static func missing(_ field: String) -> AssessmentRequestError {
        invalid(field, "缺少必填字段", "required field is missing")
    }

    static func unknownField(_ field: String) -> AssessmentRequestError {
        invalid(field, "未知字段", "unknown field")
    }

    static func null(_ field: String) -> AssessmentRequestError {
        invalid(field, "不能为 null", "must not be null")
    }

    static func wrongType(_ field: String?, zh: String, en: String) -> AssessmentRequestError {
        invalid(field, "应为\(zh)", "expected \(en)")
    }

    static func unknownValue(_ field: String, _ value: String, allowed: [String]) -> AssessmentRequestError {
        let list = allowed.joined(separator: ", ")
        return invalid(field, "未知的取值 \"\(value)\"，可选：\(list)", "unknown value \"\(value)\", expected one of: \(list)")
    }
}
