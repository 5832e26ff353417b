import Foundation
import MinzhengCore
import Vapor

/// The charity division's API: `GET|POST /api/v1/charitable-organisations`, `GET …/{id}`,
/// `POST …/{id}/decision`, `POST …/{id}/qualification`, `POST …/{id}/filings`,
/// `GET /api/v1/charity-filings`, `GET …/{id}`, `POST …/{id}/raised`,
/// `GET|POST /api/v1/charity-awards`, `GET …/{id}`, `POST …/{id}/nominations|publicity|award`,
/// `POST /api/v1/charity-nominations/{id}/review|objections`,
/// `POST /api/v1/charity-objections/{id}/resolution`, `GET|POST /api/v1/charity-needs`,
/// `GET …/{id}`, `POST …/{id}/{match|unmatch|give|close}`, `GET /api/v1/charity-totals`,
/// `GET /api/v1/households/{id}/charity-assistance`.
struct CharityAPIController: RouteCollection {
    struct NeedListQuery: Content {
        var status: String?
        var region: String?
        var householdId: UUID?
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.charitableOrganisations.pattern) {
            req async throws -> Page<CharitableOrganisationRecord> in
            try await req.charity().list(
                status: req.query[String.self, at: "status"],
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.post(Route.API.charitableOrganisations.pattern) { req async throws -> Response in
            try await req.charity().apply(try req.content.decode(CharityService.ApplyInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.charitableOrganisation.pattern) { req async throws -> CharityService.Detail in
            try await req.charity().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.charitableDecision.pattern) { req async throws -> CharitableOrganisationRecord in
            try await req.charity().decide(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.DecisionInput.self))
        }
        routes.post(Route.API.charitableQualification.pattern) { req async throws -> CharitableOrganisationRecord in
            try await req.charity().qualification(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.QualificationInput.self))
        }
        routes.post(Route.API.charitableFilings.pattern) { req async throws -> Response in
            try await req.charity().file(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.FilingInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.charityFilings.pattern) { req async throws -> Page<CharityFilingRecord> in
            try await req.charity().filings(
                current: req.query[String.self, at: "current"] == "1",
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.get(Route.API.charityFiling.pattern) { req async throws -> CharityFilingRecord in
            try await req.charity().filing(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.charityFilingRaised.pattern) { req async throws -> CharityFilingRecord in
            try await req.charity().reportRaised(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.RaisedInput.self))
        }
        routes.get(Route.API.charityAwards.pattern) { req async throws -> [CharityAwardRoundRecord] in
            try await req.charity().rounds()
        }
        routes.post(Route.API.charityAwards.pattern) { req async throws -> Response in
            try await req.charity().createRound(try req.content.decode(CharityService.RoundInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.charityAward.pattern) { req async throws -> CharityService.RoundDetail in
            try await req.charity().roundDetail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.charityNominations.pattern) { req async throws -> Response in
            try await req.charity().nominate(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.NominationInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.charityPublicity.pattern) { req async throws -> CharityService.RoundDetail in
            try await req.charity().publicise(
                req.parameters.get("id", as: UUID.self),
                version: try req.content.decode(RatingService.VersionInput.self).version)
        }
        routes.post(Route.API.charityAwarding.pattern) { req async throws -> CharityService.RoundDetail in
            try await req.charity().award(
                req.parameters.get("id", as: UUID.self),
                version: try req.content.decode(RatingService.VersionInput.self).version)
        }
        routes.post(Route.API.charityReview.pattern) { req async throws -> CharityNominationRecord in
            try await req.charity().review(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.ReviewInput.self))
        }
        routes.post(Route.API.charityObjections.pattern) { req async throws -> Response in
            try await req.charity().object(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.ObjectionInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.charityResolution.pattern) { req async throws -> CharityObjectionRecord in
            try await req.charity().resolve(
                req.parameters.get("id", as: UUID.self), try req.content.decode(CharityService.ResolutionInput.self))
        }
        routes.get(Route.API.charityNeeds.pattern) { req async throws -> Page<CharityNeedRecord> in
            let q = try req.query.decode(NeedListQuery.self)
            return try await req.charityNeeds().list(
                try CharityRoutes.needQuery(req, status: q.status, region: q.region, household: q.householdId),
                page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.charityNeeds.pattern) { req async throws -> Response in
            try await req.charityNeeds().create(try req.content.decode(CharityNeedService.NeedInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.charityNeed.pattern) { req async throws -> CharityNeedService.Detail in
            try await req.charityNeeds().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.charityNeedAction.pattern) { req async throws -> CharityNeedRecord in
            try await req.charityNeeds().act(
                req.parameters.get("id", as: UUID.self), try CharityRoutes.action(req.parameters.get("action")),
                try req.content.decode(CharityNeedService.ActionInput.self))
        }
        routes.get(Route.API.charityTotals.pattern) { req async throws -> CharityNeedService.Totals in
            try await req.charityNeeds().totals(year: try CharityRoutes.year(req))
        }
        routes.get(Route.API.householdCharity.pattern) { req async throws -> CharityNeedService.HouseholdAssistance in
            try await req.charityNeeds().household(req.parameters.get("id", as: UUID.self))
        }
    }
}

enum CharityRoutes {
    static func action(_ text: String?) throws -> CharityNeedState.Action {
        guard let action = text.flatMap(CharityNeedState.Action.init(rawValue:)) else {
            throw Refusal.invalid("action", "操作应为 match、unmatch、give 或 close")
        }
        return action
    }

    /// `?year=YYYY` (every year when absent), from 2021 to this year.
    static func year(_ req: Request) throws -> Int? {
        guard let text = req.query[String.self, at: "year"], !text.isEmpty else { return nil }
        guard let year = Int(text), (2021...req.today.year).contains(year) else {
            throw Refusal.invalid("year", "年度应为 2021–\(req.today.year)")
        }
        return year
    }

    /// A list's filters: a state of `CharityNeedState`, a region by code or name within the user's.
    static func needQuery(
        _ req: Request, status: String?, region: String?, household: UUID?
    ) throws -> CharityStore.NeedQuery {
        var q = CharityStore.NeedQuery(household: household)
        if let status, !status.isEmpty {
            guard let state = CharityNeedState(rawValue: status) else {
                throw Refusal.invalid("status", "状态应为 open、matched、given 或 closed")
            }
            q.status = state
        }
        if let code = try RegistryInput.regionFilter(region, table: req.platform.regions) {
            q.region = RegionScope(code)
        }
        return q
    }
}
