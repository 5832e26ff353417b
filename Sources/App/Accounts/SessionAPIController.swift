import MinzhengCore
import Vapor

/// `POST /api/v1/sessions` `{"username","password"}` → `{"token"}`.
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
        let store = AccountStore(db: req.sql)
        guard let row = try await store.verify(username: credentials.username, password: credentials.password, on: req),
              row.current != nil else {
            throw AppError(.unauthorized, "用户名或密码错误")
        }
        let token = try await store.issueToken(userID: row.id, name: "api")
        return try await TokenAnswer(token: token, expiresInSeconds: Int(AccountStore.tokenLifetime)).encodeResponse(status: .created, for: req)
    }
}
