import MinzhengCore
import Vapor

/// The ability assessment's pages: the form that records one for a person, its result, and
/// the persons due for reassessment.
struct AbilityPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.personAbilityAssessmentNew.pattern, use: new)
        routes.post(Route.personAbilityAssessments.pattern, use: create)
        routes.get(Route.abilityAssessmentsDue.pattern, use: due)
        routes.get(Route.abilityAssessment.pattern, use: show)
    }

    func new(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.assessAbility)
        let person = try await req.abilityAssessments.person(try AbilityAPIController.personID(req), for: user)
        let latest = try await AbilityAssessmentStore(db: req.sql, cipher: req.platform.cipher).latestDate(
            person: person.id)
        let form = AbilityViews.Form(
            assessedOn: req.today.description,
            reason: (latest == nil ? AbilityAssessmentReason.initial : .yearly).rawValue,
            assessor1: user.displayName, assessor2: "", coma: false, diagnoses: "", riskEvents30Days: "0", items: [:])
        return try await req.view.render(
            "elderly/ability-form", AbilityViews.formPage(req: req, user: user, person: person, form: form, error: nil))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.assessAbility)
        let service = req.abilityAssessments
        let person = try await service.person(try AbilityAPIController.personID(req), for: user)
        let posted = try req.content.decode([String: String].self)
        let form = AbilityViews.Form(
            assessedOn: posted["assessedOn"] ?? "", reason: posted["reason"] ?? "",
            assessor1: posted["assessor1"] ?? "", assessor2: posted["assessor2"] ?? "", coma: posted["coma"] == "1",
            diagnoses: posted["diagnoses"] ?? "", riskEvents30Days: posted["riskEvents30Days"] ?? "",
            items: posted.filter { AbilityItem(rawValue: $0.key) != nil })
        do {
            let id = try await service.record(try AbilityViews.draft(from: form), person: person.id, by: user)
            return req.redirect(to: Route.abilityAssessment.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await req.view.render(
                "elderly/ability-form",
                AbilityViews.formPage(req: req, user: user, person: person, form: form, error: error)
            ).encodeResponse(status: error.status, for: req)
        }
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        let service = req.abilityAssessments
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("能力评估") }
        let record = try await service.assessment(id, for: user)
        let person = try await service.person(record.personId, for: user)
        // The mapping to self-care in force when the assessment was made.
        let history = try await req.policy.history()
        let parameters = CivilDate(record.assessedOn).flatMap { day in
            try? history.parameters(for: person.region, month: day.yearMonth)
        }
        return try await req.view.render(
            "elderly/ability-result",
            AbilityViews.resultPage(req: req, user: user, person: person, record: record, parameters: parameters))
    }

    func due(req: Request) async throws -> View {
        let user = try req.user
        let rows = try await req.abilityAssessments.due(for: user)
        let regions = req.platform.regions
        return try await req.view.render(
            "elderly/ability-due",
            AbilityViews.DuePage(
                layout: LayoutContext(request: req, title: "能力评估到期复评", user: user),
                rows: rows.map {
                    AbilityViews.DueRow(
                        row: $0, regionName: RegionCode($0.region).map(regions.fullName) ?? $0.region,
                        levelName: AbilityLevel(rawValue: $0.finalLevel)?.chinese ?? "")
                },
                horizon: AbilityReassessment.horizon(today: req.today).description,
                horizonDays: AbilityReassessment.horizonDays))
    }
}
