import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// The county's signs (地名标志维护清单) for the place-name office: `GET /api/v1/place-name-signs`
/// (`?condition=repair|all|good|faded|damaged|missing|wrong&page=&perPage=`, repair by default),
/// the page `/place-name-signs` with the same filter, and `/place-name-signs.xlsx`.
struct PlaceNameSignListAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.placeNameSignList.pattern) { req async throws -> Page<PlaceNameSignListing> in
            let q = try req.query.decode(PlaceNameSignListQuery.self)
            return try await req.placeNames().signList(
                try PlaceNameSignFilter(q.condition), page: try PageRequest(page: q.page, perPage: q.perPage))
        }
    }
}

struct PlaceNameSignListQuery: Content {
    var condition: String?
    var page: Int?
    var perPage: Int?
}

struct PlaceNameSignListPageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let signs: [Row]
        let total: Int
        let pager: Pager?
        let conditions: [PlaceNamePageController.Choice]
        let condition: String
    }

    struct Row: Encodable {
        let listing: PlaceNameSignListing
        let regionName: String
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.placeNameSignList.pattern) { req async throws -> View in
            let service = try req.placeNames()
            let q = try req.query.decode(PlaceNameSignListQuery.self)
            let filter = try PlaceNameSignFilter(q.condition)
            let page = try await service.signList(filter, page: try PageRequest(page: q.page, perPage: 50))
            let regions = service.regions
            return try await req.view.render(
                "placenames/signs",
                ListPage(
                    layout: LayoutContext(request: req, title: "地名标志维护清单", user: service.user),
                    signs: page.items.map {
                        Row(
                            listing: $0,
                            regionName: regions.nameInCity($0.region))
                    }, total: page.total,
                    pager: page.total > page.perPage
                        ? Pager.make(
                            path: Route.placeNameSignList.path, filters: ["condition": filter.code], result: page)
                        : nil,
                    conditions: [.init(code: "repair", name: "需维护（全部）"), .init(code: "all", name: "全部标志")]
                        + PlaceNameSignCondition.allCases.map { .init(code: $0.rawValue, name: $0.chinese) },
                    condition: filter.code))
        }
        routes.get(Route.placeNameSignListExport.pattern) { req async throws -> Response in
            let filter = try PlaceNameSignFilter(try req.query.decode(PlaceNameSignListQuery.self).condition)
            let file = try await req.placeNames().signListFile(filter)
            return try await FileDownload.send(
                req, path: file.path, name: "place-name-signs-\(filter.code).xlsx", type: XLSXWriter.mediaType)
        }
    }
}
