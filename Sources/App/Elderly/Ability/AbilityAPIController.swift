import MinzhengCore
import Vapor

/// The ability assessment's API: the scoring contract (`POST /api/v1/ability-scores`, staff,
/// stores nothing), a person's assessments (record and list) and the due list.
struct AbilityAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(.POST, Route.API.abilityScores.pattern, body: .collect(maxSize: "64kb"), use: score)
        routes.on(.POST, Route.API.personAbilityAssessments.pattern, body: .collect(maxSize: "64kb"), use: record)
        routes.get(Route.API.personAbilityAssessments.pattern, use: list)
        routes.get(Route.API.abilityAssessmentsDue.pattern, use: due)
    }

    func score(req: Request) async throws -> Response {
        try req.user.require(.scoreAbility)
        return .contractAnswer(try AbilityScoring.score(jsonData: try req.contractBody(), prettyPrinted: false))
    }

    func record(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.assessAbility)
        let person = try Self.personID(req)
        let draft = try AbilityAssessmentDraft(jsonData: try req.contractBody())
        let service = req.abilityAssessments
        let id = try await service.record(draft, person: person, by: user)
        return try await service.assessment(id, for: user).encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [AbilityAssessmentRecord] {
        try await req.abilityAssessments.assessments(of: try Self.personID(req), for: try req.user)
    }

    func due(req: Request) async throws -> [AbilityDueRow] {
        try await req.abilityAssessments.due(for: try req.user)
    }

    static func personID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("人员") }
        return id
    }
}

/// The ability assessment's routes: the API (bearer tokens) and the pages (session).
enum AbilityRoutes {
    static func register(api: RoutesBuilder, pages: RoutesBuilder) throws {
        try api.register(collection: AbilityAPIController())
        try pages.register(collection: AbilityPageController())
    }
}
