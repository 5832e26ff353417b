import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// `GET|POST /api/v1/illegal-organisations`, `GET …/{id}`, `POST …/{id}/assignment|notes|closure`,
/// `GET /api/v1/illegal-organisation-counts`; `POST /api/v1/organisations/{id}/trade-association`,
/// `GET|POST /api/v1/trade-association-fees`, `GET …/{id}`, `POST …/{id}/finding|refunds`,
/// `GET /api/v1/trade-association-fee-totals`.
struct IllegalOrganisationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.illegalOrganisations.pattern) { req async throws -> Page<IllegalReportRecord> in
            try await req.illegalOrganisations().list(try req.query.decode(IllegalOrganisationService.ListQuery.self))
        }
        routes.post(Route.API.illegalOrganisations.pattern) { req async throws -> Response in
            try await req.illegalOrganisations().report(
                try req.content.decode(IllegalOrganisationService.ReportInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.illegalOrganisationCounts.pattern) {
            req async throws -> IllegalOrganisationService.Counts in
            try await req.illegalOrganisations().counts()
        }
        routes.get(Route.API.illegalOrganisation.pattern) { req async throws -> IllegalReportRecord in
            try await req.illegalOrganisations().detail(req.parameters.get("id", as: UUID.self))
        }
        let steps: [(Route.Template<UUID>, IllegalReportAction)] = [
            (Route.API.illegalOrganisationAssignment, .assign), (Route.API.illegalOrganisationNotes, .note),
            (Route.API.illegalOrganisationClosure, .close),
        ]
        for (route, action) in steps {
            routes.post(route.pattern) { req async throws -> IllegalReportRecord in
                try await req.illegalOrganisations().act(
                    req.parameters.get("id", as: UUID.self), action,
                    try req.content.decode(IllegalOrganisationService.StepInput.self))
            }
        }
        routes.post(Route.API.organisationTradeAssociation.pattern) { req async throws -> OrganisationRecord in
            try await req.tradeFees().markTradeAssociation(req.parameters.get("id", as: UUID.self))
        }
        routes.get(Route.API.tradeFees.pattern) { req async throws -> Page<FeeItemRecord> in
            try await req.tradeFees().list(try req.query.decode(TradeAssociationFeeService.ListQuery.self))
        }
        routes.post(Route.API.tradeFees.pattern) { req async throws -> Response in
            try await req.tradeFees().create(try req.content.decode(TradeAssociationFeeService.FeeInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.tradeFee.pattern) { req async throws -> TradeAssociationFeeService.Detail in
            try await req.tradeFees().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.tradeFeeFinding.pattern) { req async throws -> TradeAssociationFeeService.Detail in
            try await req.tradeFees().find(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(TradeAssociationFeeService.FindingInput.self))
        }
        routes.post(Route.API.tradeFeeRefunds.pattern) { req async throws -> Response in
            try await req.tradeFees().refund(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(TradeAssociationFeeService.RefundInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.tradeFeeTotals.pattern) { req async throws -> TradeAssociationFeeService.Totals in
            try await req.tradeFees().totals(year: req.query[Int.self, at: "year"])
        }
    }
}

/// The pages of illegal organisations (非法社会组织): the list (the clerk's region with the counts
/// by year and outcome, or a reporter's own), the report form (phone-sized), and a report with
/// its timeline and the step forms its state allows.
struct IllegalOrganisationPageController: RouteCollection {
    typealias Choice = OrganisationPageController.Choice

    struct ListPage: Encodable {
        let layout: LayoutContext
        let reports: [IllegalReportRecord]
        let total: Int
        let filters: IllegalOrganisationService.ListQuery
        let states: [Choice]
        let outcomes: [Choice]
        let isClerk: Bool
        let counts: IllegalOrganisationService.Counts?
        let pager: Pager?
        let error: String?
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let form: IllegalOrganisationService.ReportInput
        let isClerk: Bool
        let error: String?
        let errorField: String?
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let report: IllegalReportRecord
        let canAssign: Bool
        let canNote: Bool
        let canClose: Bool
        let outcomes: [Choice]
        let today: String
        let done: String?
        let error: String?
        let errorField: String?
    }

    static let states = IllegalReportState.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let outcomes = IllegalReportOutcome.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.illegalOrganisations.pattern, use: Self.list)
        routes.get(Route.newIllegalOrganisation.pattern) { req async throws -> View in
            try await Self.renderForm(req, try req.illegalOrganisations(), form: .init(), error: nil)
        }
        routes.post(Route.illegalOrganisations.pattern) { req async throws -> Response in
            let service = try req.illegalOrganisations()
            let form = try req.content.decode(IllegalOrganisationService.ReportInput.self)
            do {
                let created = try await service.report(form)
                return req.redirect(to: Route.illegalOrganisation.path(created.id) + "?done=reported")
            } catch let error as Refusal where error.status != .forbidden {
                return try await Self.renderForm(req, service, form: form, error: error)
                    .encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.illegalOrganisation.pattern) { req async throws -> View in
            try await Self.renderShow(req, try req.illegalOrganisations(), error: nil)
        }
        routes.post(Route.illegalOrganisationStep.pattern) { req async throws -> Response in
            let service = try req.illegalOrganisations()
            let id = req.parameters.get("id", as: UUID.self)
            guard let action = req.parameters.get("action").flatMap(IllegalReportAction.init(rawValue:)) else {
                throw Refusal.notFound("操作")
            }
            do {
                _ = try await service.act(id, action, try req.content.decode(IllegalOrganisationService.StepInput.self))
                return req.redirect(to: Route.illegalOrganisation.path(id ?? UUID()) + "?done=\(action.rawValue)")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderShow(req, service, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
    }

    static func list(req: Request) async throws -> View {
        let service = try req.illegalOrganisations()
        var filters = try req.query.decode(IllegalOrganisationService.ListQuery.self)
        filters.perPage = 20
        var error: String?
        var page: Page<IllegalReportRecord>
        do {
            page = try await service.list(filters)
        } catch let refusal as Refusal where refusal.status == .badRequest {
            error = refusal.message
            page = try await service.list(IllegalOrganisationService.ListQuery(perPage: 20))
        }
        var counts: IllegalOrganisationService.Counts?
        if service.isClerk { counts = try await service.counts() }
        return try await req.view.render(
            "illegal-organisations/list",
            ListPage(
                layout: LayoutContext(request: req, title: "非法社会组织", user: service.user), reports: page.items,
                total: page.total, filters: filters, states: states, outcomes: outcomes, isClerk: service.isClerk,
                counts: counts,
                pager: page.total > page.perPage
                    ? Pager.make(
                        path: Route.illegalOrganisations.path,
                        filters: [
                            "state": filters.state, "outcome": filters.outcome, "year": filters.year.map { "\($0)" },
                            "region": filters.region,
                        ], result: page) : nil,
                error: error))
    }

    static func renderForm(
        _ req: Request, _ service: IllegalOrganisationService, form: IllegalOrganisationService.ReportInput,
        error: Refusal?
    ) async throws -> View {
        guard service.isClerk || service.isReporter else {
            throw Refusal(.forbidden, "您的角色（\(service.user.role.chinese)）无权受理非法社会组织举报")
        }
        return try await req.view.render(
            "illegal-organisations/new",
            FormPage(
                layout: LayoutContext(request: req, title: "举报非法社会组织", user: service.user), form: form,
                isClerk: service.isClerk, error: error?.message, errorField: error?.field))
    }

    static func renderShow(_ req: Request, _ service: IllegalOrganisationService, error: Refusal?) async throws -> View
    {
        let report = try await service.detail(req.parameters.get("id", as: UUID.self))
        let done = req.query[String.self, at: "done"].flatMap {
            [
                "reported": "举报已受理，编号 \(report.number)。", "assign": "已指派调查人。", "note": "调查记录已保存。",
                "close": "已办结。",
            ][$0]
        }
        return try await req.view.render(
            "illegal-organisations/show",
            ShowPage(
                layout: LayoutContext(request: req, title: "举报 \(report.number)", user: service.user),
                report: report, canAssign: report.actions.contains("assign"), canNote: report.actions.contains("note"),
                canClose: report.actions.contains("close"), outcomes: outcomes, today: req.today.description,
                done: done, error: error?.message, errorField: error?.field))
    }
}

/// The pages of trade associations' fees (涉企违规收费): the list with filters, the totals by year
/// and association with the .xlsx, the form to record a fee item, an item with its finding and
/// refunds; and marking a social group as a trade association from its page.
struct TradeFeePageController: RouteCollection {
    typealias Choice = OrganisationPageController.Choice

    struct ListPage: Encodable {
        let layout: LayoutContext
        let items: [FeeItemRecord]
        let total: Int
        let filters: TradeAssociationFeeService.ListQuery
        let findings: [Choice]
        let associations: [Choice]
        let totals: TradeAssociationFeeService.Totals
        let years: [YearLine]
        let pager: Pager?
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct YearLine: Encodable {
        let year: Int
        let items: Int
        let improperItems: Int
        let charged: String
        let improper: String
        let refunded: String
        let outstanding: String
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let detail: TradeAssociationFeeService.Detail
        let improper: String
        let outstanding: String
        let canFind: Bool
        let canRefund: Bool
        let today: String
        let done: String?
        let error: String?
        let errorField: String?
    }

    /// The page's fee form: the amount in yuan.
    struct FeeForm: Content {
        var organisationId: UUID?
        var year: Int?
        var name: String?
        var basis: String?
        var amount: String?
        var payers: Int?
    }

    /// The page's refund form: the amount in yuan.
    struct RefundForm: Content {
        var refundedOn: String?
        var amount: String?
        var note: String?
    }

    static func fen(_ text: String?, field: String) throws -> Int64 {
        guard let fen = Fen(yuanText: (text ?? "").trimmedWhitespace) else {
            throw Refusal.invalid(field, "金额应为元，如 12000 或 12000.50")
        }
        return fen.value
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.tradeFees.pattern) { req async throws -> View in
            try await Self.renderList(req, try req.tradeFees(), error: nil)
        }
        routes.post(Route.tradeFees.pattern) { req async throws -> Response in
            let service = try req.tradeFees()
            do {
                let form = try req.content.decode(FeeForm.self)
                let created = try await service.create(
                    TradeAssociationFeeService.FeeInput(
                        organisationId: form.organisationId, year: form.year, name: form.name, basis: form.basis,
                        amountFen: try Self.fen(form.amount, field: "amountFen"), payers: form.payers))
                return req.redirect(to: Route.tradeFee.path(created.id) + "?done=created")
            } catch let error as Refusal where error.status != .forbidden {
                return try await Self.renderList(req, service, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.tradeFeeTotalsExport.pattern) { req async throws -> Response in
            let year = req.query[Int.self, at: "year"]
            let file = try await req.tradeFees().totalsFile(year: year)
            return try await FileDownload.send(
                req, path: file.path, name: "trade-association-fees-\(year.map { "\($0)" } ?? "all").xlsx",
                type: XLSXWriter.mediaType)
        }
        routes.get(Route.tradeFee.pattern) { req async throws -> View in
            try await Self.renderShow(req, try req.tradeFees(), error: nil)
        }
        routes.post(Route.tradeFeeFinding.pattern) { req async throws -> Response in
            try await Self.step(req, done: "found") { service, id in
                _ = try await service.find(id, try req.content.decode(TradeAssociationFeeService.FindingInput.self))
            }
        }
        routes.post(Route.tradeFeeRefunds.pattern) { req async throws -> Response in
            try await Self.step(req, done: "refunded") { service, id in
                let form = try req.content.decode(RefundForm.self)
                _ = try await service.refund(
                    id,
                    TradeAssociationFeeService.RefundInput(
                        refundedOn: form.refundedOn, amountFen: try Self.fen(form.amount, field: "amountFen"),
                        note: form.note))
            }
        }
        routes.post(Route.organisationTradeAssociation.pattern) { req async throws -> Response in
            let service = try req.tradeFees()
            let id = req.parameters.get("id", as: UUID.self)
            do {
                let marked = try await service.markTradeAssociation(id)
                return req.redirect(to: Route.tradeFees.path + "?organisationId=\(marked.id.uuidString)&done=marked")
            } catch let error as Refusal where error.status == .conflict {
                return try await OrganisationPageController.renderDetail(req, service.registry, error: error)
                    .encodeResponse(status: error.status, for: req)
            }
        }
    }

    static func step(
        _ req: Request, done: String, _ body: (TradeAssociationFeeService, UUID?) async throws -> Void
    ) async throws -> Response {
        let service = try req.tradeFees()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            try await body(service, id)
            return req.redirect(to: Route.tradeFee.path(id ?? UUID()) + "?done=\(done)")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderShow(req, service, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    static func renderList(_ req: Request, _ service: TradeAssociationFeeService, error: Refusal?) async throws -> View
    {
        try service.user.require(.manageOrganisations)
        var filters = try req.query.decode(TradeAssociationFeeService.ListQuery.self)
        filters.perPage = 20
        var listError = error
        var page: Page<FeeItemRecord>
        do {
            page = try await service.list(filters)
        } catch let refusal as Refusal where refusal.status == .badRequest {
            listError = refusal
            page = try await service.list(TradeAssociationFeeService.ListQuery(perPage: 20))
        }
        let totals = try await service.totals(year: filters.year)
        let associations = try await service.associations()
        let done = req.query[String.self, at: "done"].flatMap { ["marked": "已标记为行业协会商会。"][$0] }
        func line(_ y: TradeAssociationFeeService.YearTotal) -> YearLine {
            YearLine(
                year: y.year, items: y.items, improperItems: y.improperItems, charged: Fen(y.chargedFen).formatted,
                improper: Fen(y.improperFen).formatted, refunded: Fen(y.refundedFen).formatted,
                outstanding: Fen(y.outstandingFen).formatted)
        }
        return try await req.view.render(
            "trade-fees/list",
            ListPage(
                layout: LayoutContext(request: req, title: "涉企违规收费", user: service.user), items: page.items,
                total: page.total, filters: filters,
                findings: FeeFinding.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
                    + [Choice(value: "none", label: "未认定")],
                associations: associations.map { Choice(value: $0.0.uuidString, label: $0.1) }, totals: totals,
                years: (totals.byYear + [totals.total]).map(line),
                pager: page.total > page.perPage
                    ? Pager.make(
                        path: Route.tradeFees.path,
                        filters: [
                            "organisationId": filters.organisationId?.uuidString, "year": filters.year.map { "\($0)" },
                            "finding": filters.finding,
                        ], result: page) : nil,
                done: done, error: listError?.message, errorField: listError?.field))
    }

    static func renderShow(_ req: Request, _ service: TradeAssociationFeeService, error: Refusal?) async throws -> View
    {
        let detail = try await service.detail(req.parameters.get("id", as: UUID.self))
        let done = req.query[String.self, at: "done"].flatMap {
            ["created": "收费项目已登记。", "found": "认定已保存。", "refunded": "清退已记录。"][$0]
        }
        return try await req.view.render(
            "trade-fees/show",
            ShowPage(
                layout: LayoutContext(request: req, title: "收费项目：\(detail.item.name)", user: service.user),
                detail: detail, improper: Fen(detail.item.improperFen).formatted,
                outstanding: Fen(detail.item.outstandingFen).formatted, canFind: detail.item.refundedFen == 0,
                canRefund: detail.item.finding == FeeFinding.improper.rawValue && detail.item.outstandingFen > 0,
                today: req.today.description, done: done, error: error?.message, errorField: error?.field))
    }
}
