import MinzhengCore
import Vapor

/// `POST /api/v1/sessions` `{"username","password","scopes"?}` → `{"token"}`; 401 for a wrong name or
/// password, 429 with `Retry-After` while the account or the client address waits. `scopes`
/// (`APIScope` codes) limits the token to those operations.
struct SessionAPIController: RouteCollection {
    struct Credentials: Content {
        let username: String
        let password: String
        var scopes: [String]?
    }

    struct TokenAnswer: Content {
        let token: String
        let expiresInSeconds: Int
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.API.sessions.pattern, use: signIn)
    }

    func signIn(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        let scopes = try APIScope.requested(credentials.scopes)
        // Residents sign in with their ID number, which names their account.
        let account = try await ResidentAccounts.username(
            forLogin: credentials.username.trimmedWhitespace, cipher: req.platform.cipher, today: req.today, db: req.sql
        )
        let row = try await SignIn(req: req).attempt(username: account, password: credentials.password)
        // A credential is a write like any other: audited, with tokens long expired cleared
        // in the same transaction so that the table does not grow for ever.
        let signingIn = AuditActor(id: row.id.uuidString, name: row.username, requestID: req.requestID)
        let token = try await req.application.auditedTransaction(actor: signingIn) { tx, audit in
            let store = AccountStore(db: tx)
            let purged = try await store.purgeTokens(
                expiredBefore: Date().addingTimeInterval(-AccountStore.expiredTokenRetention))
            let token = try await store.issueToken(userID: row.id, name: "api", scopes: scopes)
            var issued = ["name": "api", "via": "POST /api/v1/sessions", "expiredTokensCleared": String(purged)]
            if let scopes = APIScope.stored(scopes) { issued["scopes"] = scopes }
            try await audit.record(
                "token.issue", entity: "user", id: row.id.uuidString, region: row.region, after: issued)
            return token
        }
        return try await TokenAnswer(token: token, expiresInSeconds: Int(AccountStore.tokenLifetime)).encodeResponse(
            status: .created, for: req)
    }
}
