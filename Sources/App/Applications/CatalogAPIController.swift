import MinzhengCore
import Vapor

/// `GET /api/v1/catalog`: the 32 assistance items as currently configured (department,
/// subject, approving level, documents), `{"items": […]}` in the catalogue's own JSON form,
/// for any signed-in client: residents' apps and partner departments read what may be
/// applied for and what to upload.
struct CatalogAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.catalog.pattern, use: list)
    }

    func list(req: Request) async throws -> Response {
        _ = try req.user
        let catalog = try await CatalogStore(db: req.sql).catalog()
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: catalog.encodedJSON()))
    }
}
