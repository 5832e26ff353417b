import Foundation
import MinzhengCore
import Vapor

/// Home adaptations through the API (`/api/v1/adaptations`): the year's cases of one's
/// region, screening, a case and its steps, and the progress by district.
struct AdaptationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.adaptations.pattern, use: list)
        routes.post(Route.API.adaptationScreening.pattern, use: screen)
        routes.get(Route.API.adaptationProgress.pattern, use: progress)
        routes.get(Route.API.adaptation.pattern, use: show)
        routes.post(Route.API.adaptationStep.pattern, use: step)
        routes.on(.POST, Route.API.adaptationPhotos.pattern, body: .collect(maxSize: "11mb"), use: photo)
    }

    static func staff(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.handleHomeCare)
        return user
    }

    func list(req: Request) async throws -> Page<AdaptationCase> {
        let user = try Self.staff(req)
        let query = try req.query.decode(AdaptationQuery.self)
        return try await AdaptationStore(db: req.sql).cases(
            within: user.scope, matching: try query.filter(today: req.today),
            page: try PageRequest(page: query.page, perPage: query.perPage))
    }

    struct Screening: Content { var year: Int? }
    struct Screened: Content { let added: Int }

    func screen(req: Request) async throws -> Screened {
        let user = try Self.staff(req)
        let year = try AdaptationQuery.year(try req.content.decode(Screening.self).year, today: req.today)
        return Screened(added: try await req.adaptations.screen(year: year, by: user))
    }

    func progress(req: Request) async throws -> AdaptationService.Progress {
        let user = try Self.staff(req)
        let year = try AdaptationQuery.year(req.query[Int.self, at: "year"], today: req.today)
        return try await req.adaptations.progress(year: year, by: user, regions: req.platform.regions)
    }

    func show(req: Request) async throws -> AdaptationCase {
        try await req.adaptations.adaptationCase(
            try req.parameters.require("id", as: UUID.self), for: try Self.staff(req))
    }

    /// `POST …/adaptations/:id/photos`, multipart with `file`: a completion photo (201, the case).
    func photo(req: Request) async throws -> Response {
        struct Upload: Content { var file: File }
        let user = try Self.staff(req)
        let id = try req.parameters.require("id", as: UUID.self)
        _ = try await req.adaptations.adaptationCase(id, for: user)
        let body = try req.content.decode(Upload.self)
        return try await req.adaptations.addPhoto(
            to: id, fileName: body.file.filename, bytes: Data(buffer: body.file.data), by: user
        ).encodeResponse(status: .created, for: req)
    }

    /// `POST …/adaptations/:id/:action`, `action` one of assess, plan, contract, complete,
    /// accept, pay (district or city), close.
    func step(req: Request) async throws -> AdaptationCase {
        let user = try Self.staff(req)
        guard let action = AdaptationState.Action(rawValue: req.parameters.get("action") ?? "") else {
            throw Refusal.notFound("操作")
        }
        return try await req.adaptations.act(
            action, on: try req.parameters.require("id", as: UUID.self),
            try req.content.decode(AdaptationService.Step.self), by: user)
    }
}

/// The case list's filters.
struct AdaptationQuery: Content {
    var year: Int?
    var state: String?
    var priority: Int?
    var page: Int?
    var perPage: Int?

    func filter(today: CivilDate) throws -> AdaptationStore.Filter {
        var filter = AdaptationStore.Filter(year: try Self.year(year, today: today))
        if let state, !state.isEmpty {
            guard let value = AdaptationState(rawValue: state) else { throw Refusal.invalid("state", "改造状态无效") }
            filter.state = value
        }
        if let priority {
            guard let value = AdaptationPriority(rawValue: priority) else {
                throw Refusal.invalid("priority", "优先级应为 1–4")
            }
            filter.priority = value
        }
        return filter
    }

    /// The programme year: this year unless told, and never one far from it.
    static func year(_ year: Int?, today: CivilDate) throws -> Int {
        let year = year ?? today.year
        guard (2020...today.year + 1).contains(year) else {
            throw Refusal.invalid("year", "年度应在 2020–\(today.year + 1)")
        }
        return year
    }

    var links: [String: String?] {
        ["year": year.map(String.init), "state": state, "priority": priority.map(String.init)]
    }
}
