import SQLKit
import Vapor

/// Where reads go. On SQLite a pool of read-only connections of their own
/// (`SQLiteReadPool`); on PostgreSQL the pool, as it is.
enum ReadDatabase {
    private struct PoolKey: StorageKey { typealias Value = SQLiteReadPool }

    /// Opens the read connections of a SQLite file: two per core, so that a long read (an
    /// export) leaves others for the lists.
    static func open(_ app: Application, sqlitePath path: String) throws {
        let pool = try SQLiteReadPool(
            path: path, size: max(2, System.coreCount) * 2, eventLoop: app.eventLoopGroup.any(), logger: app.logger)
        app.storage.set(PoolKey.self, to: pool, onShutdown: { $0.close() })
    }

    static func pool(_ app: Application) -> SQLiteReadPool? { app.storage[PoolKey.self] }
}

extension Application {
    var reads: SQLDatabase { ReadDatabase.pool(self) ?? sql }
}

extension Request {
    var reads: SQLDatabase { application.reads }
}
