import Foundation
import SQLiteNIO
import SQLKit

/// One value of a bulk-inserted row. Bound natively: on SQLite straight as `SQLiteData`
/// (no `Encodable` round trip and no dynamic cast per value — these were a tenth of the
/// seed's time), elsewhere through SQLKit. The SQLite forms are exactly what SQLKit's
/// encoder writes, so rows read back the same whichever path wrote them.
enum BulkValue: Sendable {
    case text(String)
    case integer(Int64)
    case uuid(UUID)
    case date(Date)
    case bool(Bool)
    case null

    init(_ value: String?) { self = value.map(BulkValue.text) ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Int64) { self = .integer(value) }
    init(_ value: UUID) { self = .uuid(value) }
    init(_ value: Date) { self = .date(value) }
    init(_ value: Bool) { self = .bool(value) }

    /// (`RawSQLiteConnection` binds these, but for ids, which it formats without a String.)
    var sqlite: SQLiteData {
        switch self {
        case .text(let s): return .text(s)
        case .integer(let i): return .integer(Int(i))
        case .uuid(let u): return .text(u.text)
        case .date(let d): return .float(d.timeIntervalSince1970)
        case .bool(let b): return .integer(b ? 1 : 0)
        case .null: return .null
        }
    }

    var bind: any SQLExpression {
        switch self {
        case .text(let s): return SQLBind(s)
        case .integer(let i): return SQLBind(i)
        case .uuid(let u): return SQLBind(u)
        case .date(let d): return SQLBind(d)
        case .bool(let b): return SQLBind(b)
        case .null: return SQLLiteral.null
        }
    }
}
