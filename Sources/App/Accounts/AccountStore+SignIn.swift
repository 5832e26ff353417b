import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The failed-sign-in counter and lock of an account, and password changes.
extension AccountStore {
    /// Counts one failed sign-in and answers the failures in a row so far. One statement,
    /// so that two wrong passwords at the same moment both count.
    func countFailedSignIn(userID: UUID) async throws -> Int {
        try await db.raw(
            """
            UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = \(bind: userID) RETURNING failed_sign_ins
            """
        ).first()?.decode(column: "failed_sign_ins", as: Int.self) ?? 0
    }

    /// Locks the account until `until` and starts the count again; false when another
    /// request has just applied the lock (so that it is audited once).
    func lock(userID: UUID, until: Date) async throws -> Bool {
        try await db.raw(
            """
            UPDATE users SET locked_until = \(bind: until), failed_sign_ins = 0
            WHERE id = \(bind: userID) AND failed_sign_ins >= \(bind: SignInRules.maxFailures) RETURNING id
            """
        ).first() != nil
    }

    /// A successful sign-in forgets earlier failures.
    func clearFailedSignIns(userID: UUID) async throws {
        try await db.update("users").set("failed_sign_ins", to: SQLBind(0)).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(userID)).run()
    }

    /// Sets a new password hash. `mustChange` is true for a password an administrator made
    /// (the user changes it at the next sign-in) and false for one the user chose.
    /// A reset also lifts a lock: the administrator has just checked who is asking.
    func setPassword(userID: UUID, hash: String, mustChange: Bool) async throws {
        var update = db.update("users").set("password_hash", to: SQLBind(hash)).set(
            "must_change_password", to: SQLBind(mustChange)
        )
        .set("version", to: SQLRaw("version + 1"))
        if mustChange {
            update = update.set("failed_sign_ins", to: SQLBind(0)).set("locked_until", to: SQLLiteral.null)
        }
        try await update.where("id", .equal, SQLBind(userID)).run()
    }
}

extension AccountStore {
    /// Ends every credential of an account: its API tokens are revoked and its page sessions
    /// sign no one in any more (`session_epoch` moves on). Answers the new epoch, which the
    /// session of a user who has just changed their own password is started again in, and
    /// how many tokens were revoked.
    func endCredentials(userID: UUID, at now: Date) async throws -> (epoch: Int, revokedTokens: Int) {
        let revoked = try await db.raw(
            """
            UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: userID) AND revoked_at IS NULL RETURNING id
            """
        ).all().count
        let epoch =
            try await db.raw(
                """
                UPDATE users SET session_epoch = session_epoch + 1 WHERE id = \(bind: userID) RETURNING session_epoch
                """
            ).first()?.decode(column: "session_epoch", as: Int.self) ?? 0
        return (epoch, revoked)
    }
}

/// What a `user.locked` audit event records: never a password or a hash.
struct AccountLockAudit: Encodable {
    let failedSignIns: Int
    let lockedUntil: Date
}
