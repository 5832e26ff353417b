import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// 居家服务: the orders of one's region with the form that takes a request (from a person's
/// file), an order's page with the step it waits for, the providers and their workers, and
/// the month's settlement with each provider's statement as .xlsx.
struct HomeCarePageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.homeCareOrders.pattern, use: orders)
        routes.post(Route.homeCareOrders.pattern, use: request)
        routes.get(Route.homeCareOrder.pattern, use: order)
        routes.post(Route.homeCareOrderStep.pattern, use: step)
        routes.get(Route.homeCareProviders.pattern, use: providers)
        routes.post(Route.homeCareProviders.pattern, use: addProvider)
        routes.post(Route.homeCareWorkers.pattern, use: addWorker)
        routes.get(Route.homeCareSettlement.pattern, use: settlement)
        routes.get(Route.homeCareStatement.pattern, use: statement)
    }

    // MARK: orders

    func orders(req: Request) async throws -> Response {
        try await renderOrders(req, newOrder: nil, error: nil)
    }

    private func renderOrders(_ req: Request, newOrder: NewOrderForm?, error: Refusal?) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let query = try req.query.decode(HomeCareOrderQuery.self)
        var page = OrderList(
            layout: LayoutContext(request: req, title: "居家上门服务", user: user), query: query,
            states: HomeCareOrderState.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            newOrder: newOrder,
            services: HomeCareServiceKind.allCases.map {
                Choice(value: $0.rawValue, label: "\($0.label)（按\($0.unitLabel)）")
            },
            error: error?.message, errorField: error?.field)
        if page.newOrder == nil, let person = req.query[UUID.self, at: "person"],
            let name = try await req.registry.person(id: person, within: user.scope)?.name
        {
            page.newOrder = NewOrderForm(personId: person, personName: name, scheduledOn: req.today.description)
        }
        do {
            let result = try await HomeCareStore(db: req.sql).orders(
                within: user.scope, matching: try query.filter(), page: try PageRequest(page: query.page, perPage: 50))
            page.total = result.total
            page.rows = result.items.map { OrderRow($0, regions: req.platform.regions) }
            page.pager = Pager.make(path: Route.homeCareOrders.path, filters: query.links, result: result)
        } catch let refusal as Refusal {
            page.error = refusal.message
            page.errorField = refusal.field
        }
        let status: HTTPStatus = error?.status ?? (page.error == nil ? .ok : .badRequest)
        return try await req.view.render("elderly/home-care-orders", page).encodeResponse(status: status, for: req)
    }

    func request(req: Request) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let body = try req.content.decode(OrderFields.self).order
        do {
            let id = try await req.homeCare.request(body, by: user)
            return req.redirect(to: Route.homeCareOrder.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            var form: NewOrderForm?
            if let person = body.personId,
                let name = try await req.registry.person(id: person, within: user.scope)?.name
            {
                form = NewOrderForm(
                    personId: person, personName: name, service: body.service, units: body.units.map(String.init),
                    scheduledOn: body.scheduledOn ?? req.today.description, note: body.note)
            }
            return try await renderOrders(req, newOrder: form, error: error)
        }
    }

    func order(req: Request) async throws -> Response {
        try await renderOrder(req, error: nil)
    }

    private func renderOrder(_ req: Request, error: Refusal?) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let order = try await req.homeCare.order(try req.parameters.require("id", as: UUID.self), for: user)
        let state = order.orderState
        var workers: [Choice] = []
        if state == .requested || state == .assigned, let region = RegionCode(order.region) {
            let store = HomeCareStore(db: req.sql)
            for provider in try await store.providers(around: user.region)
            where RegionCode(provider.region)?.contains(region) == true {
                workers += try await store.workers(provider: provider.id).map {
                    Choice(value: $0.id.uuidString, label: "\(provider.name) · \($0.name)")
                }
            }
        }
        var entitlement: String?
        if let month = order.month.flatMap(YearMonth.init),
            let recorded = try await HomeCareEntitlementStore(db: req.sql).recorded(
                person: order.personId, month: month)
        {
            let group = recorded.group.flatMap(HomeCareEntitlement.Group.init)?.label ?? "不符合补贴条件"
            entitlement = "\(month) 月补贴额度 \(recorded.monthly.formatted)（\(group)）"
        }
        let page = OrderPage(
            layout: LayoutContext(request: req, title: "居家服务工单", user: user), order: order,
            row: OrderRow(order, regions: req.platform.regions),
            checkIn: order.checkInAt.map(BeijingTime.timestamp), checkOut: order.checkOutAt.map(BeijingTime.timestamp),
            charge: order.chargeFen.map { Fen($0).formatted }, entitlement: entitlement,
            canAssign: state == .requested || state == .assigned, canCheckIn: state == .assigned,
            canCheckOut: state == .inService, canConfirm: state == .served,
            canCancel: state == .requested || state == .assigned, canClear: order.held && user.role.may(.managePayroll),
            workers: workers, saved: req.query[String.self, at: "saved"] == "1", error: error?.message,
            errorField: error?.field)
        return try await req.view.render("elderly/home-care-order", page).encodeResponse(
            status: error?.status ?? .ok, for: req)
    }

    /// A step from the order's page: the API's step, back to the page with the outcome.
    func step(req: Request) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let id = try req.parameters.require("id", as: UUID.self)
        var step = try req.content.decode(StepFields.self).step
        do {
            // The page's worker list names the worker; the provider is the worker's.
            if let workerID = step.workerId, let worker = try await HomeCareStore(db: req.sql).worker(id: workerID) {
                step.providerId = worker.providerId
            }
            let name = req.parameters.get("action") ?? ""
            if name == "clear" {
                _ = try await req.homeCare.clear(id, version: step.version, note: step.note, by: user)
            } else {
                guard let action = HomeCareOrderState.Action(rawValue: name) else { throw Refusal.notFound("操作") }
                _ = try await req.homeCare.act(action, on: id, step, by: user)
            }
            return req.redirect(to: Route.homeCareOrder.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await renderOrder(req, error: error)
        }
    }

    /// A form's fields arrive as text, an emptied number as "": read them as the API's
    /// input, so that the service refuses a bad value naming its field.
    struct OrderFields: Content {
        var personId: UUID?
        var service: String?
        var units: String?
        var scheduledOn: String?
        var note: String?

        var order: HomeCareOrderService.NewOrder {
            .init(
                personId: personId, service: service, units: units.flatMap { Int($0) }, scheduledOn: scheduledOn,
                note: note)
        }
    }

    struct StepFields: Content {
        var version: String?
        var workerId: String?
        var latitude: String?
        var longitude: String?
        var rating: String?
        var confirmedBy: String?
        var note: String?

        var step: HomeCareOrderService.Step {
            .init(
                version: version.flatMap { Int($0) }, providerId: nil,
                workerId: workerId.flatMap { UUID(uuidString: $0) },
                latitude: latitude.flatMap { Double($0) }, longitude: longitude.flatMap { Double($0) },
                rating: rating.flatMap { Int($0) }, confirmedBy: confirmedBy, note: note)
        }
    }

    // MARK: providers

    func providers(req: Request) async throws -> Response {
        try await renderProviders(req, form: .init(), error: nil)
    }

    private func renderProviders(
        _ req: Request, form: HomeCareOrderService.NewProvider, error: Refusal?
    ) async throws
        -> Response
    {
        let user = try HomeCareAPIController.staff(req)
        let store = HomeCareStore(db: req.sql)
        let regions = req.platform.regions
        var rows: [ProviderRow] = []
        for p in try await store.providers(around: user.region) {
            rows.append(
                ProviderRow(
                    id: p.id, name: p.name, creditCode: p.creditCode,
                    regionName: RegionCode(p.region).map { regions.fullName(of: $0) } ?? p.region, phone: p.phone,
                    workers: try await store.workers(provider: p.id).map(\.name)))
        }
        let choices = ([user.region] + regions.children(of: user.region)).map {
            Choice(value: $0.value, label: regions.fullName(of: $0))
        }
        let page = ProviderList(
            layout: LayoutContext(request: req, title: "居家服务组织", user: user), providers: rows, regionChoices: choices,
            form: form, saved: req.query[String.self, at: "saved"] == "1", error: error?.message,
            errorField: error?.field)
        return try await req.view.render("elderly/home-care-providers", page).encodeResponse(
            status: error?.status ?? .ok, for: req)
    }

    func addProvider(req: Request) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let form = try req.content.decode(HomeCareOrderService.NewProvider.self)
        do {
            _ = try await req.homeCare.addProvider(form, by: user)
            return req.redirect(to: Route.homeCareProviders.path + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await renderProviders(req, form: form, error: error)
        }
    }

    func addWorker(req: Request) async throws -> Response {
        let user = try HomeCareAPIController.staff(req)
        let provider = try req.parameters.require("id", as: UUID.self)
        do {
            _ = try await req.homeCare.addWorker(
                provider: provider, name: try req.content.decode(HomeCareAPIController.NewWorker.self).name, by: user)
            return req.redirect(to: Route.homeCareProviders.path + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await renderProviders(req, form: .init(), error: error)
        }
    }

    // MARK: settlement

    private static func settlementUser(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.managePayroll)
        return user
    }

    func settlement(req: Request) async throws -> View {
        let user = try Self.settlementUser(req)
        let month = try HomeCareOrderQuery.month(req.query[String.self, at: "month"]) ?? req.today.yearMonth
        let settled = try await HomeCareSettlementStore(db: req.sql).settlement(month: month, within: user.scope)
        return try await req.view.render(
            "elderly/home-care-settlement",
            SettlementPage(
                layout: LayoutContext(request: req, title: "居家服务结算", user: user), month: month.description,
                rows: settled.providers.map {
                    SettlementRow(
                        providerId: $0.providerId, providerName: $0.providerName, visits: $0.visits,
                        persons: $0.persons,
                        charged: Fen($0.chargedFen).formatted, subsidy: Fen($0.subsidyFen).formatted,
                        selfPaid: Fen($0.selfPaidFen).formatted, heldVisits: $0.heldVisits)
                }, charged: Fen(settled.chargedFen).formatted, subsidy: Fen(settled.subsidyFen).formatted,
                selfPaid: Fen(settled.selfPaidFen).formatted))
    }

    /// One provider's settled visits of the month with the public and self-paid parts, as
    /// .xlsx; an audit event says who took it.
    func statement(req: Request) async throws -> Response {
        let user = try Self.settlementUser(req)
        let month = try HomeCareOrderQuery.month(req.query[String.self, at: "month"]) ?? req.today.yearMonth
        let provider = try await req.homeCare.provider(try req.parameters.require("id", as: UUID.self), for: user)
        let lines = try await HomeCareSettlementStore(db: req.sql).lines(
            month: month, provider: provider.id, within: user.scope)
        let header = ["服务对象", "身份证号（遮蔽）", "服务项目", "数量", "签到", "签退", "服务人员", "服务费（元）", "政府补贴（元）", "个人自付（元）"]
        var rest = lines[...]
        let file = try await XLSXExport.write(
            sheet: "\(month) 结算", columnWidths: [12, 22, 12, 8, 18, 18, 12, 14, 14, 14], header: header
        ) { _, limit in
            let page = rest.prefix(limit)
            rest = rest.dropFirst(page.count)
            return page.map { line in
                let kind = HomeCareServiceKind(rawValue: line.service)
                return [
                    .text(line.personName), .text(line.idMasked), .text(kind?.label ?? line.service),
                    .text("\(line.units) \(kind?.unitLabel ?? "")"),
                    .text(BeijingTime.timestamp(HomeCareOrderRecord.instant(line.checkIn))),
                    .text(BeijingTime.timestamp(HomeCareOrderRecord.instant(line.checkOut))), .text(line.workerName),
                    .money(fen: line.chargedFen), .money(fen: line.subsidyFen), .money(fen: line.selfPaidFen),
                ]
            }
        }
        try await req.writer.transaction { _, audit in
            try await audit.record(
                "home_care.settlement.export", entity: "home_care_provider", id: provider.id.uuidString,
                region: user.region.value, after: ["month": month.description, "rows": "\(file.rows)"])
        }
        return try await FileDownload.send(
            req, path: file.path, name: "home-care-\(month)-\(provider.creditCode).xlsx", type: XLSXWriter.mediaType)
    }
}
