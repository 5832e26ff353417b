import Foundation
import MinzhengCore
import Vapor

/// The steps of a case, as `/…/child-cases/{id}/{step}` names them: the same for the API and the pages.
enum ChildCaseStep {
    static func perform(
        _ req: Request, _ cases: ChildCaseService, id: UUID?, step: String?
    ) async throws
        -> ChildCaseDetail
    {
        switch step {
        case "assignment": return try await cases.assign(id, try req.content.decode(ChildCaseService.Assignment.self))
        case "records": return try await cases.record(id, try req.content.decode(ChildCaseService.Record.self))
        case "referrals": return try await cases.refer(id, try req.content.decode(ChildCaseService.Refer.self))
        case "closure": return try await cases.close(id, try req.content.decode(ChildCaseService.Closure.self))
        default: throw Refusal.notFound("操作")
        }
    }

    static func answer(_ req: Request, _ cases: ChildCaseService) async throws -> ChildCaseDetail {
        try await cases.answer(
            req.parameters.get("id", as: UUID.self), referral: req.parameters.get("referral", as: UUID.self),
            try req.content.decode(ChildCaseService.Answer.self))
    }
}

/// `GET|POST /api/v1/child-cases` (`?closed=1` for the closed; a report as `ChildCaseService.Intake`),
/// `GET /api/v1/child-cases/{id}` (audited), `POST /api/v1/child-cases/{id}/assignment|records|referrals|closure`,
/// `POST /api/v1/child-cases/{id}/answers/{referral}` (the partner's `{answer}`, or `{action: chase}`).
struct ChildCaseAPIController: RouteCollection {
    struct ListQuery: Content {
        var closed: Int?
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.childCases.pattern) { req async throws -> Page<ChildCaseSummary> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.childCases().list(
                closed: q.closed == 1, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.childCases.pattern) { req async throws -> Response in
            let detail = try await req.childCases().report(try req.content.decode(ChildCaseService.Intake.self))
            return try await detail.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.childCase.pattern) { req async throws -> ChildCaseDetail in
            try await req.childCases().open(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.childCaseStep.pattern) { req async throws -> ChildCaseDetail in
            try await ChildCaseStep.perform(
                req, try req.childCases(), id: req.parameters.get("id", as: UUID.self),
                step: req.parameters.get("step"))
        }
        routes.post(Route.API.childCaseReferral.pattern) { req async throws -> ChildCaseDetail in
            try await ChildCaseStep.answer(req, try req.childCases())
        }
    }
}

/// 未成年人保护 (`/child-cases`): the office's cases or one's own, the hotline's report form, and a
/// case's page with its steps. The same service as the API's.
struct ChildCasePageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let cases: [ChildCaseSummary]
        let total: Int
        let closed: Bool
        let isOffice: Bool
        let pager: Pager?
    }

    struct NewPage: Encodable {
        let layout: LayoutContext
        let channels: [ChildCaseDetail.Choice]
        let reporterKinds: [ChildCaseDetail.Choice]
        let concerns: [ChildCaseDetail.Choice]
        let streets: [ChildCaseDetail.Choice]
        let error: String?
        let errorField: String?
    }

    struct CasePage: Encodable {
        let layout: LayoutContext
        let c: ChildCaseDetail
        let workers: [ChildCaseDetail.Choice]
        let supervisors: [ChildCaseDetail.Choice]
        let entryKinds: [ChildCaseDetail.Choice]
        let partners: [ChildCaseDetail.Choice]
        let closureReasons: [ChildCaseDetail.Choice]
        let today: String
        let done: String?
        let error: String?
        let errorField: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.childCases.pattern, use: list)
        routes.get(Route.newChildCase.pattern) { req async throws -> View in
            try await Self.renderNew(req, error: nil)
        }
        routes.post(Route.newChildCase.pattern, use: report)
        routes.get(Route.childCase.pattern) { req async throws -> View in
            let cases = try req.childCases()
            return try await Self.render(
                req, cases, try await cases.open(req.parameters.get("id", as: UUID.self)), error: nil)
        }
        routes.post(Route.childCaseStep.pattern) { req async throws -> Response in
            try await Self.act(req) { cases in
                try await ChildCaseStep.perform(
                    req, cases, id: req.parameters.get("id", as: UUID.self), step: req.parameters.get("step"))
            }
        }
        routes.post(Route.childCaseReferral.pattern) { req async throws -> Response in
            try await Self.act(req) { cases in try await ChildCaseStep.answer(req, cases) }
        }
    }

    func list(req: Request) async throws -> View {
        let cases = try req.childCases()
        let closed = req.query[Int.self, at: "closed"] == 1
        let page = try await cases.list(
            closed: closed, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        return try await req.view.render(
            "children/cases",
            ListPage(
                layout: LayoutContext(request: req, title: "未成年人保护个案", user: cases.user), cases: page.items,
                total: page.total, closed: closed, isOffice: cases.user.role.may(.protectChildren),
                pager: page.total > page.perPage
                    ? Pager.make(
                        path: Route.childCases.path, filters: ["closed": closed ? "1" : nil], result: page) : nil))
    }

    func report(req: Request) async throws -> Response {
        let cases = try req.childCases()
        do {
            let created = try await cases.report(try req.content.decode(ChildCaseService.Intake.self))
            return req.redirect(to: Route.childCase.path(created.id) + "?done=reported")
        } catch let error as Refusal where error.kind == .invalid {
            return try await Self.renderNew(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    /// A step from the case's page: back to the page, or the page again with the refusal in place.
    static func act(
        _ req: Request, _ step: (ChildCaseService) async throws -> ChildCaseDetail
    ) async throws
        -> Response
    {
        let cases = try req.childCases()
        do {
            let done = try await step(cases)
            let what = req.parameters.get("step") ?? "referral"
            return req.redirect(to: Route.childCase.path(done.id) + "?done=\(what)")
        } catch let error as Refusal where error.kind != .notFound {
            let (row, viewer) = try await cases.row(req.parameters.get("id", as: UUID.self))
            return try await render(req, cases, try await cases.detail(row, viewer: viewer), error: error)
                .encodeResponse(status: error.status, for: req)
        }
    }

    private static func choices<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ name: (T) -> String
    )
        -> [ChildCaseDetail.Choice] where T.RawValue == String
    {
        T.allCases.map { ChildCaseDetail.Choice(code: $0.rawValue, name: name($0)) }
    }

    static func renderNew(_ req: Request, error: Refusal?) async throws -> View {
        let cases = try req.childCases()
        try cases.user.require(.protectChildren)
        let regions = req.platform.regions
        let streets = regions.streets(under: cases.user.region).map {
            ChildCaseDetail.Choice(code: $0.value, name: regions.fullName(of: $0))
        }
        return try await req.view.render(
            "children/case-new",
            NewPage(
                layout: LayoutContext(request: req, title: "受理未成年人保护报告", user: cases.user),
                channels: choices(ChildCaseChannel.self, \.chinese),
                reporterKinds: choices(ChildCaseReporterKind.self, \.chinese),
                concerns: choices(ChildCaseConcern.self) { $0.chinese + ($0.isUrgent ? "（紧急）" : "") },
                streets: streets, error: error?.message, errorField: error?.field))
    }

    static func render(
        _ req: Request, _ cases: ChildCaseService, _ detail: ChildCaseDetail, error: Refusal?
    )
        async throws -> View
    {
        let staff = detail.may.assign ? try await cases.assignable(region: detail.region) : ([], [])
        func choice(_ user: UserSummary) -> ChildCaseDetail.Choice {
            ChildCaseDetail.Choice(
                code: user.id.uuidString,
                name: "\(user.displayName)（\(Role(rawValue: user.role)?.chinese ?? user.role)）")
        }
        let done = req.query[String.self, at: "done"].flatMap {
            [
                "reported": "已受理，请尽快分派。", "assignment": "已分派。", "records": "已记录。", "referrals": "已转介。",
                "referral": "已登记。", "closure": "已提交。",
            ][$0]
        }
        return try await req.view.render(
            "children/case",
            CasePage(
                layout: LayoutContext(request: req, title: "个案 \(detail.number)", user: cases.user), c: detail,
                workers: staff.0.map(choice), supervisors: staff.1.map(choice),
                entryKinds: choices(ChildCaseEntryKind.self, \.chinese),
                partners: choices(ChildCasePartner.self, \.chinese),
                closureReasons: choices(ChildCaseClosureReason.self, \.chinese),
                today: req.today.description, done: done, error: error?.message, errorField: error?.field))
    }
}

/// Where the child-protection pages are registered (one line in `routes.swift`).
enum ChildProtectionRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: ChildCaseAPIController())
        try signedIn.register(collection: ChildCasePageController())
    }
}
