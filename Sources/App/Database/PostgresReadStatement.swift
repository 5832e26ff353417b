import Foundation
import PostgresKit

/// A read as `PostgresReadPool` prepares it: its text, its values in PostgreSQL's binary form,
/// and their types — the types PostgresKit declares for an unnamed statement (a String text,
/// an Int int8, a UUID uuid…), so a statement means what it meant there.
struct PostgresReadStatement: PostgresPreparedStatement {
    typealias Row = any SQLRow

    /// What a statement is, given per call: PostgresNIO's prepared statements are types with
    /// static text, and these texts are built at run time (SQLKit's), so the one type reads
    /// them from the task running the statement. PostgresNIO reads them when it is called,
    /// in that task, and keeps each connection's statements by `name`.
    struct Shape: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]
    }
    @TaskLocal static var shape = Shape(name: "", sql: "", types: [])

    static var name: String { shape.name }
    static var sql: String { shape.sql }
    static var bindingDataTypes: [PostgresDataType] { shape.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> any SQLRow { row.sql() }

    /// The values' bindings and types; nil when a value is of a type not handled here (or nil,
    /// whose type the value does not say): such statements run unprepared, as before.
    static func bind(_ values: [any Encodable & Sendable]) -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: values.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(values.count)
        for value in values {
            switch value {
            case let value as UUID: append(value, to: &bindings, &types)
            case let value as String: append(value, to: &bindings, &types)
            case let value as Int: append(value, to: &bindings, &types)
            case let value as Int64: append(value, to: &bindings, &types)
            case let value as Int32: append(value, to: &bindings, &types)
            case let value as Bool: append(value, to: &bindings, &types)
            case let value as Double: append(value, to: &bindings, &types)
            case let value as Date: append(value, to: &bindings, &types)
            default: return nil
            }
        }
        return (bindings, types)
    }

    private static func append<Value: PostgresNonThrowingEncodable>(
        _ value: Value, to bindings: inout PostgresBindings, _ types: inout [PostgresDataType]
    ) {
        bindings.append(value)
        types.append(Value.psqlType)
    }
}
