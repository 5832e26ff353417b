import SQLKit
import MinzhengCore
import Vapor

/// `/api/v1/households` and `/api/v1/persons`. ID numbers travel only in bodies, never in URLs.
struct RegistryAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.households.pattern, use: listHouseholds)
        routes.post(Route.API.households.pattern, use: createHousehold)
        routes.get(Route.API.household.pattern, use: showHousehold)
        routes.patch(Route.API.household.pattern, use: updateHousehold)
        routes.post(Route.API.householdMembers.pattern, use: addMember)
        routes.get(Route.API.persons.pattern, use: listPersons)
        routes.post(Route.API.personSearch.pattern, use: searchPersons)
        routes.get(Route.API.person.pattern, use: showPerson)
        routes.patch(Route.API.person.pattern, use: updatePerson)
    }

    // MARK: households

    struct HouseholdListQuery: Content {
        let region: String?
        let address: String?
        let sort: String?
        let page: Int?
        let perPage: Int?
        /// The row the page starts after or before (`Page.next`, `Page.previous`).
        let after: String?
        let before: String?
    }

    func listHouseholds(req: Request) async throws -> Page<HouseholdSummary> {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(HouseholdListQuery.self)
        let query = try RegistryInput.householdQuery(
            region: q.region, address: q.address, sort: q.sort, table: req.platform.regions)
        return try await req.registry.households(
            within: user.scope, matching: query,
            page: try PageRequest(page: q.page, perPage: q.perPage, after: q.after, before: q.before))
    }

    struct NewHousehold: Content {
        let region: String?
        let address: String?
        let members: [RegistryInput.MemberJSON]?
    }

    func createHousehold(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        let body = try req.content.decode(NewHousehold.self)
        let today = req.today
        let region = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.householdRegion(body.region, table: req.platform.regions)
        }
        try user.requireWithin(region, what: "区划")
        let address = try RegistryInput.check { () throws(FieldProblem) in try RegistryValidation.address(body.address)
        }
        let members = try (body.members ?? []).enumerated().map { i, m in
            try RegistryInput.member(m, today: today, prefix: "members[\(i)].")
        }
        let id = try await req.auditedTransaction { tx, audit in
            try await req.registryWriter(tx, audit)
                .createHousehold(region: region, address: address, members: members)
        }
        guard let detail = try await req.registry.household(id: id, within: user.scope) else {
            throw Refusal.notFound("家庭")
        }
        return try await detail.encodeResponse(status: HTTPResponseStatus.created, for: req)
    }

    func showHousehold(req: Request) async throws -> HouseholdDetail {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let detail = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        return detail
    }

    struct HouseholdChange: Content {
        let version: Int?
        let region: String?
        let address: String?
    }

    func updateHousehold(req: Request) async throws -> HouseholdDetail {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let current = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        let change = try req.content.decode(HouseholdChange.self)
        guard let version = change.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        let region = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.householdRegion(change.region ?? current.region, table: req.platform.regions)
        }
        try user.requireWithin(region, what: "区划")
        let address = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.address(change.address ?? current.address)
        }
        try await req.auditedTransaction { tx, audit in
            try await req.registryWriter(tx, audit)
                .updateHousehold(id: id, within: user.scope, version: version, region: region, address: address)
        }
        guard let detail = try await req.registry.household(id: id, within: user.scope) else {
            throw Refusal.notFound("家庭")
        }
        return detail
    }

    /// Adds a new person to the household, or moves an existing one in (`personId`).
    struct NewMember: Content {
        let personId: UUID?
        let relation: String?
        let person: RegistryInput.MemberJSON?
    }

    func addMember(req: Request) async throws -> HouseholdDetail {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let household = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        let body = try req.content.decode(NewMember.self)
        let relation = try RegistryInput.relation(body.relation, field: "relation")
        try await req.auditedTransaction { tx, audit in
            let store = req.registryWriter(tx, audit)
            if let personID = body.personId {
                try await store.move(personID: personID, toHousehold: id, relation: relation, within: user.scope)
            } else if let person = body.person {
                let draft = try RegistryInput.check { () throws(FieldProblem) in
                    try person.fields.validated(today: req.today, fieldPrefix: "person.")
                }
                try await store.addNewMember(draft, relation: relation, to: household)
            } else {
                throw Refusal.invalid("person", "请提供 personId（迁入已有人员）或 person（新增人员）")
            }
        }
        guard let detail = try await req.registry.household(id: id, within: user.scope) else {
            throw Refusal.notFound("家庭")
        }
        return detail
    }

    // MARK: persons

    struct PersonListQuery: Content {
        let name: String?
        let region: String?
        let sort: String?
        let page: Int?
        let perPage: Int?
        /// The row the page starts after or before (`Page.next`, `Page.previous`).
        let after: String?
        let before: String?
    }

    func listPersons(req: Request) async throws -> Page<PersonSummary> {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(PersonListQuery.self)
        let query = try RegistryInput.personQuery(
            name: q.name, region: q.region, sort: q.sort, table: req.platform.regions)
        return try await req.registry.persons(
            within: user.scope, matching: query,
            page: try PageRequest(page: q.page, perPage: q.perPage, after: q.after, before: q.before))
    }

    /// Search that may include an ID number (or its last six characters) or a phone
    /// number, which must not appear in a URL.
    struct PersonSearch: Content {
        let name: String?
        let idNumber: String?
        let idLast6: String?
        let phone: String?
        let region: String?
        let sort: String?
        let page: Int?
        let perPage: Int?
        /// The row the page starts after or before (`Page.next`, `Page.previous`).
        let after: String?
        let before: String?
    }

    func searchPersons(req: Request) async throws -> Page<PersonSummary> {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.content.decode(PersonSearch.self)
        let query = try RegistryInput.personQuery(
            name: q.name, idNumber: q.idNumber, idLast6: q.idLast6, phone: q.phone,
            region: q.region, sort: q.sort, table: req.platform.regions)
        return try await req.registry.persons(
            within: user.scope, matching: query,
            page: try PageRequest(page: q.page, perPage: q.perPage, after: q.after, before: q.before))
    }

    func showPerson(req: Request) async throws -> PersonDetail {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let person = try await req.registry.person(id: id, within: user.scope)
        else { throw Refusal.notFound("人员") }
        try await req.personalInformation.recordView(of: person.id, by: user, channel: .api)
        return person
    }

    struct PersonChange: Content {
        let version: Int?
        let name: String?
        let idNumber: String?
        let phone: String?
        let hukou: String?
        let disabilityGrade: Int?
        let disabilityKind: String?
        let selfCare: String?
        let laborCapacity: String?
        let deceasedOn: String?
    }

    /// Changes the fields given; the others keep their values.
    func updatePerson(req: Request) async throws -> PersonDetail {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let current = try await req.registry.person(id: id, within: user.scope, revealIdentity: true)
        else { throw Refusal.notFound("人员") }
        let change = try req.content.decode(PersonChange.self)
        guard let version = change.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        let hasDisabilityChange = change.disabilityGrade != nil || change.disabilityKind != nil
        let storedPhone = try await req.registry.phone(personID: id, within: user.scope)
        let fields = PersonFields(
            name: change.name ?? current.name, idNumber: change.idNumber ?? current.idNumber,
            phone: change.phone ?? storedPhone,
            hukou: change.hukou ?? current.hukou,
            disabilityGrade: hasDisabilityChange ? change.disabilityGrade : current.disabilityGrade,
            disabilityKind: hasDisabilityChange ? change.disabilityKind : current.disabilityKind,
            selfCare: change.selfCare ?? current.selfCare, laborCapacity: change.laborCapacity ?? current.laborCapacity,
            deceasedOn: change.deceasedOn ?? current.deceasedOn)
        let draft = try RegistryInput.check { () throws(FieldProblem) in try fields.validated(today: req.today) }
        try await req.auditedTransaction { tx, audit in
            try await req.registryWriter(tx, audit)
                .updatePerson(id: id, within: user.scope, version: version, with: draft)
        }
        guard let person = try await req.registry.person(id: id, within: user.scope) else {
            throw Refusal.notFound("人员")
        }
        return person
    }
}
