import FluentKit
import Foundation
import MinzhengCore
import SQLKit

/// The only code that names `failure_counters`: per lockout (a bucket) and key (a client
/// address, a username nobody has, a blind index) the failures still counting and the lock
/// they led to. A failure is counted under the row's lock, so that two servers counting the
/// same key at once neither lose a failure nor both miss the lock.
struct FailureCounterStore: Sendable {
    let db: any Database
    let turn: WriteTurn

    func counter(bucket: String, key: String, window: Int64?) async throws -> FailureCounter {
        let row = try await db.sql.raw(
            """
            SELECT failures, locked_until FROM failure_counters
            WHERE bucket = \(bind: bucket) AND client = \(bind: key)
            """
        ).first()
        return try row.map { try Self.counter($0, window: window) } ?? FailureCounter(window: window)
    }

    /// Counts a failure of `key` at `now`; true when it starts the lock.
    func recordFailure(bucket: String, key: String, window: Int64?, at now: Int64) async throws -> Bool {
        // PostgreSQL's row lock; SQLite's single writer already keeps the change whole.
        let lock = db.sql.dialect.name == "postgresql" ? "FOR UPDATE" : ""
        return try await turn.run {
            try await db.transaction { tx in
                let sql = tx.sql
                try await sql.raw(
                    """
                    INSERT INTO failure_counters (bucket, client, failures, locked_until, updated_at)
                    VALUES (\(bind: bucket), \(bind: key), '', NULL, \(bind: now)) ON CONFLICT (bucket, client) DO NOTHING
                    """
                ).run()
                let row = try await sql.raw(
                    """
                    SELECT failures, locked_until FROM failure_counters
                    WHERE bucket = \(bind: bucket) AND client = \(bind: key) \(unsafeRaw: lock)
                    """
                ).first()
                var counter = try row.map { try Self.counter($0, window: window) } ?? FailureCounter(window: window)
                let locked = counter.recordFailure(at: now)
                try await sql.raw(
                    """
                    UPDATE failure_counters SET failures = \(bind: counter.failures.map(String.init).joined(separator: ",")),
                        locked_until = \(bind: counter.lockedUntil), updated_at = \(bind: now)
                    WHERE bucket = \(bind: bucket) AND client = \(bind: key)
                    """
                ).run()
                return locked
            }
        }
    }

    /// Forgets the counters untouched since `before`: their failures and locks have run out.
    func forget(untouchedSince before: Int64) async throws -> Int {
        try await turn.run {
            try await db.sql.raw(
                "DELETE FROM failure_counters WHERE updated_at < \(bind: before) RETURNING bucket"
            ).all().count
        }
    }

    private static func counter(_ row: SQLRow, window: Int64?) throws -> FailureCounter {
        let failures = try row.decode(column: "failures", as: String.self).split(separator: ",").compactMap {
            Int64($0)
        }
        return FailureCounter(
            window: window, failures: failures, lockedUntil: try row.decode(column: "locked_until", as: Int64?.self))
    }
}
