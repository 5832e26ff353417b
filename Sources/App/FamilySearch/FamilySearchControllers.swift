import Foundation
import MinzhengCore
import Vapor

/// The family-search API. Staff (`handleFamilySearch`): `POST /api/v1/family-search/matches`
/// (the matcher, storing nothing), `POST …/notices` (a notice, published and matched at once),
/// `GET …/queue` (proposed matches, best first), `POST …/matches/{id}` `{action: confirm|reject|
/// reunite, version, evidence?, reunitedOn?}`. A family (a signed-in resident): `POST …/reports`,
/// `GET …/reports` (its own), `GET …/reports/{id}` (its own with its matches; 404 otherwise).
struct FamilySearchAPIController: RouteCollection {
    struct Candidates: Content {
        let candidates: [FamilySearchCandidateJSON]
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.API.familySearchMatches.pattern) { req async throws -> Candidates in
            Candidates(
                candidates: try await req.familySearch.search(
                    try req.content.decode(FamilySearchInput.self), user: try req.user))
        }
        routes.post(Route.API.familySearchMatch.pattern) { req async throws -> FamilySearchStore.Match in
            try await req.familySearch.decide(
                req.parameters.get("id", as: UUID.self), try req.content.decode(FamilySearchService.Decision.self),
                user: try req.user)
        }
        routes.post(Route.API.familySearchNotices.pattern) { req async throws -> Response in
            let notice = try await req.familySearch.publishNotice(
                try req.content.decode(FamilySearchInput.self), user: try req.user)
            return try await notice.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.familySearchQueue.pattern) { req async throws -> [FamilySearchStore.Match] in
            try await req.familySearch.queue(user: try req.user)
        }
        routes.post(Route.API.familySearchReports.pattern) { req async throws -> Response in
            let report = try await req.familySearch.register(
                try req.content.decode(FamilySearchInput.self), user: try req.user)
            return try await report.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.familySearchReports.pattern) { req async throws -> [FamilySearchStore.Report] in
            try await req.familySearch.ownReports(user: try req.user)
        }
        routes.get(Route.API.familySearchReport.pattern) { req async throws -> FamilySearchService.ReportView in
            try await req.familySearch.ownReport(req.parameters.get("id", as: UUID.self), user: try req.user)
        }
    }
}

enum FamilySearchRoutes {
    static func register(api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: FamilySearchAPIController())
        try pages.register(collection: FamilySearchPublicPageController())
        try signedIn.register(collection: FamilySearchPageController())
    }
}
