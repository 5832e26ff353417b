import MinzhengCore
import Vapor

/// A person's page (一人一档): the registry facts with the ID number masked, and the
/// person's file (`PersonFile`). The full ID number appears only after "显示完整号码", a
/// POST with the form's CSRF token, for roles that may see it; that reveal, not the page
/// view, is the audited `person.viewIdentity`.
struct PersonPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.person.pattern, use: show)
        routes.post(Route.personReveal.pattern, use: reveal)
    }

    func show(req: Request) async throws -> View {
        try await render(req, reveal: false)
    }

    func reveal(req: Request) async throws -> Response {
        try req.user.require(.viewFullIdentity)
        let response = try await render(req, reveal: true).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func render(_ req: Request, reveal: Bool) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let person = try await req.registry.person(id: id, within: user.scope, revealIdentity: reveal)
        else {
            throw Refusal.notFound("人员")
        }
        if reveal { try await Self.recordIdentityView(req, person: person) }
        try await req.personalInformation.recordView(of: person.id, by: user, channel: reveal ? .identity : .page)
        let regions = req.platform.regions
        let name = { (code: String) in RegionCode(code).map(regions.fullName) ?? code }
        return try await req.view.render(
            "registry/person",
            PersonPage(
                layout: LayoutContext(request: req, title: person.name, user: user), person: person,
                regionName: name(person.region),
                history: person.history.map {
                    HistoryRow(
                        householdId: $0.householdId, address: $0.address, regionName: name($0.region),
                        relation: $0.relation, joinedAt: $0.joinedAt, leftAt: $0.leftAt)
                },
                file: try await PersonFile.gather(req, person: person, user: user),
                canReveal: !reveal && user.role.may(.viewFullIdentity),
                sexName: Sex(rawValue: person.sex)?.chinese ?? person.sex,
                hukouName: Hukou(rawValue: person.hukou)?.chinese ?? person.hukou,
                disabilityKindName: person.disabilityKind.flatMap { DisabilityKind(rawValue: $0)?.chinese },
                selfCareName: SelfCare(rawValue: person.selfCare)?.chinese ?? person.selfCare,
                laborCapacityName: LaborCapacity(rawValue: person.laborCapacity)?.chinese ?? person.laborCapacity,
                ability: try await AbilityViews.personSection(req: req, user: user, person: person),
                notice: req.query[String.self, at: "saved"] == "1" ? "已保存" : nil))
    }

    /// The full ID number is on screen: who looked, at whom, is one audit event.
    static func recordIdentityView(_ req: Request, person: PersonDetail) async throws {
        _ = try await req.auditedTransaction { _, audit in
            try await audit.record(
                "person.viewIdentity", entity: "person", id: person.id.uuidString, region: person.region)
        }
    }
}
