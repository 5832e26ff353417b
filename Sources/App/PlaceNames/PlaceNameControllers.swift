import Foundation
import MinzhengCore
import Vapor

/// The filters of the register's list, from the query of a page or the API.
struct PlaceNameListQuery: Content {
    var category: String?
    var status: String?
    var q: String?
    var red: String?
    var page: Int?
    var perPage: Int?

    func filter() throws -> PlaceNameStore.Filter {
        var f = PlaceNameStore.Filter()
        if let c = category, !c.isEmpty {
            guard let category = PlaceNameCategory(rawValue: c) else {
                throw Refusal.invalid("category", "未知的地名类别 \(c)")
            }
            f.category = category
        }
        if let s = status, !s.isEmpty {
            guard let status = PlaceNameStatus(rawValue: s) else { throw Refusal.invalid("status", "未知的状态 \(s)") }
            f.status = status
        }
        f.nameContains = q.map(\.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        f.redOnly = red == "1" || red == "true" || red == "on"
        return f
    }

    var filters: [String: String?] { ["category": category, "status": status, "q": q, "red": red] }
}

/// `GET|POST /api/v1/place-names` (`?category=&status=&q=&red=1`; a proposal as
/// `PlaceNameService.Draft`), `GET /api/v1/place-names/{id}`,
/// `POST /api/v1/place-names/{id}/steps` (`{action: publicise|approve|reject|announce|retire,
/// version, publicityEnds?, approvingBody?, note?}`), `GET|POST /api/v1/place-names/{id}/signs`
/// (`{kind, location, installedOn}`), `POST /api/v1/place-name-signs/{id}/inspections`
/// (`{condition, inspectedOn?, note?}`).
struct PlaceNameAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.placeNames.pattern) { req async throws -> Page<PlaceNameRecord> in
            let q = try req.query.decode(PlaceNameListQuery.self)
            return try await req.placeNames().list(
                try q.filter(), page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.placeNames.pattern) { req async throws -> Response in
            let record = try await req.placeNames().propose(try req.content.decode(PlaceNameService.Draft.self))
            return try await record.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.placeName.pattern) { req async throws -> PlaceNameRecord in
            try await req.placeNames().record(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.placeNameSteps.pattern) { req async throws -> PlaceNameRecord in
            try await req.placeNames().take(
                req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Step.self))
        }
        routes.get(Route.API.placeNameSigns.pattern) { req async throws -> [PlaceNameSignRecord] in
            try await req.placeNames().signs(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.placeNameSigns.pattern) { req async throws -> Response in
            let sign = try await req.placeNames().addSign(
                req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.NewSign.self))
            return try await sign.encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.placeNameSignInspections.pattern) { req async throws -> PlaceNameSignRecord in
            try await req.placeNames().inspect(
                req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Inspection.self))
        }
    }
}

/// 地名管理 (`/place-names`): the register of one's county with its filters and the form of a
/// new name; `/place-names/{id}`: one name with the next step of its workflow and the renaming form.
struct PlaceNamePageController: RouteCollection {
    struct Choice: Encodable {
        let code: String
        let name: String
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let names: [PlaceNameRecord]
        let total: Int
        let pager: Pager?
        let categories: [Choice]
        let statuses: [Choice]
        let query: PlaceNameListQuery
        let region: String
        let error: String?
        let errorField: String?
    }

    struct RecordPage: Encodable {
        let layout: LayoutContext
        let n: PlaceNameRecord
        let regionName: String
        let steps: [Choice]
        let signs: [PlaceNameSignRecord]
        let signKinds: [Choice]
        let conditions: [Choice]
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    /// The form's fields: the red flag as a checkbox, coordinates as text.
    struct DraftForm: Content {
        var name: String?
        var category: String?
        var region: String?
        var pinyin: String?
        var meaning: String?
        var history: String?
        var latitude: String?
        var longitude: String?
        var red: String?
        var redStory: String?
        var basis: String?
        var replaces: UUID?

        func draft() throws -> PlaceNameService.Draft {
            func coordinate(_ text: String?, _ field: String) throws -> Double? {
                guard let t = text?.trimmedWhitespace, !t.isEmpty else { return nil }
                guard let value = Double(t) else { throw Refusal.invalid(field, "应为数字（度）") }
                return value
            }
            return PlaceNameService.Draft(
                name: name, category: category, region: region, pinyin: pinyin, meaning: meaning, history: history,
                latitude: try coordinate(latitude, "latitude"), longitude: try coordinate(longitude, "longitude"),
                red: red == "on", redStory: redStory, basis: basis, replaces: replaces)
        }
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.placeNames.pattern) { req async throws -> View in try await Self.renderList(req, error: nil) }
        routes.post(Route.placeNames.pattern) { req async throws -> Response in
            do {
                let record = try await req.placeNames().propose(try req.content.decode(DraftForm.self).draft())
                return req.redirect(to: Route.placeName.path(record.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderList(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.placeName.pattern) { req async throws -> View in try await Self.renderRecord(req, error: nil) }
        routes.post(Route.placeNameSteps.pattern) { req async throws -> Response in
            do {
                let record = try await req.placeNames().take(
                    req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Step.self))
                return req.redirect(to: Route.placeName.path(record.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderRecord(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.placeNameSigns.pattern) { req async throws -> Response in
            let id = req.parameters.get("id", as: UUID.self)
            do {
                _ = try await req.placeNames().addSign(id, try req.content.decode(PlaceNameService.NewSign.self))
                return req.redirect(to: Route.placeName.path(id ?? UUID()) + "?done=1#signs")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderRecord(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.placeNameSignInspections.pattern) { req async throws -> Response in
            let sign = try await req.placeNames().inspect(
                req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Inspection.self))
            return req.redirect(to: Route.placeName.path(sign.placeNameId) + "?done=1#signs")
        }
    }

    static func renderList(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.placeNames()
        let q = try req.query.decode(PlaceNameListQuery.self)
        let page = try await service.list(try q.filter(), page: try PageRequest(page: q.page, perPage: 50))
        return try await req.view.render(
            "placenames/list",
            ListPage(
                layout: LayoutContext(request: req, title: "地名管理", user: service.user), names: page.items,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.placeNames.path, filters: q.filters, result: page) : nil,
                categories: PlaceNameCategory.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                statuses: PlaceNameStatus.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) }, query: q,
                region: service.user.region.value, error: error?.message, errorField: error?.field))
    }

    static func renderRecord(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.placeNames()
        let record = try await service.record(req.parameters.get("id", as: UUID.self))
        let steps = PlaceNameStep.available(from: PlaceNameStatus(rawValue: record.status) ?? .proposed)
        return try await req.view.render(
            "placenames/record",
            RecordPage(
                layout: LayoutContext(request: req, title: "地名 \(record.name)", user: service.user), n: record,
                regionName: RegionCode(record.region).map(service.regions.fullName) ?? record.region,
                steps: steps.map { Choice(code: $0.rawValue, name: $0.chinese) },
                signs: try await service.signs(record.id),
                signKinds: PlaceNameSignKind.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                conditions: PlaceNameSignCondition.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                today: req.today.description,
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }
}

enum PlaceNameRoutes {
    static func registerOpen(on routes: RoutesBuilder) {
        PlaceNameDirectoryAPI.registerOpen(on: routes)
    }

    static func register(api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: PlaceNameAPIController())
        try api.register(collection: PlaceNameSignListAPIController())
        try pages.register(collection: PlaceNameDirectoryPageController())
        try signedIn.register(collection: PlaceNamePageController())
        try signedIn.register(collection: PlaceNameSignListPageController())
        try api.register(collection: SeatMoveAPIController())
        try signedIn.register(collection: SeatMovePageController())
    }
}
