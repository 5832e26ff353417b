import MinzhengCore
import Vapor

/// `POST /api/v1/sessions` `{"username","password"}` → `{"token"}`; 401 for a wrong name or
/// password, 429 with `Retry-After` while the account or the client address waits.
struct SessionAPIController: RouteCollection {
    struct Credentials: Content {
        let username: String
        let password: String
    }

    struct TokenAnswer: Content {
        let token: String
        let expiresInSeconds: Int
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post("sessions", use: signIn)
    }

    func signIn(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        // Residents sign in with their ID number, which names their account.
        let account = ResidentAccounts.username(forLogin: credentials.username.trimmedWhitespace, cipher: req.platform.cipher, today: Clock.today())
        let row = try await SignIn(req: req).attempt(username: account, password: credentials.password)
        let token = try await AccountStore(db: req.sql).issueToken(userID: row.id, name: "api")
        return try await TokenAnswer(token: token, expiresInSeconds: Int(AccountStore.tokenLifetime)).encodeResponse(status: .created, for: req)
    }
}
