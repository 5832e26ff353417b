import FluentKit
import SQLKit
import Vapor

/// Where a bulk job (import, feed file, seed, payroll roll) writes.
/// On SQLite: a connection of its own (`SQLiteBulkDatabase`), prepared statements and
/// settings for large transactions. On PostgreSQL: the pool as it is (FluentPostgresDriver
/// marks a pinned connection as already inside a transaction, so `transaction` on it would
/// not BEGIN and a batch would no longer be all-or-nothing).
enum BulkDatabase: Sendable {
    case pool(any Database)
    case sqlite(SQLiteBulkDatabase)

    /// For reads outside the job's transactions.
    var sql: SQLDatabase {
        switch self {
        case .pool(let db): return db.sql
        case .sqlite(let db): return db
        }
    }

    /// Whether a read may run beside the job's open transaction. On SQLite the job's statements
    /// interleave on its own connection. On PostgreSQL a read outside the transaction needs a
    /// second pooled connection, which may be the one the transaction holds (one per event loop):
    /// the read would wait for the transaction, and the transaction for the read.
    var readsBesideTransaction: Bool {
        if case .sqlite = self { return true }
        return false
    }

    /// Runs `body` in one transaction.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (SQLDatabase) async throws -> T) async throws -> T {
        switch self {
        case .pool(let db): return try await db.transaction { try await body($0.sql) }
        case .sqlite(let db): return try await db.transaction(body)
        }
    }
}

/// What a service takes to run a bulk job: where the database is, the pool, and the process's
/// write turn (SQLite has one writer).
struct BulkJobs: Sendable {
    let location: AppConfig.DatabaseLocation
    let pool: any Database
    let serializer: WriteSerializer
    let logger: Logger

    /// Runs a bulk job; on SQLite its connection is closed (and the WAL checkpointed) afterwards.
    /// `cacheMB` is the SQLite page cache: large enough for the indexes the job touches at
    /// random, small enough for the job's memory target.
    /// `commitInterval`: how often a SQLite job commits (see `SQLiteBulkDatabase.transaction`);
    /// `walLimit`: the WAL's bytes past which a commit waits for the checkpoint (`BackgroundCheckpointer`).
    func run<T: Sendable>(
        cacheMB: Int = 256, commitInterval: Duration = .seconds(2), walLimit: Int = 256 << 20,
        _ body: @escaping @Sendable (BulkDatabase) async throws -> T
    ) async throws -> T {
        guard case .sqlite(let path) = location else { return try await body(.pool(pool)) }
        let bulk = try SQLiteBulkDatabase(
            path: path, cacheMB: cacheMB, serializer: serializer, commitInterval: commitInterval, walLimit: walLimit,
            logger: logger)
        let result: T
        do {
            result = try await body(.sqlite(bulk))
        } catch {
            await bulk.abandon()
            throw error
        }
        try await bulk.close()
        return result
    }
}

extension Application {
    var bulkJobs: BulkJobs {
        BulkJobs(location: platform.config.database, pool: db, serializer: writeSerializer, logger: logger)
    }
}
