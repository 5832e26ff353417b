import FluentKit
import SQLKit

/// Runs a bulk job (seed, import) on one pinned connection. On SQLite the connection is
/// tuned for large transactions while the job runs: `synchronous = NORMAL` (in WAL mode the
/// file stays consistent; a power cut may lose the last committed batches, which a rerun
/// restores, since both jobs are idempotent per batch) and a 256 MB page cache (the random-order indexes of a million persons — blind index, names — fit in it), so that
/// index pages stay in memory instead of being read back from disk for every insert.
///
/// Elsewhere the job runs on the pool as it is: FluentPostgresDriver marks a pinned
/// connection as already inside a transaction, so `transaction` on it would not BEGIN and
/// each batch would no longer be all-or-nothing.
func withBulkConnection<T: Sendable>(_ db: any Database, cacheMB: Int = 256,
                                     _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
    guard (db as? SQLDatabase)?.dialect.name == "sqlite" else { return try await body(db) }
    return try await db.withConnection { connection in
        let sql = connection as! SQLDatabase
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-cacheMB * 1024))").run()
        let result: Result<T, any Error>
        do { result = .success(try await body(connection)) } catch { result = .failure(error) }
        // Back to SQLite's defaults before the connection returns to the pool.
        try await sql.raw("PRAGMA cache_size = -2000").run()
        try await sql.raw("PRAGMA synchronous = FULL").run()
        return try result.get()
    }
}

/// Overlaps a bulk job's preparation of the next batch (parsing, validation, encryption)
/// with the database writing the previous one: at most one write is in flight, and writes
/// happen in submission order, so a later batch sees everything an earlier one stored.
struct PipelinedWriter<Output: Sendable> {
    private var inFlight: Task<Output, any Error>?

    /// Waits for the write in flight (returning its output), then starts `write`.
    mutating func submit(_ write: @escaping @Sendable () async throws -> Output) async throws -> Output? {
        let previous = try await inFlight?.value
        inFlight = Task { try await write() }
        return previous
    }

    /// Waits for the last write.
    mutating func finish() async throws -> Output? {
        defer { inFlight = nil }
        return try await inFlight?.value
    }
}
