import Foundation
import SQLKit

/// The only code that names `background_jobs`: a long job's row, written by the server that
/// runs it and read by any server, so that the job's page answers wherever the user's next
/// request lands. Every write takes its turn (`WriteTurn`) on SQLite.
struct JobStore: Sendable {
    let db: SQLDatabase
    let turn: WriteTurn

    /// The kinds of job a page starts; the kind is part of every lookup, so that one kind's
    /// page never shows another kind's job.
    enum Kind: String, Sendable {
        case householdImport = "import"
        case feedFile = "feed"
    }

    enum State: String, Sendable {
        case running, done, failed
    }

    struct Row: Sendable {
        let title: String
        let state: State
        let percent: Int
        let outcomeCipher: String?
        let error: String?
        let heartbeatAt: Date
    }

    func insert(id: UUID, kind: Kind, owner: UUID, title: String, server: UUID, at now: Date) async throws {
        try await turn.run {
            try await db.insert(into: "background_jobs")
                .columns(
                    "id", "kind", "owner_id", "title", "state", "percent", "server_id", "heartbeat_at", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(kind.rawValue), SQLBind(owner), SQLBind(title),
                    SQLBind(State.running.rawValue),
                    SQLBind(0), SQLBind(server), SQLBind(now), SQLBind(now)
                ).run()
        }
    }

    /// The job's percent, which only grows (updates may arrive out of order), and its heartbeat.
    func progress(_ id: UUID, percent: Int, at now: Date) async throws {
        try await turn.run {
            try await db.raw(
                """
                UPDATE background_jobs SET percent = \(bind: percent), heartbeat_at = \(bind: now)
                WHERE id = \(bind: id) AND state = 'running' AND percent < \(bind: percent)
                """
            ).run()
        }
    }

    /// The running server's sign of life: a job whose heartbeat stops was cut off.
    func beat(_ id: UUID, at now: Date) async throws {
        try await turn.run {
            try await db.raw(
                "UPDATE background_jobs SET heartbeat_at = \(bind: now) WHERE id = \(bind: id) AND state = 'running'"
            ).run()
        }
    }

    func finish(_ id: UUID, state: State, outcomeCipher: String?, error: String?, at now: Date) async throws {
        try await turn.run {
            try await db.raw(
                """
                UPDATE background_jobs SET state = \(bind: state.rawValue),
                    percent = CASE WHEN \(bind: state.rawValue) = 'done' THEN 100 ELSE percent END,
                    outcome_cipher = \(bind: outcomeCipher), error = \(bind: error),
                    heartbeat_at = \(bind: now), finished_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// The job of `kind` with `id`, if `owner` started it.
    func find(_ id: UUID, kind: Kind, owner: UUID) async throws -> Row? {
        try await db.raw(
            """
            SELECT title, state, percent, outcome_cipher, error, heartbeat_at FROM background_jobs
            WHERE id = \(bind: id) AND kind = \(bind: kind.rawValue) AND owner_id = \(bind: owner)
            """
        ).first().map { row in
            Row(
                title: try row.decode(column: "title", as: String.self),
                state: State(rawValue: try row.decode(column: "state", as: String.self)) ?? .failed,
                percent: try row.decode(column: "percent", as: Int.self),
                outcomeCipher: try row.decode(column: "outcome_cipher", as: String?.self),
                error: try row.decode(column: "error", as: String?.self),
                heartbeatAt: try row.decode(column: "heartbeat_at", as: Date.self))
        }
    }

    /// Marks failed, with `error`, the running jobs whose server stopped beating before
    /// `silentSince` (it crashed or was killed); returns how many.
    func failSilent(since silentSince: Date, error: String, at now: Date) async throws -> Int {
        try await turn.run {
            try await db.raw(
                """
                UPDATE background_jobs SET state = 'failed', error = \(bind: error), finished_at = \(bind: now)
                WHERE state = 'running' AND heartbeat_at < \(bind: silentSince) RETURNING id
                """
            ).all().count
        }
    }

    /// Forgets the jobs finished before `before`: their outcome holds the refused rows of a
    /// file, personal data that is not kept longer than the clerk needs it.
    func forget(finishedBefore before: Date) async throws -> Int {
        try await turn.run {
            try await db.raw(
                "DELETE FROM background_jobs WHERE state <> 'running' AND finished_at < \(bind: before) RETURNING id"
            ).all().count
        }
    }
}
