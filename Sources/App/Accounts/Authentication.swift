import MinzhengCore
import Vapor

/// API clients: `Authorization: Bearer <token>`.
struct BearerUserAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await AccountStore(db: request.sql).user(forToken: bearer.token) {
            request.auth.login(user)
        }
    }
}

/// Pages: the session cookie names the user; the account is read again on each request
/// so that a disabled account is shut out at once.
struct SessionUserAuthenticator: AsyncMiddleware {
    static let sessionKey = "userID"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let text = request.session.data[Self.sessionKey], let id = UUID(uuidString: text),
           let row = try await AccountStore(db: request.sql).userRow(id: id), !row.disabled, let user = row.current {
            request.auth.login(user)
        }
        return try await next.respond(to: request)
    }
}

/// API routes without a valid token answer 401 JSON.
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            throw AppError(.unauthorized, "需要登录：请在 Authorization 头中提供 Bearer 令牌")
        }
        return try await next.respond(to: request)
    }
}

/// Pages without a signed-in user go to the sign-in page and come back afterwards.
struct RequirePageUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            let back = request.url.path.hasPrefix("/") && !request.url.path.hasPrefix("//") ? request.url.path : "/"
            return request.redirect(to: "/login?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        return try await next.respond(to: request)
    }
}
