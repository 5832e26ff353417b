import MinzhengCore
import SQLKit
import Vapor

/// API clients: `Authorization: Bearer <token>`. The holder comes from `TokenHolderCache`
/// when it has the token, from the database otherwise.
struct BearerUserAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let app = request.application
        let now = app.accountsClock.now()
        let hash = AccountStore.hashToken(bearer.token)
        let cache = app.tokenHolders
        let holder: AccountStore.TokenHolder
        if let cached = cache?.holder(hash: hash, now: now) {
            holder = cached
        } else {
            let generation = cache?.generation
            guard let read = try await AccountStore(db: request.reads).user(tokenHash: hash, now: now) else { return }
            if let cache, let generation { cache.remember(read, hash: hash, readAt: now, generation: generation) }
            holder = read
        }
        // The token list shows when each token was last used; to the minute is enough, and
        // saves a write on every request of a busy client.
        if holder.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await app.serializedWrite {
                try await AccountStore(db: app.sql).touchToken(id: holder.tokenID, at: now)
            }
            cache?.touched(hash: hash, at: now)
        }
        if let scopes = holder.scopes { request.storage[TokenScopesKey.self] = scopes }
        request.storage[TokenIDKey.self] = holder.tokenID
        request.auth.login(holder.user)
    }
}

/// Pages: the session cookie names the user; the account is read again on each request
/// so that a disabled account is shut out at once. A session idle for longer than
/// `SignInRules.sessionIdleSeconds` no longer signs anyone in.
struct SessionUserAuthenticator: AsyncMiddleware {
    static let sessionKey = "userID"
    /// Seconds since 1970 of the session's last request.
    static let lastSeenKey = "lastSeen"
    /// The account's `session_epoch` when the session was started.
    static let epochKey = "epoch"

    /// Marks a request whose session has just timed out, so that the sign-in page can say so.
    struct IdleExpiredKey: StorageKey { typealias Value = Bool }

    /// Binds a fresh session to the user who has just signed in.
    static func start(_ session: Session, userID: UUID, epoch: Int, now: Int64) {
        session.data = SessionData()
        session.data[sessionKey] = userID.uuidString
        session.data[lastSeenKey] = String(now)
        session.data[epochKey] = String(epoch)
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let text = request.session.data[Self.sessionKey], let id = UUID(uuidString: text) {
            let now = request.application.accountsClock.seconds
            let lastSeen = request.session.data[Self.lastSeenKey].flatMap { Int64($0) }
            if lastSeen.map({ SignInRules.sessionExpired(lastSeen: $0, now: now) }) ?? true {
                // Forget the user but keep the CSRF token: a form posted after the timeout
                // then leads to the sign-in page, not to a CSRF error.
                request.session.data[Self.sessionKey] = nil
                request.session.data[Self.lastSeenKey] = nil
                request.storage[IdleExpiredKey.self] = true
            } else if let row = try await AccountStore(db: request.sql).userRow(id: id), !row.disabled,
                // A session of before the password changed (or the account was disabled) is over.
                row.session_epoch == Int(request.session.data[Self.epochKey] ?? "0"), let user = row.current
            {
                request.session.data[Self.lastSeenKey] = String(now)
                request.auth.login(user)
            }
        }
        return try await next.respond(to: request)
    }
}

/// API routes without a valid token answer 401 JSON. A token of an account whose password
/// is a first or reset one may only change that password (403 elsewhere), as the pages do.
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(CurrentUser.self) else {
            throw AppError(.unauthorized, "需要登录：请在 Authorization 头中提供 Bearer 令牌")
        }
        if user.mustChangePassword, request.url.path != Route.API.password.path {
            throw AppError(.forbidden, "请先修改初始密码：POST \(Route.API.password.path)", field: "password")
        }
        return try await next.respond(to: request)
    }
}

/// Pages without a signed-in user go to the sign-in page and come back afterwards. A user
/// who must change the password (a first or reset one) sees nothing else until it is done.
struct RequirePageUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let back = request.url.path.hasPrefix("/") && !request.url.path.hasPrefix("//") ? request.url.path : "/"
        let backQuery = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        guard let user = request.auth.get(CurrentUser.self) else {
            let expired = request.storage[SessionUserAuthenticator.IdleExpiredKey.self] == true ? "&expired=1" : ""
            return request.redirect(to: Route.login.path + "?next=" + backQuery + expired)
        }
        if user.mustChangePassword, request.url.path != Route.accountPassword.path {
            return request.redirect(to: Route.accountPassword.path + "?next=" + backQuery)
        }
        return try await next.respond(to: request)
    }
}
