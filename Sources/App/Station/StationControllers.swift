import Foundation
import MinzhengCore
import Vapor

/// The station's API (`handleFamilySearch`, within one's county or the city):
/// `GET|POST /api/v1/station-cases` (`?filter=inStay|closed|overdue&page=`; an intake as
/// `StationIntake`), `GET …/{id}`, `POST …/{id}/entries` `{kind: bed|meal|medical, on?, text}`,
/// `POST …/{id}/checks` `{check, note?}`, `POST …/{id}/photos` (multipart `file`, `face=1`
/// for the notice's photo), `POST …/{id}/photos/{photo}/face`, `POST …/{id}/notice` (201, the
/// notice), `POST …/{id}/outcome` `{action, version, on?, escort?, destination?, relative?,
/// institution?, note?}`.
struct StationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.stationCases.pattern) { req async throws -> Page<StationCaseSummary> in
            try await req.station().list(
                filter: try StationPageController.filter(req),
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.post(Route.API.stationCases.pattern) { req async throws -> Response in
            try await req.station().intake(try req.content.decode(StationIntake.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.stationCase.pattern) { req async throws -> StationCaseView in
            try await req.station().view(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.stationCaseEntries.pattern) { req async throws -> StationCaseView in
            try await req.station().addEntry(
                req.parameters.get("id", as: UUID.self), try req.content.decode(StationService.EntryInput.self))
        }
        routes.post(Route.API.stationCaseChecks.pattern) { req async throws -> StationCaseView in
            try await req.station().tick(
                req.parameters.get("id", as: UUID.self), try req.content.decode(StationService.CheckInput.self))
        }
        routes.on(.POST, Route.API.stationCasePhotos.pattern, body: .collect(maxSize: "11mb")) {
            req async throws -> Response in
            let service = try req.station()
            let id = req.parameters.get("id", as: UUID.self)
            _ = try await service.view(id)
            let upload = try req.content.decode(StationPageController.Upload.self)
            return try await service.addPhoto(
                id, fileName: upload.file.filename, bytes: Data(buffer: upload.file.data), face: upload.isFace
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.stationCaseFace.pattern) { req async throws -> StationCaseView in
            try await req.station().markFace(
                req.parameters.get("id", as: UUID.self), photo: req.parameters.get("photo", as: UUID.self))
        }
        routes.post(Route.API.stationCaseNotice.pattern) { req async throws -> Response in
            try await req.station().publishNotice(req.parameters.get("id", as: UUID.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.stationCaseOutcome.pattern) { req async throws -> StationCaseView in
            try await req.station().outcome(
                req.parameters.get("id", as: UUID.self), try req.content.decode(StationService.OutcomeInput.self))
        }
    }
}

/// The station's pages, phone-sized: `/station-cases` (the list with its filters),
/// `/station-cases/new` (the intake form), `/station-cases/{id}` (the case: the stay's entries,
/// the checklist with what is missing, the photos, the notice, the outcome form), and the
/// forms posting to the case. Plus, for anyone, a published notice's face photo.
struct StationPageController: RouteCollection {
    typealias Choice = StationCaseView.Choice

    struct Upload: Content {
        var file: File
        var face: String?
        var isFace: Bool { face == "1" || face == "true" || face == "on" }
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let cases: [StationCaseSummary]
        let total: Int
        let pager: Pager?
        let filters: [Choice]
        let filter: String?
        let hours: Int
    }

    struct NewPage: Encodable {
        let layout: LayoutContext
        let form: [String: String]
        let foundBys: [Choice]
        let counties: [Choice]
        let error: String?
        let errorField: String?
    }

    struct CasePage: Encodable {
        let layout: LayoutContext
        let c: StationCaseView
        let entryKinds: [Choice]
        let openChecks: [Choice]
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    /// The intake form as typed (every field text, kept to show again): the numbers read, the
    /// rest as `StationIntake` takes them.
    static func intake(_ form: [String: String]) throws -> StationIntake {
        var json: [String: Any] = [:]
        let numbers = ["estimatedAge": "估计年龄", "heightCm": "身高"]
        for (key, value) in form where key != "_csrf" && !value.isEmpty {
            guard let label = numbers[key] else {
                json[key] = value
                continue
            }
            guard let n = Int(value.trimmingCharacters(in: .whitespaces)) else {
                throw Refusal.invalid(key, "\(label)应为整数")
            }
            json[key] = n
        }
        return try JSONDecoder().decode(StationIntake.self, from: JSONSerialization.data(withJSONObject: json))
    }

    /// The outcome form as typed: the version as text.
    struct OutcomeForm: Content {
        var action: String?
        var version: String?
        var on: String?
        var escort: String?
        var destination: String?
        var relative: String?
        var institution: String?
        var note: String?

        var input: StationService.OutcomeInput {
            .init(
                action: action, version: version.flatMap { Int($0) }, on: on, escort: escort, destination: destination,
                relative: relative, institution: institution, note: note)
        }
    }

    static func filter(_ req: Request) throws -> StationStore.Filter? {
        guard let text = req.query[String.self, at: "filter"], !text.isEmpty else { return nil }
        guard let f = StationStore.Filter(rawValue: text) else {
            throw Refusal.invalid("filter", "筛选应为 inStay、closed 或 overdue")
        }
        return f
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.stationCases.pattern, use: list)
        routes.get(Route.stationCaseNew.pattern) { req async throws -> View in
            try await Self.renderNew(req, form: [:], error: nil)
        }
        routes.post(Route.stationCaseNew.pattern) { req async throws -> Response in
            let form = try req.content.decode([String: String].self)
            do {
                let made = try await req.station().intake(try Self.intake(form))
                return req.redirect(to: Route.stationCase.path(made.summary.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound && error.kind != .forbidden {
                return try await Self.renderNew(req, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.stationCase.pattern) { req async throws -> View in try await Self.renderCase(req, error: nil) }
        routes.post(Route.stationCaseEntries.pattern) { req async throws -> Response in
            try await Self.act(req) {
                try await $0.addEntry($1, try req.content.decode(StationService.EntryInput.self))
            }
        }
        routes.post(Route.stationCaseChecks.pattern) { req async throws -> Response in
            try await Self.act(req) { try await $0.tick($1, try req.content.decode(StationService.CheckInput.self)) }
        }
        routes.on(.POST, Route.stationCasePhotos.pattern, body: .collect(maxSize: "11mb")) {
            req async throws -> Response in
            try await Self.act(req) { service, id in
                guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
                    throw Refusal.invalid("file", "请选择照片")
                }
                return try await service.addPhoto(
                    id, fileName: upload.file.filename, bytes: Data(buffer: upload.file.data), face: upload.isFace)
            }
        }
        routes.post(Route.stationCaseFace.pattern) { req async throws -> Response in
            try await Self.act(req) { try await $0.markFace($1, photo: req.parameters.get("photo", as: UUID.self)) }
        }
        routes.post(Route.stationCaseNotice.pattern) { req async throws -> Response in
            try await Self.act(req) { service, id in
                _ = try await service.publishNotice(id)
                return try await service.view(id)
            }
        }
        routes.post(Route.stationCaseOutcome.pattern) { req async throws -> Response in
            try await Self.act(req) { try await $0.outcome($1, try req.content.decode(OutcomeForm.self).input) }
        }
        routes.get(Route.stationCasePhoto.pattern) { req async throws -> Response in
            let (p, data) = try await req.station().photo(
                req.parameters.get("id", as: UUID.self), photo: req.parameters.get("photo", as: UUID.self))
            return FileDownload.inline(data, type: p.contentType)
        }
    }

    /// `GET /family-search/notices/{id}/photo`, for anyone: the face photo of a published notice.
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.familySearchNoticePhoto.pattern) { req async throws -> Response in
            let (p, data) = try await StationService.publicPhoto(
                db: req.sql, folder: Request.stationFolder(req.platform.config), cipher: req.platform.cipher,
                notice: req.parameters.get("id", as: UUID.self))
            return FileDownload.inline(data, type: p.contentType, cache: "no-cache")
        }
    }

    /// A form on the case's page: done, back to the case; refused, the case again with the refusal.
    static func act(
        _ req: Request, _ body: (StationService, UUID?) async throws -> StationCaseView
    ) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        do {
            let c = try await body(try req.station(), id)
            return req.redirect(to: Route.stationCase.path(c.summary.id) + "?done=1")
        } catch let error as Refusal where error.kind != .notFound && error.kind != .forbidden {
            return try await renderCase(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func list(req: Request) async throws -> View {
        let service = try req.station()
        let filter = try Self.filter(req)
        let page = try await service.list(
            filter: filter, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 30))
        return try await req.view.render(
            "station/cases",
            ListPage(
                layout: LayoutContext(request: req, title: "救助管理", user: service.user), cases: page.items,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.stationCases.path, filters: ["filter": filter?.rawValue], result: page)
                    : nil,
                filters: StationStore.Filter.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                filter: filter?.rawValue, hours: try await service.parameters().noticeDeadlineHours))
    }

    static func renderNew(_ req: Request, form: [String: String], error: Refusal?) async throws -> View {
        let service = try req.station()
        try service.user.require(.handleFamilySearch)
        let regions = req.platform.regions
        let counties =
            service.user.region.level == .district
            ? [service.user.region] : regions.children(of: service.user.region)
        return try await req.view.render(
            "station/new",
            NewPage(
                layout: LayoutContext(request: req, title: "受助人员入站登记", user: service.user), form: form,
                foundBys: StationFoundBy.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                counties: counties.map { Choice(code: $0.value, name: regions.fullName(of: $0)) },
                error: error?.message, errorField: error?.field))
    }

    static func renderCase(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.station()
        let c = try await service.view(req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "station/case",
            CasePage(
                layout: LayoutContext(request: req, title: "救助个案", user: service.user), c: c,
                entryKinds: StationStayEntryKind.allCases.map { Choice(code: $0.rawValue, name: $0.chinese) },
                openChecks: c.checklist.filter { !$0.done }.map { Choice(code: $0.code, name: $0.name) },
                today: req.today.description, done: req.query[String.self, at: "done"] != nil, error: error?.message,
                errorField: error?.field))
    }
}

enum StationRoutes {
    static func register(api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: StationAPIController())
        try signedIn.register(collection: StationPageController())
        StationPageController.registerOpen(on: pages)
    }
}
