import Vapor

/// `GET /api/v1/tokens` (the caller's own tokens, never the token itself) and
/// `DELETE /api/v1/tokens/{id}` (revoke one of them; a revoked token answers 401 at once).
struct TokenAPIController: RouteCollection {
    struct ListQuery: Content {
        let page: Int?
        let perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.tokens.pattern, use: list)
        routes.delete(Route.API.token.pattern, use: revoke)
    }

    func list(req: Request) async throws -> Page<TokenSummary> {
        let user = try req.user
        let q = try req.query.decode(ListQuery.self)
        return try await AccountStore(db: req.sql).tokens(
            userID: user.id, page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        let user = try req.user
        try await req.tokenRevocation.revoke(
            req.parameters.get("id", as: UUID.self), ownerID: user.id, ownerRegion: user.region.value)
        return .noContent
    }
}
