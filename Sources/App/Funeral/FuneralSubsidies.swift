import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The street's decisions on the subsidies proposed after a death (`funeral_subsidies`): the
/// queue of its region, and approve or refuse with a reason, one audited transaction each.
/// Shared by the API and the page (`Request.funeralSubsidies()`), like `EnrollmentReviews`.
struct FuneralSubsidies {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let user: CurrentUser

    init(db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, user: CurrentUser) throws {
        try user.require(.confirmBenefitChanges)
        (self.db, self.writer, self.clock, self.user) = (db, writer, clock, user)
    }

    struct Decision: Content {
        var action: String?
        var version: Int?
        var note: String?
    }

    func list(status: String?, page: PageRequest) async throws -> Page<FuneralSubsidyStore.Subsidy> {
        guard let status = FuneralSubsidyStatus(rawValue: status ?? FuneralSubsidyStatus.open.rawValue) else {
            throw Refusal.invalid("status", "状态应为 open、approved 或 refused")
        }
        return try await FuneralSubsidyStore(db: db).list(within: user.scope, status: status, page: page)
    }

    func find(_ id: UUID?) async throws -> FuneralSubsidyStore.Subsidy {
        guard let id, let found = try await FuneralSubsidyStore(db: db).subsidy(id: id, within: user.scope) else {
            throw Refusal.notFound("殡葬补贴")
        }
        return found
    }

    func decide(_ id: UUID?, _ decision: Decision) async throws -> FuneralSubsidyStore.Subsidy {
        let subsidy = try await find(id)
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(decision.note, field: "note", label: "说明")
        }
        let status = try FuneralSubsidyRules.decide(
            FuneralSubsidyStatus(rawValue: subsidy.status) ?? .open, action: decision.action, note: note
        ).get()
        guard let version = decision.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == subsidy.version else { throw Refusal.staleVersion(current: subsidy.version) }
        let (name, now) = (user.displayName, clock.now)
        try await writer.transaction { tx, audit in
            guard
                try await FuneralSubsidyStore(db: tx).decide(
                    id: subsidy.id, version: version, status: status, by: name, note: note, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                status == .approved ? "funeral.subsidy.approve" : "funeral.subsidy.refuse",
                entity: "funeral_subsidy", id: subsidy.id.uuidString, region: subsidy.region,
                before: ["status": subsidy.status],
                after: [
                    "status": status.rawValue, "kind": subsidy.kind, "deceased": subsidy.idMasked,
                    "amountFen": "\(subsidy.amountFen)", "note": note ?? "",
                ])
        }
        return try await find(subsidy.id)
    }
}

extension Request {
    /// The signed-in user's subsidy decisions; refused without the permission.
    func funeralSubsidies() throws -> FuneralSubsidies {
        try FuneralSubsidies(db: sql, writer: writer, clock: platform.clock, user: try user)
    }
}

/// `GET /api/v1/funeral-subsidies?status=` (the region's proposals, oldest first; open by
/// default), `GET /api/v1/funeral-subsidies/{id}`, `POST /api/v1/funeral-subsidies/{id}`
/// `{action: approve|refuse, version, note?}`.
struct FuneralSubsidyAPIController: RouteCollection {
    struct ListQuery: Content {
        var status: String?
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.funeralSubsidies.pattern) { req async throws -> Page<FuneralSubsidyStore.Subsidy> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.funeralSubsidies().list(
                status: q.status, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.get(Route.API.funeralSubsidy.pattern) { req async throws -> FuneralSubsidyStore.Subsidy in
            try await req.funeralSubsidies().find(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.funeralSubsidy.pattern) { req async throws -> FuneralSubsidyStore.Subsidy in
            try await req.funeralSubsidies().decide(
                req.parameters.get("id", as: UUID.self), try req.content.decode(FuneralSubsidies.Decision.self))
        }
    }
}

/// 殡葬补贴审核 (`/funeral-subsidies`): the street's proposals, each with the deceased, the
/// basis and the amount, and a form to approve or refuse with a reason; `?status=` shows the
/// approved or refused ones. The same decisions as the API's.
struct FuneralSubsidyPageController: RouteCollection {

    struct DecisionForm: Content {
        var action: String?
        var version: Int?
        var note: String?
    }

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let subsidies: [FuneralSubsidyStore.Subsidy]
        let total: Int
        let status: String
        let pager: Pager?
        let done: String?
        let error: String?
        let errorSubsidy: UUID?
        let errorField: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.funeralSubsidies.pattern) { req async throws -> View in
            try await Self.render(req, try req.funeralSubsidies(), error: nil, subsidy: nil)
        }
        routes.post(Route.funeralSubsidy.pattern, use: Self.decide)
    }

    static func decide(req: Request) async throws -> Response {
        let subsidies = try req.funeralSubsidies()
        let form = try req.content.decode(DecisionForm.self)
        let id = req.parameters.get("id", as: UUID.self)
        do {
            let decided = try await subsidies.decide(
                id, FuneralSubsidies.Decision(action: form.action, version: form.version, note: form.note))
            return req.redirect(to: Route.funeralSubsidies.path + "?done=\(decided.status)")
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, subsidies, error: error, subsidy: id).encodeResponse(
                status: error.status, for: req)
        }
    }

    static func render(
        _ req: Request, _ subsidies: FuneralSubsidies, error: Refusal?, subsidy: UUID?
    ) async throws -> View {
        let status = req.query[String.self, at: "status"] ?? FuneralSubsidyStatus.open.rawValue
        let page = try await subsidies.list(
            status: status, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        let done = req.query[String.self, at: "done"].flatMap {
            ["approved": "已批准。", "refused": "已不予批准，家属可在“身后一件事”看到理由。"][$0]
        }
        return try await req.view.render(
            "funeral/subsidies",
            QueuePage(
                layout: LayoutContext(request: req, title: "殡葬补贴审核", user: subsidies.user),
                subsidies: page.items, total: page.total, status: status,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.funeralSubsidies.path, filters: ["status": status], result: page) : nil,
                done: done, error: error?.message, errorSubsidy: subsidy, errorField: error?.field))
    }
}
