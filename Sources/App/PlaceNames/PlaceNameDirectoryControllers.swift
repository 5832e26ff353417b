import Foundation
import MinzhengCore
import Vapor

/// 地名查询, open to anyone: `GET /api/v1/place-name-directory` (`?q=&category=&county=&red=1&former=1
/// &page=&perPage=`; `q` is words of the name or letters of its pinyin), `GET
/// /api/v1/place-name-directory/{id}`, and the same as phone-sized pages.
enum PlaceNameDirectoryAPI {
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.API.placeNameDirectory.pattern) { req async throws -> Page<PlaceNameEntry> in
            try await req.placeNameDirectory.search(try req.query.decode(PlaceNameDirectory.Query.self))
        }
        routes.get(Route.API.placeNameDirectoryEntry.pattern) { req async throws -> PlaceNameEntry in
            try await req.placeNameDirectory.entry(req.parameters.get("id", as: UUID.self))
        }
    }
}

struct PlaceNameDirectoryPageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let names: [PlaceNameEntry]
        let total: Int
        let pager: Pager?
        let categories: [PlaceNamePageController.Choice]
        let counties: [PlaceNamePageController.Choice]
        let query: PlaceNameDirectory.Query
        let searched: Bool
        let error: String?
        let errorField: String?
    }

    struct EntryPage: Encodable {
        let layout: LayoutContext
        let n: PlaceNameEntry
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.placeNameDirectory.pattern, use: list)
        routes.get(Route.placeNameDirectoryEntry.pattern) { req async throws -> View in
            let entry = try await req.placeNameDirectory.entry(req.parameters.get("id", as: UUID.self))
            return try await req.view.render(
                "placenames/entry",
                EntryPage(
                    layout: LayoutContext(request: req, title: entry.name, user: req.auth.get(CurrentUser.self)),
                    n: entry))
        }
    }

    func list(req: Request) async throws -> Response {
        let query = try req.query.decode(PlaceNameDirectory.Query.self)
        let regions = req.platform.regions
        var (result, refusal): (Page<PlaceNameEntry>?, Refusal?) = (nil, nil)
        do { result = try await req.placeNameDirectory.search(query) } catch let error as Refusal { refusal = error }
        let page = ListPage(
            layout: LayoutContext(request: req, title: "地名查询", user: req.auth.get(CurrentUser.self)),
            names: result?.items ?? [], total: result?.total ?? 0,
            pager: result.flatMap {
                $0.total > $0.perPage
                    ? Pager.make(path: Route.placeNameDirectory.path, filters: query.links, result: $0) : nil
            },
            categories: PlaceNameCategory.allCases.map { .init(code: $0.rawValue, name: $0.chinese) },
            counties: regions.children(of: RegionTable.changzhou).filter { $0.level == .district }
                .map { .init(code: $0.value, name: regions.label(of: $0)) },
            query: query, searched: query.links.values.contains { ($0 ?? "").isEmpty == false },
            error: refusal?.message, errorField: refusal?.field)
        return try await req.view.render("placenames/directory", page).encodeResponse(
            status: refusal?.status ?? .ok, for: req)
    }
}
