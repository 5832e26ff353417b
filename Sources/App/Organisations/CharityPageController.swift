import Foundation
import MinzhengCore
import Vapor

/// The charity pages (phone-sized): `/charity` (the overview and what was given by month and
/// district), `/charity/needs` and `/charity/needs/{id}` (1798), `/charity/organisations` and
/// `/charity/organisations/{id}` (recognition, the qualification, filings), `/charity/awards`
/// and `/charity/awards/{id}` (the city charity award). A need is recorded on the household's page.
struct CharityPageController: RouteCollection {
    struct Choice: Encodable {
        let value: String
        let label: String
    }

    struct HomePage: Encodable {
        let layout: LayoutContext
        let canManage: Bool
        let totals: CharityNeedService.Totals
        let open: Int
        let matched: Int
    }

    struct NeedsPage: Encodable {
        let layout: LayoutContext
        let needs: [CharityNeedRecord]
        let total: Int
        let pager: Pager?
        let status: String
        let region: String
        let statuses: [Choice]
        let error: String?
    }

    struct NeedPage: Encodable {
        let layout: LayoutContext
        let need: CharityNeedRecord
        let donorName: String?
        let canManage: Bool
        let canMatch: Bool
        let canGive: Bool
        let canClose: Bool
        let canUnmatch: Bool
        let filings: [CharityFilingRecord]
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    struct OrganisationsPage: Encodable {
        let layout: LayoutContext
        let organisations: [CharitableOrganisationRecord]
        let total: Int
        let pager: Pager?
        let status: String
        let statuses: [Choice]
        let error: String?
        let errorField: String?
    }

    struct OrganisationPage: Encodable {
        let layout: LayoutContext
        let detail: CharityService.Detail
        let raised: String
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    struct AwardsPage: Encodable {
        let layout: LayoutContext
        let rounds: [CharityAwardRoundRecord]
        let year: Int
        let error: String?
        let errorField: String?
    }

    struct AwardPage: Encodable {
        let layout: LayoutContext
        let detail: CharityService.RoundDetail
        let nominating: Bool
        let publicity: Bool
        let kinds: [Choice]
        let done: Bool
        let error: String?
        let errorField: String?
    }

    struct NeedForm: Content {
        var householdId: UUID?
        var kind: String?
        var description: String?
        var estimatedYuan: String?
    }

    struct NeedActionForm: Content {
        var version: Int?
        var filingId: String?
        var donorName: String?
        var kind: String?
        var description: String?
        var valueYuan: String?
        var givenOn: String?
        var reason: String?
    }

    struct ApplyForm: Content {
        var creditCode: String?
    }

    struct OrganisationForm: Content {
        var version: Int?
        var recognised: String?
        var note: String?
        var on: String?
        var purpose: String?
        var startsOn: String?
        var endsOn: String?
        var targetYuan: String?
        var channels: String?
        var platform: String?
        var raisedYuan: String?
    }

    struct AwardForm: Content {
        var version: Int?
        var name: String?
        var year: Int?
        var categories: String?
        var category: String?
        var nomineeKind: String?
        var nomineeName: String?
        var deeds: String?
        var shortlisted: String?
        var note: String?
        var objection: String?
        var upheld: String?
        var resolution: String?
    }

    /// An amount typed in yuan, as fen (nil when empty); a bad one is refused naming `field`.
    static func fen(_ text: String?, field: String) throws -> Int64? {
        guard let text = text?.trimmedWhitespace, !text.isEmpty else { return nil }
        guard let fen = Fen(yuanText: text) else { throw Refusal.invalid(field, "金额应为元，最多两位小数") }
        return fen.value
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.charity.pattern) { req async throws -> View in
            let needs = try req.charityNeeds()
            let user = needs.user
            let one = try PageRequest(page: 1, perPage: 1)
            return try await req.view.render(
                "charity/home",
                HomePage(
                    layout: LayoutContext(request: req, title: "慈善", user: user),
                    canManage: user.role.may(.manageCharity), totals: try await needs.totals(year: req.today.year),
                    open: try await needs.list(.init(status: .open), page: one).total,
                    matched: try await needs.list(.init(status: .matched), page: one).total))
        }
        routes.get(Route.charityNeeds.pattern) { req async throws -> View in try await Self.needs(req, error: nil) }
        routes.post(Route.charityNeeds.pattern) { req async throws -> Response in
            let form = try req.content.decode(NeedForm.self)
            let user = try req.user
            do {
                let estimated = try Self.fen(form.estimatedYuan, field: "estimatedFen")
                let need = try await req.charityNeeds().create(
                    .init(
                        householdId: form.householdId, kind: form.kind, description: form.description,
                        estimatedFen: estimated))
                return req.redirect(to: Route.charityNeed.path(need.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                guard let id = form.householdId,
                    let household = try await req.registry.household(id: id, within: user.scope)
                else { throw error }
                return try await RegistryPageController.householdPage(
                    req, user: user, household: household, error: error, errorForm: "charity"
                ).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.charityNeed.pattern) { req async throws -> View in try await Self.need(req, error: nil) }
        routes.post(Route.charityNeedAction.pattern) { req async throws -> Response in
            let form = try req.content.decode(NeedActionForm.self)
            let id = req.parameters.get("id", as: UUID.self)
            do {
                let action = try CharityRoutes.action(req.parameters.get("action"))
                let need = try await req.charityNeeds().act(
                    id, action,
                    .init(
                        version: form.version,
                        filingId: form.filingId.flatMap { UUID(uuidString: $0.trimmedWhitespace) },
                        donorName: form.donorName?.trimmedWhitespace.isEmpty == false ? form.donorName : nil,
                        kind: form.kind, description: form.description,
                        valueFen: try Self.fen(form.valueYuan, field: "valueFen"), givenOn: form.givenOn,
                        reason: form.reason))
                return req.redirect(to: Route.charityNeed.path(need.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.need(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.charitableOrganisations.pattern) { req async throws -> View in
            try await Self.organisations(req, error: nil)
        }
        routes.post(Route.charitableOrganisations.pattern) { req async throws -> Response in
            let form = try req.content.decode(ApplyForm.self)
            do {
                let code = form.creditCode?.trimmedWhitespace.uppercased() ?? ""
                guard !code.isEmpty, let id = try await CharityStore(db: req.sql).organisation(creditCode: code) else {
                    throw Refusal.invalid("creditCode", "没有统一社会信用代码为 \(code) 的社会组织")
                }
                let applied = try await req.charity().apply(.init(organisationId: id))
                return req.redirect(to: Route.charitableOrganisation.path(applied.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.organisations(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.charitableOrganisation.pattern) { req async throws -> View in
            try await Self.organisation(req, error: nil)
        }
        routes.post(Route.charitableOrganisationAction.pattern) { req async throws -> Response in
            let form = try req.content.decode(OrganisationForm.self)
            let id = req.parameters.get("id", as: UUID.self)
            let charity = try req.charity()
            do {
                switch req.parameters.get("action") ?? "" {
                case "decision":
                    _ = try await charity.decide(
                        id,
                        .init(
                            recognised: form.recognised.map { $0 == "1" }, note: form.note, version: form.version))
                case "grant", "withdraw":
                    _ = try await charity.qualification(
                        id,
                        .init(
                            action: req.parameters.get("action"), on: form.on, note: form.note, version: form.version))
                case "filings":
                    _ = try await charity.file(
                        id,
                        .init(
                            purpose: form.purpose, startsOn: form.startsOn, endsOn: form.endsOn,
                            targetFen: try Self.fen(form.targetYuan, field: "targetFen"), channels: form.channels,
                            platform: form.platform))
                default: throw Refusal.notFound("页面")
                }
                return req.redirect(to: Route.charitableOrganisation.path(id ?? UUID()) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.organisation(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.charityFilingRaised.pattern) { req async throws -> Response in
            let form = try req.content.decode(OrganisationForm.self)
            let charity = try req.charity()
            let filing = try await charity.filing(req.parameters.get("id", as: UUID.self))
            do {
                _ = try await charity.reportRaised(
                    filing.id, .init(raisedFen: try Self.fen(form.raisedYuan, field: "raisedFen")))
                return req.redirect(to: Route.charitableOrganisation.path(filing.organisationId) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.organisation(req, id: filing.organisationId, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.charityAwards.pattern) { req async throws -> View in try await Self.awards(req, error: nil) }
        routes.post(Route.charityAwards.pattern) { req async throws -> Response in
            let form = try req.content.decode(AwardForm.self)
            do {
                let round = try await req.charity().createRound(
                    .init(
                        name: form.name, year: form.year,
                        categories: (form.categories ?? "").split(whereSeparator: { "\n,，、".contains($0) }).map(
                            String.init)))
                return req.redirect(to: Route.charityAward.path(round.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.awards(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.charityAward.pattern) { req async throws -> View in try await Self.award(req, error: nil) }
        routes.post(Route.charityAwardAction.pattern) { req async throws -> Response in
            let form = try req.content.decode(AwardForm.self)
            let id = req.parameters.get("id", as: UUID.self)
            let charity = try req.charity()
            do {
                switch req.parameters.get("action") ?? "" {
                case "nominations":
                    _ = try await charity.nominate(
                        id,
                        .init(
                            category: form.category, nomineeKind: form.nomineeKind, nomineeName: form.nomineeName,
                            deeds: form.deeds))
                case "publicity": _ = try await charity.publicise(id, version: form.version)
                case "award": _ = try await charity.award(id, version: form.version)
                default: throw Refusal.notFound("页面")
                }
                return req.redirect(to: Route.charityAward.path(id ?? UUID()) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.award(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.charityNominationAction.pattern) { req async throws -> Response in
            let form = try req.content.decode(AwardForm.self)
            let charity = try req.charity()
            guard let id = req.parameters.get("id", as: UUID.self),
                let nomination = try await charity.store.nomination(id)
            else { throw Refusal.notFound("慈善奖提名") }
            do {
                switch req.parameters.get("action") ?? "" {
                case "review":
                    _ = try await charity.review(
                        id, .init(shortlisted: form.shortlisted.map { $0 == "1" }, note: form.note))
                case "objections": _ = try await charity.object(id, .init(objection: form.objection))
                default: throw Refusal.notFound("页面")
                }
                return req.redirect(to: Route.charityAward.path(nomination.roundId) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.award(req, id: nomination.roundId, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.post(Route.charityObjectionResolution.pattern) { req async throws -> Response in
            let form = try req.content.decode(AwardForm.self)
            let charity = try req.charity()
            guard let id = req.parameters.get("id", as: UUID.self),
                let objection = try await charity.store.objection(id)
            else { throw Refusal.notFound("异议") }
            do {
                _ = try await charity.resolve(
                    id, .init(upheld: form.upheld.map { $0 == "1" }, resolution: form.resolution))
                return req.redirect(to: Route.charityAward.path(objection.roundId) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.award(req, id: objection.roundId, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
    }

    static func needs(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.charityNeeds()
        let status = req.query[String.self, at: "status"] ?? ""
        let region = req.query[String.self, at: "region"] ?? ""
        let page = try await service.list(
            try CharityRoutes.needQuery(req, status: status, region: region, household: nil),
            page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        return try await req.view.render(
            "charity/needs",
            NeedsPage(
                layout: LayoutContext(request: req, title: "1798 一起救吧", user: service.user), needs: page.items,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(
                        path: Route.charityNeeds.path, filters: ["status": status, "region": region], result: page)
                    : nil, status: status, region: region,
                statuses: CharityNeedState.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                error: error?.message))
    }

    static func need(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.charityNeeds()
        let detail = try await service.detail(req.parameters.get("id", as: UUID.self))
        let state = CharityNeedState(rawValue: detail.need.status) ?? .closed
        let manage = service.user.role.may(.manageCharity)
        let filings =
            manage && state == .open
            ? try await req.charity().filings(current: true, page: try PageRequest(page: 1, perPage: 200)).items : []
        return try await req.view.render(
            "charity/need",
            NeedPage(
                layout: LayoutContext(request: req, title: "帮扶需求", user: service.user), need: detail.need,
                donorName: detail.donorName, canManage: manage, canMatch: manage && state.after(.match) != nil,
                canGive: state.after(.give) != nil, canClose: manage && state.after(.close) != nil,
                canUnmatch: manage && state.after(.unmatch) != nil, filings: filings,
                today: req.today.description, done: req.query[String.self, at: "done"] != nil,
                error: error?.message, errorField: error?.field))
    }

    static func organisations(_ req: Request, error: Refusal?) async throws -> View {
        let charity = try req.charity()
        let status = req.query[String.self, at: "status"] ?? ""
        let page = try await charity.list(
            status: status.isEmpty ? nil : status,
            page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        return try await req.view.render(
            "charity/organisations",
            OrganisationsPage(
                layout: LayoutContext(request: req, title: "慈善组织", user: charity.user),
                organisations: page.items, total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.charitableOrganisations.path, filters: ["status": status], result: page)
                    : nil, status: status,
                statuses: ["applied", "recognised", "refused"].map {
                    Choice(value: $0, label: CharityStore.statusName($0))
                }, error: error?.message, errorField: error?.field))
    }

    static func organisation(_ req: Request, id: UUID? = nil, error: Refusal?) async throws -> View {
        let charity = try req.charity()
        let detail = try await charity.detail(id ?? req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "charity/organisation",
            OrganisationPage(
                layout: LayoutContext(request: req, title: detail.organisation.name, user: charity.user),
                detail: detail, raised: Fen(detail.raisedFen).formatted, today: req.today.description,
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }

    static func awards(_ req: Request, error: Refusal?) async throws -> View {
        let charity = try req.charity()
        return try await req.view.render(
            "charity/awards",
            AwardsPage(
                layout: LayoutContext(request: req, title: "慈善奖", user: charity.user),
                rounds: try await charity.rounds(), year: req.today.year, error: error?.message,
                errorField: error?.field))
    }

    static func award(_ req: Request, id: UUID? = nil, error: Refusal?) async throws -> View {
        let charity = try req.charity()
        let detail = try await charity.roundDetail(id ?? req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "charity/award",
            AwardPage(
                layout: LayoutContext(request: req, title: detail.round.name, user: charity.user), detail: detail,
                nominating: detail.round.stage == CharityAwardStage.nominating.rawValue,
                publicity: detail.round.stage == CharityAwardStage.publicity.rawValue,
                kinds: CharityNomineeKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }
}

extension CharityStore {
    /// The registry's organisation with this credit code (the clerk's entry form).
    func organisation(creditCode: String) async throws -> UUID? {
        try await db.raw("SELECT id FROM organisations WHERE credit_code = \(bind: creditCode)").first()?
            .decode(column: "id", as: UUID.self)
    }
}
