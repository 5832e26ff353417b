import FluentKit
import FluentSQLiteDriver
import SQLKit
import Vapor

extension DatabaseID {
    /// SQLite's read connections (`Request.reads`).
    static let sqliteReads = DatabaseID(string: "sqlite-reads")
}

/// Where reads go. On SQLite (in WAL mode readers run beside the writer) a second set of
/// connections, one per event loop as Fluent's SQLite driver gives them, used for reads
/// only: a list never waits for a write's open transaction on the writer's connection, nor
/// for an import (which has a connection of its own). On PostgreSQL the pool, as it is.
enum ReadDatabase {
    /// Registers the read connections of a SQLite file (none for a database in memory,
    /// which a second connection would not see).
    static func register(_ app: Application, sqlitePath path: String) {
        app.databases.use(.sqlite(.file(path)), as: .sqliteReads, isDefault: false)
    }
}

extension Application {
    var reads: SQLDatabase {
        databases.ids().contains(.sqliteReads) ? db(.sqliteReads).sql : sql
    }
}

extension Request {
    var reads: SQLDatabase {
        application.databases.ids().contains(.sqliteReads) ? db(.sqliteReads).sql : sql
    }
}
