import MinzhengCore
import Vapor

/// The household page's member forms: register a new member (a newborn, a spouse marrying
/// in), or move in a person already registered, found by ID number (the old membership is
/// kept as history). A refused form comes back with what was typed and the field named.
struct HouseholdMembersPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.householdMembers.pattern, use: addMember)
        routes.post(Route.householdMoveIn.pattern, use: moveIn)
    }

    struct MemberForm: Content {
        var relation: String?
        var name: String?
        var idNumber: String?
        var phone: String?
        var hukou: String?
    }

    struct MoveInForm: Content {
        var relation: String?
        var idNumber: String?
    }

    func addMember(req: Request) async throws -> Response {
        let (user, household) = try await Self.editableHousehold(req)
        let form = try req.content.decode(MemberForm.self)
        do {
            let relation = try RegistryInput.relation(form.relation, field: "relation")
            let draft = try RegistryInput.check { () throws(FieldProblem) in
                try PersonFields(name: form.name, idNumber: form.idNumber, phone: form.phone, hukou: form.hukou)
                    .validated(today: req.today)
            }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit).addNewMember(draft, relation: relation, to: household)
            }
            return req.redirect(to: Route.household.path(household.id) + "?added=1")
        } catch let error as Refusal {
            return try await RegistryPageController.householdPage(
                req, user: user, household: household, member: form,
                error: error, errorForm: "member"
            )
            .encodeResponse(status: error.status, for: req)
        }
    }

    func moveIn(req: Request) async throws -> Response {
        let (user, household) = try await Self.editableHousehold(req)
        let form = try req.content.decode(MoveInForm.self)
        do {
            let relation = try RegistryInput.relation(form.relation, field: "relation")
            let idNumber = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.residentID(form.idNumber, today: req.today, field: "idNumber")
            }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit).moveIn(
                    idNumber: idNumber, toHousehold: household.id, relation: relation, within: user.scope)
            }
            return req.redirect(to: Route.household.path(household.id) + "?moved=1")
        } catch let error as Refusal {
            return try await RegistryPageController.householdPage(
                req, user: user, household: household, moveIn: form,
                error: error, errorForm: "moveIn"
            )
            .encodeResponse(status: error.status, for: req)
        }
    }

    /// The household of the path, if the user may edit the registry and the household is in its region.
    private static func editableHousehold(_ req: Request) async throws -> (CurrentUser, HouseholdDetail) {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let household = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        return (user, household)
    }
}
