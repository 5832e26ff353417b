import Foundation
import MinzhengCore
import Vapor

/// `GET /api/v1/disability-subsidy/proposals?status=` (the street's proposals, oldest first; open
/// by default), `GET /api/v1/disability-subsidy/proposals/{id}`,
/// `POST /api/v1/disability-subsidy/proposals/{id}` `{action: confirm|refuse, version, note?}`.
struct DisabilitySubsidyAPIController: RouteCollection {
    struct ListQuery: Content {
        var status: String?
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.disabilitySubsidyProposals.pattern) {
            req async throws -> Page<DisabilitySubsidyStore.Proposal> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.disabilitySubsidyDecisions().list(
                status: q.status, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.get(Route.API.disabilitySubsidyProposal.pattern) { req async throws -> DisabilitySubsidyStore.Proposal in
            try await req.disabilitySubsidyDecisions().find(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.disabilitySubsidyProposal.pattern) {
            req async throws -> DisabilitySubsidyStore.Proposal in
            try await req.disabilitySubsidyDecisions().decide(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(DisabilitySubsidyDecisions.Decision.self))
        }
    }
}

/// 残疾人两项补贴确认 (`/disability-subsidies`): the street's proposals, each with the person, the
/// rule that made them eligible and the amount, confirmed or refused with a reason; `?status=`
/// shows the decided ones. The same decisions as the API's.
struct DisabilitySubsidyPageController: RouteCollection {

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let proposals: [DisabilitySubsidyStore.Proposal]
        let total: Int
        let status: String
        let pager: Pager?
        let done: String?
        let error: String?
        let errorProposal: UUID?
        let errorField: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.disabilitySubsidies.pattern) { req async throws -> View in
            try await Self.render(req, try req.disabilitySubsidyDecisions(), error: nil, proposal: nil)
        }
        routes.post(Route.disabilitySubsidy.pattern, use: Self.decide)
    }

    static func decide(req: Request) async throws -> Response {
        let decisions = try req.disabilitySubsidyDecisions()
        let form = try req.content.decode(DisabilitySubsidyDecisions.Decision.self)
        let id = req.parameters.get("id", as: UUID.self)
        do {
            let decided = try await decisions.decide(id, form)
            return req.redirect(to: Route.disabilitySubsidies.path + "?done=\(decided.status)")
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, decisions, error: error, proposal: id).encodeResponse(
                status: error.status, for: req)
        }
    }

    static func render(
        _ req: Request, _ decisions: DisabilitySubsidyDecisions, error: Refusal?, proposal: UUID?
    ) async throws -> View {
        let status = req.query[String.self, at: "status"] ?? DisabilitySubsidyProposalStatus.open.rawValue
        let page = try await decisions.list(
            status: status, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        let done = req.query[String.self, at: "done"].flatMap {
            ["confirmed": "已确认，自下月起发放。", "refused": "已不予确认。"][$0]
        }
        return try await req.view.render(
            "disability/subsidies",
            QueuePage(
                layout: LayoutContext(request: req, title: "残疾人两项补贴确认", user: decisions.user),
                proposals: page.items, total: page.total, status: status,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.disabilitySubsidies.path, filters: ["status": status], result: page) : nil,
                done: done, error: error?.message, errorProposal: proposal, errorField: error?.field))
    }
}

/// Where the disability pages are registered (one line in `routes.swift`).
enum DisabilityRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: DisabilitySubsidyAPIController())
        try signedIn.register(collection: DisabilitySubsidyPageController())
    }
}
