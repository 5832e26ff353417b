import Foundation
import MinzhengCore
import Vapor

/// The registry clerk's pages (社会组织登记): the list of the region's organisations (filters,
/// pages), registering one, an organisation's record with its status history, reports (the
/// review) and notices, opening its account, the dormant sweep and the public notices.
struct OrganisationPageController: RouteCollection {
    struct Choice: Encodable {
        let value: String
        let label: String
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let organisations: [OrganisationRecord]
        let total: Int
        let filters: OrganisationListQuery
        let statuses: [Choice]
        let kinds: [Choice]
        let pager: Pager?
        let error: String?
    }

    struct NewPage: Encodable {
        let layout: LayoutContext
        let form: OrganisationDraft.Input
        let kinds: [Choice]
        let error: String?
        let errorField: String?
    }

    struct DetailPage: Encodable {
        let layout: LayoutContext
        let detail: OrganisationDetail
        let outcomes: [Choice]
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct SweepPage: Encodable {
        let layout: LayoutContext
        let on: String
        let candidates: [OrganisationStore.DormantCandidate]
    }

    struct NoticesPage: Encodable {
        let layout: LayoutContext
        let notices: [OrganisationNotice]
        let total: Int
        let pager: Pager?
    }

    static let statuses = OrganisationStatus.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let kinds = OrganisationKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let outcomes = AnnualReportOutcome.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.organisations.pattern, use: Self.list)
        routes.get(Route.newOrganisation.pattern) { req async throws -> View in
            let registry = try req.organisations()
            try registry.user.require(.manageOrganisations)
            return try await Self.renderNew(req, registry, form: OrganisationDraft.Input(), error: nil)
        }
        routes.post(Route.newOrganisation.pattern, use: Self.create)
        routes.get(Route.organisation.pattern) { req async throws -> View in
            try await Self.renderDetail(req, try req.organisations(), error: nil)
        }
        routes.post(Route.organisationReview.pattern, use: Self.review)
        routes.post(Route.organisationAccount.pattern, use: Self.openAccount)
        routes.get(Route.dormantOrganisations.pattern) { req async throws -> View in
            let registry = try req.organisations()
            return try await req.view.render(
                "organisations/sweep",
                SweepPage(
                    layout: LayoutContext(request: req, title: "僵尸型社会组织排查", user: registry.user),
                    on: req.today.description, candidates: try await registry.dormant()))
        }
        routes.get(Route.organisationNotices.pattern) { req async throws -> View in
            let registry = try req.organisations()
            let page = try await registry.publicNotices(
                page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 50))
            return try await req.view.render(
                "organisations/notices",
                NoticesPage(
                    layout: LayoutContext(request: req, title: "社会组织名录公告", user: registry.user),
                    notices: page.items, total: page.total,
                    pager: page.total > page.perPage
                        ? Pager.make(path: Route.organisationNotices.path, filters: [:], result: page) : nil))
        }
    }

    static func list(req: Request) async throws -> View {
        let registry = try req.organisations()
        try registry.user.require(.manageOrganisations)
        let filters = try req.query.decode(OrganisationListQuery.self)
        var error: String?
        var page = Page<OrganisationRecord>(items: [], total: 0, page: 1, perPage: 20)
        do {
            page = try await registry.list(try filters.query(), page: try PageRequest(page: filters.page, perPage: 20))
        } catch let refusal as Refusal {
            error = refusal.message
        }
        let links: [String: String?] = [
            "status": filters.status, "kind": filters.kind, "name": filters.name, "region": filters.region,
        ]
        return try await req.view.render(
            "organisations/list",
            ListPage(
                layout: LayoutContext(request: req, title: "社会组织登记", user: registry.user),
                organisations: page.items, total: page.total, filters: filters, statuses: statuses, kinds: kinds,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.organisations.path, filters: links, result: page) : nil, error: error))
    }

    static func renderNew(
        _ req: Request, _ registry: OrganisationRegistry, form: OrganisationDraft.Input, error: Refusal?
    ) async throws -> View {
        try await req.view.render(
            "organisations/new",
            NewPage(
                layout: LayoutContext(request: req, title: "社会组织成立登记", user: registry.user), form: form, kinds: kinds,
                error: error?.message, errorField: error?.field))
    }

    static func create(req: Request) async throws -> Response {
        let registry = try req.organisations()
        let form = try req.content.decode(OrganisationDraft.Input.self)
        do {
            let created = try await registry.create(form)
            return req.redirect(to: Route.organisation.path(created.id) + "?done=created")
        } catch let error as Refusal where error.status != .forbidden {
            return try await renderNew(req, registry, form: form, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    static func renderDetail(_ req: Request, _ registry: OrganisationRegistry, error: Refusal?) async throws -> View {
        try registry.user.require(.manageOrganisations)
        let detail = try await OrganisationDetail.load(registry, req.parameters.get("id", as: UUID.self))
        let done = req.query[String.self, at: "done"].flatMap {
            [
                "created": "已登记。", "reviewed": "已作出年检结论。", "account": "已开通组织账户，首次登录须修改密码。",
                "revoked": "已撤销登记，登记证书已收缴，已列入严重违法失信名单并公告。", "unreachable": "已标记为通过登记的住所无法联系。",
                "reachable": "已撤销无法联系标记。",
            ][$0]
        }
        return try await req.view.render(
            "organisations/show",
            DetailPage(
                layout: LayoutContext(request: req, title: detail.organisation.name, user: registry.user),
                detail: detail,
                outcomes: outcomes, done: done, error: error?.message, errorField: error?.field))
    }

    static func review(req: Request) async throws -> Response {
        let registry = try req.organisations()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            _ = try await registry.review(
                id, year: req.parameters.get("year", as: Int.self),
                try req.content.decode(OrganisationRegistry.Review.self))
            return req.redirect(to: Route.organisation.path(id ?? UUID()) + "?done=reviewed")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderDetail(req, registry, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    static func openAccount(req: Request) async throws -> Response {
        let registry = try req.organisations()
        let id = req.parameters.get("id", as: UUID.self)
        let hasher = req.password.async
        do {
            _ = try await registry.openAccount(
                id, try req.content.decode(OrganisationRegistry.AccountInput.self), hash: { try await hasher.hash($0) })
            return req.redirect(to: Route.organisation.path(id ?? UUID()) + "?done=account")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderDetail(req, registry, error: error).encodeResponse(status: error.status, for: req)
        }
    }
}

/// 本组织年报 (`/my-organisation`): the organisation's secretary, on a phone — the organisation's
/// status, its reports and their conclusions, its reminders, and the form that files the report.
struct MyOrganisationPageController: RouteCollection {
    /// The form as typed: amounts in yuan.
    struct ReportForm: Content {
        var year: Int?
        var activities: Int?
        var income: String?
        var expenditure: String?
        var netAssets: String?
        var summary: String?

        func input() throws -> AnnualReportDraft.Input {
            var i = AnnualReportDraft.Input()
            i.year = year
            i.activities = activities
            i.summary = summary
            func fen(_ text: String?, _ field: String) throws -> Int64 {
                guard let fen = Fen(yuanText: (text ?? "").trimmedWhitespace) else {
                    throw Refusal.invalid(field, "金额应为元，如 12000 或 12000.50")
                }
                return fen.value
            }
            i.incomeFen = try fen(income, "income")
            i.expenditureFen = try fen(expenditure, "expenditure")
            i.netAssetsFen = try fen(netAssets, "netAssets")
            return i
        }
    }

    struct MyPage: Encodable {
        let layout: LayoutContext
        let detail: OrganisationDetail
        let form: ReportForm
        let years: [Int]
        let deadline: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.myOrganisation.pattern) { req async throws -> View in
            let form = ReportForm(year: req.today.year - 1)
            return try await Self.render(req, try req.organisations(), form: form, error: nil)
        }
        routes.post(Route.myOrganisationReport.pattern) { req async throws -> Response in
            let registry = try req.organisations()
            let form = try req.content.decode(ReportForm.self)
            do {
                let own = try await registry.own()
                _ = try await registry.file(own.id, try form.input())
                return req.redirect(to: Route.myOrganisation.path + "?done=1")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.render(req, registry, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
    }

    static func render(
        _ req: Request, _ registry: OrganisationRegistry, form: ReportForm, error: Refusal?
    )
        async throws -> View
    {
        let own = try await registry.own()
        let detail = try await OrganisationDetail.load(registry, own.id)
        let filed = Set(detail.reports.map(\.year))
        let first = CivilDate(own.registeredOn)?.year ?? req.today.year - 1
        let years = stride(from: req.today.year - 1, through: max(first, req.today.year - 5), by: -1).filter {
            !filed.contains($0)
        }
        let deadline = try await registry.parameters().deadline(forReportOn: req.today.year - 1)
        return try await req.view.render(
            "organisations/mine",
            MyPage(
                layout: LayoutContext(request: req, title: "本组织年度报告", user: registry.user), detail: detail,
                form: form, years: years,
                deadline: deadline.description,
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }
}
