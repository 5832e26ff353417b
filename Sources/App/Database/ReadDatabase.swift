import FluentPostgresDriver
import SQLKit
import Vapor

/// Where reads go: a pool of read connections of their own — on SQLite read-only ones
/// (`SQLiteReadPool`), on PostgreSQL ones that keep their statements prepared
/// (`PostgresReadPool`).
enum ReadDatabase {
    private struct PoolKey: StorageKey { typealias Value = any ReadPool }

    /// Opens the read connections of a SQLite file: two per core, so that a long read (an
    /// export) leaves others for the lists.
    static func open(_ app: Application, sqlitePath path: String) throws {
        let pool = try SQLiteReadPool(
            path: path, size: max(2, System.coreCount) * 2, eventLoop: app.eventLoopGroup.any(), logger: app.logger)
        app.storage.set(PoolKey.self, to: pool, onShutdown: { $0.close() })
    }

    /// Sets up the read connections to PostgreSQL (opened at their first read): as many as
    /// Fluent's pool has, which keeps serving the writes and what is not prepared.
    static func open(_ app: Application, postgres configuration: SQLPostgresConfiguration, connectionsPerLoop: Int) {
        let loops = Array(app.eventLoopGroup.makeIterator()).count
        let pool = PostgresReadPool(
            configuration: configuration.coreConfiguration, size: loops * connectionsPerLoop,
            eventLoopGroup: app.eventLoopGroup,
            // Unowned: the pool lives in the application's storage, never longer than it.
            unprepared: { [unowned app] in app.sql }, logger: app.logger)
        app.storage.set(PoolKey.self, to: pool, onShutdown: { $0.close() })
    }

    static func pool(_ app: Application) -> (any ReadPool)? { app.storage[PoolKey.self] }
}

/// A pool of read connections.
protocol ReadPool: SQLDatabase {
    /// How many reads run at once.
    var size: Int { get }
    func close()
}

extension SQLiteReadPool: ReadPool {}
extension PostgresReadPool: ReadPool {}

extension Application {
    var reads: SQLDatabase { ReadDatabase.pool(self) ?? sql }
}

extension Request {
    var reads: SQLDatabase { application.reads }
}
