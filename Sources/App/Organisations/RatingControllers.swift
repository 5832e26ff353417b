import Foundation
import MinzhengCore
import Vapor

/// `GET|POST /api/v1/ratings`, `GET /api/v1/ratings/{id}`, `POST …/{id}/reviewers`,
/// `POST …/{id}/scores`, `POST …/{id}/publicity`, `POST …/{id}/decision`,
/// `GET|POST /api/v1/rating-reviewers`, `GET|POST /api/v1/rating-reviewers/{id}/declarations`,
/// `POST /api/v1/organisations/{id}/penalties`.
struct RatingAPIController: RouteCollection {
    struct ApplyInput: Content {
        var organisationId: UUID?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.ratings.pattern) { req async throws -> Page<RatingApplicationRecord> in
            let status = try RatingPageController.status(req.query[String.self, at: "status"])
            return try await req.ratings().list(
                status: status,
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.post(Route.API.ratings.pattern) { req async throws -> Response in
            let input = try req.content.decode(ApplyInput.self)
            return try await req.ratings().apply(input.organisationId).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.rating.pattern) { req async throws -> RatingService.Detail in
            try await req.ratings().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.ratingReviewers.pattern) { req async throws -> RatingService.Detail in
            try await req.ratings().assign(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.AssignInput.self))
        }
        routes.post(Route.API.ratingScores.pattern) { req async throws -> RatingService.Detail in
            try await req.ratings().score(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.ScoreInput.self))
        }
        routes.post(Route.API.ratingPublicity.pattern) { req async throws -> RatingApplicationRecord in
            try await req.ratings().publicise(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.VersionInput.self))
        }
        routes.post(Route.API.ratingDecision.pattern) { req async throws -> RatingApplicationRecord in
            try await req.ratings().decide(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.VersionInput.self))
        }
        routes.get(Route.API.reviewerPool.pattern) { req async throws -> [RatingReviewerRecord] in
            try await req.ratings().reviewers()
        }
        routes.post(Route.API.reviewerPool.pattern) { req async throws -> Response in
            try await req.ratings().addReviewer(try req.content.decode(RatingService.ReviewerInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.reviewerDeclarations.pattern) { req async throws -> [RatingDeclarationRecord] in
            try await req.ratings().declarations(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.reviewerDeclarations.pattern) { req async throws -> Response in
            try await req.ratings().declare(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.DeclarationInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.organisationPenalties.pattern) { req async throws -> Response in
            try await req.ratings().penalise(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RatingService.PenaltyInput.self))
            return Response(status: .created)
        }
    }
}

/// The rating's pages (等级评估): the list (the clerk's region, the organisation's own, or the
/// reviewer's assignments), an application with its sheets and the step that is next, the
/// reviewer pool with declarations, and applying from an organisation's page or its own.
struct RatingPageController: RouteCollection {
    typealias Choice = OrganisationPageController.Choice

    struct ListPage: Encodable {
        let layout: LayoutContext
        let applications: [RatingApplicationRecord]
        let total: Int
        let status: String?
        let statuses: [Choice]
        let isClerk: Bool
        let pager: Pager?
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let detail: RatingService.Detail
        let isClerk: Bool
        let canScore: Bool
        let pool: [RatingReviewerRecord]
        let experts: [RatingAssignmentRecord]
        let sections: [Section]
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct Section: Encodable {
        let field: String
        let label: String
        let maximum: Int
        let value: Int?
    }

    struct PoolPage: Encodable {
        let layout: LayoutContext
        let reviewers: [Reviewer]
        let relations: [Choice]
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct Reviewer: Encodable {
        let reviewer: RatingReviewerRecord
        let declarations: [RatingDeclarationRecord]
    }

    static let statuses = RatingStatus.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let relations = ConflictRelation.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    static func status(_ text: String?) throws -> RatingStatus? {
        guard let text, !text.isEmpty else { return nil }
        guard let status = RatingStatus(rawValue: text) else {
            throw Refusal.invalid("status", "状态应为 " + RatingStatus.allCases.map(\.rawValue).joined(separator: "、"))
        }
        return status
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.ratings.pattern, use: Self.list)
        routes.get(Route.rating.pattern) { req async throws -> View in
            try await Self.renderShow(req, try req.ratings(), error: nil)
        }
        routes.post(Route.ratingReviewers.pattern) { req async throws -> Response in
            try await Self.act(req, done: "assigned") { service, id in
                _ = try await service.assign(id, try req.content.decode(RatingService.AssignInput.self))
            }
        }
        routes.post(Route.ratingScores.pattern) { req async throws -> Response in
            try await Self.act(req, done: "scored") { service, id in
                _ = try await service.score(id, try req.content.decode(RatingService.ScoreInput.self))
            }
        }
        routes.post(Route.ratingPublicity.pattern) { req async throws -> Response in
            try await Self.act(req, done: "publicised") { service, id in
                _ = try await service.publicise(id, try req.content.decode(RatingService.VersionInput.self))
            }
        }
        routes.post(Route.ratingDecision.pattern) { req async throws -> Response in
            try await Self.act(req, done: "decided") { service, id in
                _ = try await service.decide(id, try req.content.decode(RatingService.VersionInput.self))
            }
        }
        routes.get(Route.reviewerPool.pattern) { req async throws -> View in
            try await Self.renderPool(req, try req.ratings(), error: nil)
        }
        routes.post(Route.reviewerPool.pattern) { req async throws -> Response in
            try await Self.poolStep(req, done: "added") { service in
                _ = try await service.addReviewer(try req.content.decode(RatingService.ReviewerInput.self))
            }
        }
        routes.post(Route.reviewerDeclarations.pattern) { req async throws -> Response in
            try await Self.poolStep(req, done: "declared") { service in
                _ = try await service.declare(
                    req.parameters.get("id", as: UUID.self),
                    try req.content.decode(RatingService.DeclarationInput.self))
            }
        }
        // Applying: the clerk from the organisation's page, the organisation from its own page.
        routes.post(Route.organisationRating.pattern) { req async throws -> Response in
            let id = req.parameters.get("id", as: UUID.self)
            do {
                let created = try await req.ratings().apply(id)
                return req.redirect(to: Route.rating.path(created.id) + "?done=applied")
            } catch let error as Refusal where error.status == .conflict {
                return try await OrganisationPageController.renderDetail(req, try req.organisations(), error: error)
                    .encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.myOrganisationRating.pattern) { req async throws -> Response in
            do {
                let created = try await req.ratings().apply(nil)
                return req.redirect(to: Route.rating.path(created.id) + "?done=applied")
            } catch let error as Refusal where error.status == .conflict {
                return try await MyOrganisationPageController.render(
                    req, try req.organisations(), form: .init(year: req.today.year - 1), error: error
                ).encodeResponse(status: error.status, for: req)
            }
        }
    }

    /// Runs a step of the application's page: back to the page with `done`, or the page again
    /// with the refusal (a 404 or 403 answered as such).
    static func act(
        _ req: Request, done: String, _ step: (RatingService, UUID?) async throws -> Void
    ) async throws -> Response {
        let service = try req.ratings()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            try await step(service, id)
            return req.redirect(to: Route.rating.path(id ?? UUID()) + "?done=\(done)")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderShow(req, service, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    /// A step of the pool's page: back to it with `done`, or the page again with the refusal.
    static func poolStep(
        _ req: Request, done: String, _ step: (RatingService) async throws -> Void
    ) async throws -> Response {
        let service = try req.ratings()
        do {
            try await step(service)
            return req.redirect(to: Route.reviewerPool.path + "?done=\(done)")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderPool(req, service, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    static func isClerk(_ user: CurrentUser) -> Bool {
        user.role.may(.manageOrganisations) && !user.role.may(.fileOrganisationReport)
    }

    static func list(req: Request) async throws -> View {
        let service = try req.ratings()
        let status = try Self.status(req.query[String.self, at: "status"])
        let page = try await service.list(
            status: status, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 50))
        return try await req.view.render(
            "ratings/list",
            ListPage(
                layout: LayoutContext(request: req, title: "社会组织等级评估", user: service.user),
                applications: page.items, total: page.total, status: status?.rawValue, statuses: statuses,
                isClerk: isClerk(service.user),
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.ratings.path, filters: ["status": status?.rawValue], result: page) : nil))
    }

    static func renderShow(_ req: Request, _ service: RatingService, error: Refusal?) async throws -> View {
        let detail = try await service.detail(req.parameters.get("id", as: UUID.self))
        let clerk = isClerk(service.user)
        let scoring = detail.application.status == RatingStatus.scoring.rawValue
        let assigned = Set(detail.assignments.map(\.reviewerId))
        var pool: [RatingReviewerRecord] = []
        if clerk && scoring { pool = try await service.reviewers().filter { !assigned.contains($0.id) } }
        let done = req.query[String.self, at: "done"].flatMap {
            [
                "applied": "已提交等级评估申请。", "assigned": "已指派评估专家。", "scored": "评分已保存。",
                "publicised": "评分已结束，评估结果进入公示。", "decided": "已作出评定。",
            ][$0]
        }
        let typed = detail.mine.map {
            RatingSheet.Input(
                basic: $0.basic, governance: $0.governance, performance: $0.performance, social: $0.social)
        }
        let sections = RatingSection.allCases.map { s in
            Section(
                field: s.rawValue, label: s.chinese, maximum: detail.sectionMaxima[s.rawValue] ?? 0, value: typed?[s])
        }
        return try await req.view.render(
            "ratings/show",
            ShowPage(
                layout: LayoutContext(
                    request: req, title: "等级评估：\(detail.application.organisationName)", user: service.user),
                detail: detail, isClerk: clerk, canScore: scoring && detail.mine != nil, pool: pool,
                experts: clerk && scoring ? detail.assignments.filter { $0.userId == nil } : [], sections: sections,
                done: done, error: error?.message, errorField: error?.field))
    }

    static func renderPool(_ req: Request, _ service: RatingService, error: Refusal?) async throws -> View {
        let reviewers = try await service.reviewers()
        var rows: [Reviewer] = []
        for r in reviewers { rows.append(Reviewer(reviewer: r, declarations: try await service.declarations(r.id))) }
        let done = req.query[String.self, at: "done"].flatMap {
            ["added": "已加入评估专家库。", "declared": "已记录利益冲突申报。"][$0]
        }
        return try await req.view.render(
            "ratings/reviewers",
            PoolPage(
                layout: LayoutContext(request: req, title: "评估专家库", user: service.user), reviewers: rows,
                relations: relations, done: done, error: error?.message, errorField: error?.field))
    }
}
