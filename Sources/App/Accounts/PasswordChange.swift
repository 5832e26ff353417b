import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A user changing their own password: the current one proves it is them (a session left
/// open on a shared computer is not enough), the new one is long enough and different.
struct PasswordChange {
    struct Form: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
        var next: String?
    }

    /// What a `user.password.change` event records: no password, no hash.
    struct Audit: Encodable {
        let mustChangePassword: Bool
        var tokensRevoked: Int? = nil
    }

    let db: SQLDatabase
    /// Audited as the user.
    let writer: AuditedWriter
    /// bcrypt, off the event loop.
    let passwords: AsyncPasswordHasher
    /// Sign-in security's own real-time clock.
    let accountsClock: AccountsClock
    /// Forgotten after the change, so that the old tokens stop at once on this server.
    let tokenHolders: TokenHolderCache?

    /// Changes the password and ends every other credential of the account (its API tokens,
    /// its sessions on other computers); answers the account's new session epoch, in which
    /// the caller's own session goes on.
    func change(_ user: CurrentUser, form: Form) async throws -> Int {
        let current = form.currentPassword ?? "", new = form.newPassword ?? ""
        guard let row = try await AccountStore(db: db).userRow(id: user.id) else {
            throw AppError(.unauthorized, "请先登录")
        }
        guard try await passwords.verify(current, created: row.password_hash) else {
            throw Refusal.invalid("currentPassword", "当前密码不正确")
        }
        guard new.count >= AccountStore.minimumPasswordLength else {
            throw Refusal.invalid("newPassword", "新密码至少需要\(AccountStore.minimumPasswordLength)个字符")
        }
        // The current password was just verified, so comparing with it is comparing with the old one.
        guard new != current else { throw Refusal.invalid("newPassword", "新密码不能与原密码相同") }
        guard new == (form.confirmPassword ?? "") else { throw Refusal.invalid("confirmPassword", "两次输入的新密码不一致") }
        let hash = try await passwords.hash(new)
        let now = accountsClock.now()
        defer { tokenHolders?.forgetAll() }
        return try await writer.transaction { tx, audit in
            let store = AccountStore(db: tx)
            try await store.setPassword(userID: user.id, hash: hash, mustChange: false)
            let ended = try await store.endCredentials(userID: user.id, at: now)
            try await audit.record(
                "user.password.change", entity: "user", id: user.id.uuidString, region: user.region.value,
                before: Audit(mustChangePassword: row.must_change_password),
                after: Audit(mustChangePassword: false, tokensRevoked: ended.revokedTokens))
            return ended.epoch
        }
    }
}

extension Request {
    /// The signed-in user's own password change.
    var passwordChange: PasswordChange {
        PasswordChange(
            db: sql, writer: writer, passwords: password.async, accountsClock: application.accountsClock,
            tokenHolders: application.tokenHolders)
    }
}
