import FluentKit
import SQLKit
import Vapor

/// The one way to the SQL of a Fluent database. Every database the platform opens is SQLite
/// or PostgreSQL, whose Fluent drivers are SQL databases; anything else is a wiring mistake.
extension FluentKit.Database {
    var sql: SQLDatabase {
        guard let sql = self as? SQLDatabase else { preconditionFailure("\(type(of: self)) is not an SQL database") }
        return sql
    }
}

extension Application {
    var sql: SQLDatabase { db.sql }
}

extension Request {
    var sql: SQLDatabase { db.sql }
}
