/// Why the platform will not do what was asked, in words a caseworker or resident can act
/// on: a kind, a message in Chinese and the field or row at fault. Stores, services and
/// commands throw it; only the web edge turns the kind into an HTTP status (`AppError`),
/// so a command-line import reports the same refusal without knowing about HTTP.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// The input is wrong; `field` names it.
        case invalid
        /// The user may not do this.
        case forbidden
        /// No such record within the user's reach (a record outside their region is answered
        /// the same way, so that its existence is not revealed).
        case notFound
        /// The record's state does not allow it now (a stale version, a closed roll …).
        case conflict
        /// The platform cannot do it because of its own setup (a missing parameter).
        case failed
    }

    public let kind: Kind
    public let message: String
    public let field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    public static func invalid(_ field: String, _ message: String) -> Refusal {
        Refusal(.invalid, message, field: field)
    }

    public static func notFound(_ what: String = "记录") -> Refusal { Refusal(.notFound, "\(what)不存在") }

    /// A write based on an old copy of the record.
    public static func staleVersion(current: Int) -> Refusal {
        Refusal(.conflict, "记录已被他人修改（当前版本 \(current)），请刷新后重试", field: "version")
    }

    /// A Core validation's problem with one field.
    public init(_ problem: FieldProblem) { self.init(.invalid, problem.message, field: problem.field) }
}
