import Foundation
import SQLKit

/// The only code that names `rate_windows`: per limit and client, the start of the current
/// window and the requests counted in it. One statement counts a request and reads the
/// window, so that two servers counting at once both see the other's request.
struct RateWindowStore: Sendable {
    let db: SQLDatabase
    let turn: WriteTurn

    struct Window: Sendable {
        /// Seconds since 1970.
        let started: Int64
        /// The requests in the window, this one included.
        let requests: Int
    }

    /// Counts a request of `client` at `now`; a window older than `windowSeconds` starts again.
    func count(bucket: String, client: String, windowSeconds: Int64, at now: Int64) async throws -> Window {
        let expired = now - windowSeconds
        return try await turn.run {
            let row = try await db.raw(
                """
                INSERT INTO rate_windows (bucket, client, window_start, requests)
                VALUES (\(bind: bucket), \(bind: client), \(bind: now), 1)
                ON CONFLICT (bucket, client) DO UPDATE SET
                    requests = CASE WHEN rate_windows.window_start <= \(bind: expired) THEN 1
                        ELSE rate_windows.requests + 1 END,
                    window_start = CASE WHEN rate_windows.window_start <= \(bind: expired) THEN \(bind: now)
                        ELSE rate_windows.window_start END
                RETURNING window_start, requests
                """
            ).first()
            guard let row else { throw SQLRowMissing() }
            return Window(
                started: try row.decode(column: "window_start", as: Int64.self),
                requests: try row.decode(column: "requests", as: Int.self))
        }
    }

    /// Forgets the windows that started before `before`: they count nothing any more.
    func forget(startedBefore before: Int64) async throws -> Int {
        try await turn.run {
            try await db.raw("DELETE FROM rate_windows WHERE window_start < \(bind: before) RETURNING bucket").all()
                .count
        }
    }
}

/// A statement with RETURNING answered no row: the database did not do what it said.
struct SQLRowMissing: Error, CustomStringConvertible {
    var description: String { "the statement returned no row" }
}
