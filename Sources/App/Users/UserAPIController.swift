import MinzhengCore
import Vapor

/// `/api/v1/users`: accounts within the caller's region, for roles that may manage users.
/// An account outside the region answers 404, like any record there.
struct UserAPIController: RouteCollection {
    struct ListQuery: Content {
        let role: String?
        let username: String?
        let sort: String?
        let page: Int?
        let perPage: Int?
        /// The row a page starts after or before (the `next`/`previous` of the page beside it).
        let after: String?
        let before: String?
    }

    struct PasswordAnswer: Content {
        /// The one-time password, shown this once; the user must change it at sign-in.
        let password: String
        let mustChangePassword: Bool
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.users.pattern, use: list)
        routes.post(Route.API.users.pattern, use: create)
        routes.get(Route.API.user.pattern, use: show)
        routes.post(Route.API.userDisable.pattern, use: disable)
        routes.post(Route.API.userEnable.pattern, use: enable)
        routes.post(Route.API.userResetPassword.pattern, use: resetPassword)
        routes.get(Route.API.userTokens.pattern, use: tokens)
        routes.delete(Route.API.userToken.pattern, use: revokeToken)
    }

    func list(req: Request) async throws -> Page<UserSummary> {
        let admin = try req.userAdmin()
        let q = try req.query.decode(ListQuery.self)
        let role = try q.role.flatMap { $0.isEmpty ? nil : $0 }.map { try UserAdmin.role($0) }
        return try await admin.list(
            .init(role: role, username: q.username, sort: UserSort.parse(q.sort)),
            page: try PageRequest(page: q.page, perPage: q.perPage, after: q.after, before: q.before))
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.userAdmin()
        let user = try await admin.create(try req.content.decode(UserAdmin.NewUser.self))
        return try await user.encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> UserSummary {
        try await req.userAdmin().find(req.parameters.get("id", as: UUID.self))
    }

    func disable(req: Request) async throws -> UserSummary {
        try await req.userAdmin().setDisabled(req.parameters.get("id", as: UUID.self), true)
    }

    func enable(req: Request) async throws -> UserSummary {
        try await req.userAdmin().setDisabled(req.parameters.get("id", as: UUID.self), false)
    }

    func resetPassword(req: Request) async throws -> Response {
        let (_, password) = try await req.userAdmin().resetPassword(req.parameters.get("id", as: UUID.self))
        let response = try await PasswordAnswer(password: password, mustChangePassword: true).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func tokens(req: Request) async throws -> Page<TokenSummary> {
        let q = try req.query.decode(ListQuery.self)
        return try await req.userAdmin().tokens(
            req.parameters.get("id", as: UUID.self), page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    func revokeToken(req: Request) async throws -> HTTPStatus {
        try await req.userAdmin().revokeToken(
            req.parameters.get("tokenID", as: UUID.self), of: req.parameters.get("id", as: UUID.self))
        return .noContent
    }
}
