import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One sign-in attempt, the same for the page and the API: the client address's and the
/// account's waits, the password check, and the failure counters.
struct SignIn {
    let req: Request

    static let wrongCredentials = AppError(.unauthorized, "用户名或密码错误")

    /// The account, or an `AppError`: 401 for a wrong name or password (one message for
    /// both), 429 with `Retry-After` while the account or this client address waits.
    func attempt(username: String, password: String) async throws -> AccountStore.UserRow {
        let app = req.application
        let now = app.accountsClock.seconds
        let address = req.clientAddress
        let throttle = app.signInThrottle
        if let wait = try await throttle.addresses.wait(address, at: now) { throw Self.addressWaits(wait) }
        let store = AccountStore(db: req.sql)
        guard let row = try await store.userRow(username: username) else {
            if let wait = try await throttle.unknownNames.wait(username, at: now) { throw Self.accountWaits(wait) }
            _ = try await req.password.async.verify(password, created: try req.platform.decoyPassword.hash)
            try await throttle.addresses.recordFailure(address, at: now)
            throw try await throttle.unknownNames.recordFailure(username, at: now)
                ? Self.accountWaits(SignInRules.lockSeconds) : Self.wrongCredentials
        }
        // While locked the password is not even checked: a lock that still answered
        // "right" or "wrong" would let the guessing go on.
        if let until = row.locked_until.map({ Int64($0.timeIntervalSince1970.rounded(.up)) }), until > now {
            throw Self.accountWaits(until - now)
        }
        let matches = try await req.password.async.verify(password, created: row.password_hash)
        if matches, !row.disabled, row.current != nil {
            if row.failed_sign_ins > 0 || row.locked_until != nil {
                try await app.serializedWrite { try await AccountStore(db: app.sql).clearFailedSignIns(userID: row.id) }
            }
            return row
        }
        // A disabled account counts and answers like a wrong password: nothing tells it apart.
        try await throttle.addresses.recordFailure(address, at: now)
        let failures = try await app.serializedWrite {
            try await AccountStore(db: app.sql).countFailedSignIn(userID: row.id)
        }
        guard SignInRules.locks(afterFailures: failures) else { throw Self.wrongCredentials }
        let until = Date(timeIntervalSince1970: TimeInterval(now + SignInRules.lockSeconds))
        try await req.auditedTransaction { tx, audit in
            guard try await AccountStore(db: tx).lock(userID: row.id, until: until) else { return }
            try await audit.record(
                "user.locked", entity: "user", id: row.id.uuidString, region: row.region,
                after: AccountLockAudit(failedSignIns: failures, lockedUntil: until))
        }
        throw Self.accountWaits(SignInRules.lockSeconds)
    }

    static func accountWaits(_ seconds: Int64) -> AppError {
        AppError(
            .tooManyRequests, "登录失败次数过多，该账户已暂时锁定，请 \(SignInRules.minutes(seconds)) 分钟后再试",
            headers: ["Retry-After": "\(seconds)"])
    }

    static func addressWaits(_ seconds: Int64) -> AppError {
        AppError(
            .tooManyRequests, "本机登录失败次数过多，请 \(SignInRules.minutes(seconds)) 分钟后再试",
            headers: ["Retry-After": "\(seconds)"])
    }
}
