import Foundation
import MinzhengCore
import Vapor

/// Home care through the API (`/api/v1/home-care`): providers and their workers, orders and
/// their steps, a person's entitlement, and the month's settlement by provider.
struct HomeCareAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.homeCareProviders.pattern, use: providers)
        routes.post(Route.API.homeCareProviders.pattern, use: addProvider)
        routes.get(Route.API.homeCareWorkers.pattern, use: workers)
        routes.post(Route.API.homeCareWorkers.pattern, use: addWorker)
        routes.get(Route.API.homeCareOrders.pattern, use: orders)
        routes.post(Route.API.homeCareOrders.pattern, use: request)
        routes.get(Route.API.homeCareOrder.pattern, use: order)
        routes.post(Route.API.homeCareOrderStep.pattern, use: step)
        routes.get(Route.API.homeCareEntitlement.pattern, use: entitlement)
        routes.get(Route.API.homeCareSettlement.pattern, use: settlement)
    }

    static func staff(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.handleHomeCare)
        return user
    }

    func providers(req: Request) async throws -> [HomeCareProvider] {
        try await HomeCareStore(db: req.sql).providers(around: try Self.staff(req).region)
    }

    func addProvider(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let id = try await req.homeCare.addProvider(
            try req.content.decode(HomeCareOrderService.NewProvider.self), by: user)
        return try await req.homeCare.provider(id, for: user).encodeResponse(status: .created, for: req)
    }

    func workers(req: Request) async throws -> [HomeCareWorker] {
        let user = try Self.staff(req)
        let provider = try await req.homeCare.provider(try req.parameters.require("id", as: UUID.self), for: user)
        return try await HomeCareStore(db: req.sql).workers(provider: provider.id)
    }

    struct NewWorker: Content { var name: String? }

    func addWorker(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let provider = try req.parameters.require("id", as: UUID.self)
        let id = try await req.homeCare.addWorker(
            provider: provider, name: try req.content.decode(NewWorker.self).name, by: user)
        guard let worker = try await HomeCareStore(db: req.sql).worker(id: id) else { throw Refusal.notFound("服务人员") }
        return try await worker.encodeResponse(status: .created, for: req)
    }

    func orders(req: Request) async throws -> Page<HomeCareOrderRecord> {
        let user = try Self.staff(req)
        let query = try req.query.decode(HomeCareOrderQuery.self)
        return try await HomeCareStore(db: req.sql).orders(
            within: user.scope, matching: try query.filter(),
            page: try PageRequest(page: query.page, perPage: query.perPage))
    }

    func request(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let id = try await req.homeCare.request(try req.content.decode(HomeCareOrderService.NewOrder.self), by: user)
        return try await req.homeCare.order(id, for: user).encodeResponse(status: .created, for: req)
    }

    func order(req: Request) async throws -> HomeCareOrderRecord {
        try await req.homeCare.order(try req.parameters.require("id", as: UUID.self), for: try Self.staff(req))
    }

    /// `POST …/orders/:id/:action` with `action` one of assign, checkIn, checkOut, confirm,
    /// cancel, or clear (releasing a flagged visit into the settlement).
    func step(req: Request) async throws -> HomeCareOrderRecord {
        let user = try Self.staff(req)
        let id = try req.parameters.require("id", as: UUID.self)
        let name = req.parameters.get("action") ?? ""
        let step = try req.content.decode(HomeCareOrderService.Step.self)
        if name == "clear" { return try await req.homeCare.clear(id, version: step.version, note: step.note, by: user) }
        guard let action = HomeCareOrderState.Action(rawValue: name) else { throw Refusal.notFound("操作") }
        return try await req.homeCare.act(action, on: id, step, by: user)
    }

    struct EntitlementAnswer: Content {
        let personId: UUID
        let month: String
        let group: String?
        let groupLabel: String?
        let monthlyFen: Int64
        /// True when the amount is the one recorded with the month's first visit.
        let recorded: Bool
    }

    func entitlement(req: Request) async throws -> EntitlementAnswer {
        let user = try Self.staff(req)
        let person = try req.parameters.require("id", as: UUID.self)
        let month = try HomeCareOrderQuery.month(req.query[String.self, at: "month"]) ?? req.today.yearMonth
        guard let region = try await HomeCareEntitlementStore(db: req.sql).region(person: person),
            RegionCode(region).map(user.region.contains) == true
        else { throw Refusal.notFound("服务对象") }
        if let stored = try await HomeCareEntitlementStore(db: req.sql).recorded(person: person, month: month) {
            return EntitlementAnswer(
                personId: person, month: month.description, group: stored.group,
                groupLabel: stored.group.flatMap(HomeCareEntitlement.Group.init)?.label,
                monthlyFen: stored.monthly.value,
                recorded: true)
        }
        let parameters = try await req.homeCare.parameters(region: region, month: month)
        let now = try await req.homeCare.entitlement(person: person, month: month, parameters: parameters)
        return EntitlementAnswer(
            personId: person, month: month.description, group: now?.group.rawValue, groupLabel: now?.group.label,
            monthlyFen: now?.monthly.value ?? 0, recorded: false)
    }

    func settlement(req: Request) async throws -> HomeCareSettlementStore.Settlement {
        let user = try req.user
        try user.require(.managePayroll)
        let month = try HomeCareOrderQuery.month(req.query[String.self, at: "month"]) ?? req.today.yearMonth
        return try await HomeCareSettlementStore(db: req.sql).settlement(month: month, within: user.scope)
    }
}
