import Vapor

/// `POST /api/v1/account/password` `{"currentPassword","newPassword"}` → `{"token"}`: the
/// API's way to replace a first or reset password (until then a token may do nothing else,
/// `RequireAPIUser`). Every token of the account is revoked with the old password, the one
/// used here included; the answer carries its replacement.
struct PasswordAPIController: RouteCollection {
    struct Body: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.API.password.pattern, use: change)
    }

    func change(req: Request) async throws -> Response {
        let user = try req.user
        let body = try req.content.decode(Body.self)
        _ = try await req.passwordChange.change(
            user,
            form: .init(
                currentPassword: body.currentPassword, newPassword: body.newPassword,
                confirmPassword: body.newPassword))
        let token = try await req.auditedTransaction { tx, audit in
            let token = try await AccountStore(db: tx).issueToken(userID: user.id, name: "api")
            try await audit.record(
                "token.issue", entity: "user", id: user.id.uuidString, region: user.region.value,
                after: ["name": "api", "via": "POST \(Route.API.password.path)"])
            return token
        }
        return try await SessionAPIController.TokenAnswer(
            token: token, expiresInSeconds: Int(AccountStore.tokenLifetime)
        )
        .encodeResponse(status: .ok, for: req)
    }
}
