import Foundation
import MinzhengCore
import SQLKit

/// The only code that names `progress_codes`: one-time codes of 办件查询, as an HMAC of the
/// number and the code under the data key (a stolen table does not give the codes), with
/// their expiry, wrong guesses and use.
struct ProgressCodeStore {
    let db: SQLDatabase

    struct Code: Sendable {
        let id: UUID
        let hmac: String
        let attempts: Int
        let expiresAt: Date
    }

    func insert(number: ReceiptNumber, hmac: String, expiresAt: Date, at now: Date) async throws {
        try await db.insert(into: "progress_codes")
            .columns("id", "number", "code_hmac", "attempts", "expires_at", "created_at")
            .values(
                SQLBind(UUID.random()), SQLBind(number.value), SQLBind(hmac), SQLBind(0), SQLBind(expiresAt),
                SQLBind(now)
            ).run()
    }

    /// The number's latest code not yet used, if any (expired or not: the caller says which).
    func latest(number: ReceiptNumber) async throws -> Code? {
        guard
            let row = try await db.raw(
                """
                SELECT id, code_hmac, attempts, expires_at, used_at FROM progress_codes
                WHERE number = \(bind: number.value) ORDER BY created_at DESC LIMIT 1
                """
            ).first(), try row.decode(column: "used_at", as: Date?.self) == nil
        else { return nil }
        return Code(
            id: try row.decode(column: "id", as: UUID.self), hmac: try row.decode(column: "code_hmac", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self))
    }

    func countWrongGuess(_ id: UUID) async throws {
        try await db.raw("UPDATE progress_codes SET attempts = attempts + 1 WHERE id = \(bind: id)").run()
    }

    /// Spends the code; false when another request spent it first.
    func use(_ id: UUID, at now: Date) async throws -> Bool {
        try await !db.raw(
            "UPDATE progress_codes SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id"
        ).all().isEmpty
    }
}
