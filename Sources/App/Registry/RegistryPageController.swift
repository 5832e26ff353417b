import SQLKit
import MinzhengCore
import Vapor

/// The registry's Chinese pages: home, household search and view, person view and edit.
struct RegistryPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("households", use: households)
        routes.get("households", "new", use: newHousehold)
        routes.post("households", "new", use: createHousehold)
        routes.get("households", ":id", use: household)
        routes.post("households", ":id", use: updateHousehold)
        routes.get("persons", use: persons)
        routes.post("persons", "search", use: searchPersons)
        routes.get("persons", ":id", use: person)
        routes.get("persons", ":id", "edit", use: editPerson)
        routes.post("persons", ":id", "edit", use: updatePerson)
    }

    // MARK: contexts the templates read

    struct HomePage: Encodable {
        let layout: LayoutContext
        let householdCount: Int
        let personCount: Int
        /// Open applications of the user's queue, per step.
        let applications: [StateCount]
        /// Open visit tasks and how many are overdue, for those who visit.
        let visits: VisitCount?
        /// Benefit changes waiting for the street's decision, for those who decide.
        let reviews: Int?
    }

    struct VisitCount: Encodable {
        let open: Int
        let overdue: Int
    }

    struct HouseholdListPage: Encodable {
        let layout: LayoutContext
        let region: String
        let address: String
        let result: Page<HouseholdSummary>
        let pager: Pager
    }

    struct HouseholdPage: Encodable {
        let layout: LayoutContext
        let household: HouseholdDetail
        let relations: [Choice]
        let hukous: [Choice]
        /// What the forms show: the stored values, or what was typed when it was refused.
        let edit: HouseholdForm
        let member: HouseholdMembersPageController.MemberForm
        let moveIn: HouseholdMembersPageController.MoveInForm
        let error: String?
        let errorField: String?
        /// The form the error belongs to: "edit", "member" or "moveIn".
        let errorForm: String?
        let notice: String?
    }

    struct NewHouseholdPage: Encodable {
        let layout: LayoutContext
        let form: HouseholdForm
        let relations: [Choice]
        let hukous: [Choice]
        let error: String?
        let errorField: String?
    }

    struct PersonListPage: Encodable {
        let layout: LayoutContext
        let name: String
        let region: String
        let result: Page<PersonSummary>
        let pager: Pager
    }

    struct PersonPage: Encodable {
        let layout: LayoutContext
        let person: PersonDetail
        let sexName: String
        let hukouName: String
        let disabilityKindName: String?
        let selfCareName: String
        let laborCapacityName: String
    }

    struct PersonEditPage: Encodable {
        let layout: LayoutContext
        let personId: UUID
        let form: PersonForm
        let hukous: [Choice]
        let disabilityKinds: [Choice]
        let selfCares: [Choice]
        let laborCapacities: [Choice]
        let error: String?
        let errorField: String?
    }

    // MARK: forms

    struct HouseholdForm: Content {
        var region: String?
        var address: String?
        var version: Int?
        var headName: String?
        var headIdNumber: String?
        var headPhone: String?
        var headHukou: String?
    }

    struct PersonForm: Content {
        var version: Int?
        var name: String?
        var idNumber: String?
        var phone: String?
        var hukou: String?
        var disabilityGrade: String?
        var disabilityKind: String?
        var selfCare: String?
        var laborCapacity: String?
        var deceasedOn: String?

        var fields: PersonFields {
            PersonFields(name: name, idNumber: idNumber, phone: phone, hukou: hukou,
                         disabilityGrade: disabilityGrade.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                         disabilityKind: disabilityKind, selfCare: selfCare, laborCapacity: laborCapacity, deceasedOn: deceasedOn)
        }
    }

    struct ListQuery: Content {
        let region: String?
        let address: String?
        let name: String?
        let page: Int?
    }

    // MARK: handlers

    func home(req: Request) async throws -> Response {
        let user = try req.user
        // Residents and partner departments work on applications only.
        guard user.role.may(.viewRegistry) else { return req.redirect(to: "/applications") }
        let scope = user.scope
        let households = try await req.sql.raw("SELECT COUNT(*) AS n FROM households WHERE \(scope.condition("region"))").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let persons = try await req.sql.raw("SELECT COUNT(*) AS n FROM persons WHERE \(scope.condition("region"))").first()?
            .decode(column: "n", as: Int.self) ?? 0
        var waiting: [StateCount] = []
        if user.role.may(.handleApplications) {
            let counts = try await ApplicationStore(db: req.sql).countsByState(for: try await ApplicationService(req: req).viewer(user))
            waiting = WorkflowState.allCases.filter { !$0.isTerminal }.map { StateCount(state: $0.rawValue, name: $0.chinese, count: counts[$0.rawValue] ?? 0) }
        }
        let visits = user.role.may(.visitHouseholds)
            ? try await VisitTasks(db: req.sql).counts(within: scope, today: Clock.today()) : nil
        let reviews = user.role.may(.confirmBenefitChanges) ? try await EnrollmentReviewStore(db: req.sql).countOpen(within: scope) : nil
        return try await req.view.render("home", HomePage(layout: LayoutContext(request: req, title: "工作台", user: user),
                                                          householdCount: households, personCount: persons, applications: waiting,
                                                          visits: visits.map { VisitCount(open: $0.open, overdue: $0.overdue) }, reviews: reviews))
            .encodeResponse(for: req)
    }

    func households(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(ListQuery.self)
        let region = try RegistryInput.regionFilter(q.region)
        let result = try await req.registry.households(within: user.scope, matching: .init(region: region, address: q.address),
                                                       page: try PageRequest(page: q.page, perPage: 20))
        let pager = Pager.make(path: "/households", filters: ["region": q.region, "address": q.address], result: result)
        return try await req.view.render("registry/households", HouseholdListPage(
            layout: LayoutContext(request: req, title: "家庭档案", user: user), region: q.region ?? "", address: q.address ?? "",
            result: result, pager: pager))
    }

    func household(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
              let household = try await req.registry.household(id: id, within: user.scope) else { throw AppError.notFound("家庭") }
        let notice = [("saved", "已保存"), ("added", "已添加成员"), ("moved", "已迁入")].first { req.query[String.self, at: $0.0] == "1" }?.1
        return try await Self.householdPage(req, user: user, household: household, notice: notice)
    }

    /// The household page, with the forms as given and the error of the one that was refused.
    static func householdPage(_ req: Request, user: CurrentUser, household: HouseholdDetail, edit: HouseholdForm? = nil,
                              member: HouseholdMembersPageController.MemberForm = .init(),
                              moveIn: HouseholdMembersPageController.MoveInForm = .init(),
                              error: AppError? = nil, errorForm: String? = nil, notice: String? = nil) async throws -> View {
        try await req.view.render("registry/household", HouseholdPage(
            layout: LayoutContext(request: req, title: "家庭档案", user: user), household: household,
            relations: relationChoices, hukous: hukouChoices,
            edit: edit ?? HouseholdForm(region: household.region, address: household.address, version: household.version),
            member: member, moveIn: moveIn, error: error?.message, errorField: error?.field, errorForm: error == nil ? nil : errorForm,
            notice: notice))
    }

    func updateHousehold(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
              let household = try await req.registry.household(id: id, within: user.scope) else { throw AppError.notFound("家庭") }
        let form = try req.content.decode(HouseholdForm.self)
        do {
            let region = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.householdRegion(form.region, table: req.platform.regions)
            }
            try user.requireWithin(region, what: "区划")
            let address = try RegistryInput.check { () throws(FieldProblem) in try RegistryValidation.address(form.address) }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .updateHousehold(id: id, within: user.scope, version: form.version ?? -1, region: region, address: address)
            }
            return req.redirect(to: "/households/\(id)?saved=1")
        } catch let error as AppError where error.status != .notFound {
            return try await Self.householdPage(req, user: user, household: household, edit: form, error: error, errorForm: "edit")
                .encodeResponse(status: error.status, for: req)
        }
    }

    func newHousehold(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.editRegistry)
        return try await req.view.render("registry/household-new", NewHouseholdPage(
            layout: LayoutContext(request: req, title: "新建家庭档案", user: user),
            form: HouseholdForm(region: user.region.level >= .street ? user.region.value : ""),
            relations: Self.relationChoices, hukous: Self.hukouChoices, error: nil, errorField: nil))
    }

    func createHousehold(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        let form = try req.content.decode(HouseholdForm.self)
        do {
            let region = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.householdRegion(form.region, table: req.platform.regions)
            }
            try user.requireWithin(region, what: "区划")
            let address = try RegistryInput.check { () throws(FieldProblem) in try RegistryValidation.address(form.address) }
            let head = try RegistryInput.check { () throws(FieldProblem) in
                try PersonFields(name: form.headName, idNumber: form.headIdNumber, phone: form.headPhone, hukou: form.headHukou)
                    .validated(today: Clock.today(), fieldPrefix: "head.")
            }
            let id = try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .createHousehold(region: region, address: address, members: [(head, .head)])
            }
            return req.redirect(to: "/households/\(id)")
        } catch let error as AppError {
            return try await req.view.render("registry/household-new", NewHouseholdPage(
                layout: LayoutContext(request: req, title: "新建家庭档案", user: user), form: form,
                relations: Self.relationChoices, hukous: Self.hukouChoices, error: error.message, errorField: error.field))
                .encodeResponse(status: error.status == .notFound ? .badRequest : error.status, for: req)
        }
    }

    func persons(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(ListQuery.self)
        return try await renderPersons(req: req, user: user, name: q.name, idNumber: nil, region: q.region, page: q.page)
    }

    /// ID-number searches come by POST so that the number never lands in a URL or a log.
    func searchPersons(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        struct SearchForm: Content {
            let name: String?
            let idNumber: String?
            let region: String?
        }
        let form = try req.content.decode(SearchForm.self)
        return try await renderPersons(req: req, user: user, name: form.name, idNumber: form.idNumber, region: form.region, page: 1)
    }

    private func renderPersons(req: Request, user: CurrentUser, name: String?, idNumber: String?, region: String?, page: Int?) async throws -> View {
        let result = try await req.registry.persons(within: user.scope,
                                                    matching: .init(name: name, idNumber: idNumber, region: try RegistryInput.regionFilter(region)),
                                                    page: try PageRequest(page: page, perPage: 20))
        let pager = Pager.make(path: "/persons", filters: ["name": name, "region": region], result: result)
        return try await req.view.render("registry/persons", PersonListPage(
            layout: LayoutContext(request: req, title: "人员档案", user: user), name: name ?? "", region: region ?? "",
            result: result, pager: pager))
    }

    func person(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        let reveal = user.role.may(.viewFullIdentity)
        guard let id = req.parameters.get("id", as: UUID.self),
              let person = try await req.registry.person(id: id, within: user.scope, revealIdentity: reveal) else {
            throw AppError.notFound("人员")
        }
        if reveal { try await Self.recordIdentityView(req, person: person) }
        return try await req.view.render("registry/person", PersonPage(
            layout: LayoutContext(request: req, title: person.name, user: user), person: person,
            sexName: Sex(rawValue: person.sex)?.chinese ?? person.sex, hukouName: Hukou(rawValue: person.hukou)?.chinese ?? person.hukou,
            disabilityKindName: person.disabilityKind.flatMap { DisabilityKind(rawValue: $0)?.chinese },
            selfCareName: SelfCare(rawValue: person.selfCare)?.chinese ?? person.selfCare,
            laborCapacityName: LaborCapacity(rawValue: person.laborCapacity)?.chinese ?? person.laborCapacity))
    }

    func editPerson(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
              let person = try await req.registry.person(id: id, within: user.scope, revealIdentity: true) else { throw AppError.notFound("人员") }
        try await Self.recordIdentityView(req, person: person)
        let form = PersonForm(version: person.version, name: person.name, idNumber: person.idNumber,
                              phone: try await req.registry.phone(personID: id, within: user.scope), hukou: person.hukou,
                              disabilityGrade: person.disabilityGrade.map(String.init), disabilityKind: person.disabilityKind,
                              selfCare: person.selfCare, laborCapacity: person.laborCapacity, deceasedOn: person.deceasedOn)
        return try await req.view.render("registry/person-edit", editPage(req: req, user: user, id: id, form: form, error: nil))
    }

    func updatePerson(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
              try await req.registry.person(id: id, within: user.scope) != nil else { throw AppError.notFound("人员") }
        let form = try req.content.decode(PersonForm.self)
        do {
            let draft = try RegistryInput.check { () throws(FieldProblem) in try form.fields.validated(today: Clock.today()) }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .updatePerson(id: id, within: user.scope, version: form.version ?? -1, with: draft)
            }
            return req.redirect(to: "/persons/\(id)")
        } catch let error as AppError where error.status != .notFound {
            return try await req.view.render("registry/person-edit", editPage(req: req, user: user, id: id, form: form, error: error))
                .encodeResponse(status: error.status, for: req)
        }
    }

    /// The full ID number is on screen: who looked, at whom, is one audit event.
    private static func recordIdentityView(_ req: Request, person: PersonDetail) async throws {
        _ = try await req.auditedTransaction { _, audit in
            try await audit.record("person.viewIdentity", entity: "person", id: person.id.uuidString, region: person.region)
        }
    }

    private func editPage(req: Request, user: CurrentUser, id: UUID, form: PersonForm, error: AppError?) -> PersonEditPage {
        PersonEditPage(layout: LayoutContext(request: req, title: "修改人员信息", user: user), personId: id, form: form,
                       hukous: Self.hukouChoices,
                       disabilityKinds: DisabilityKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                       selfCares: SelfCare.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                       laborCapacities: LaborCapacity.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                       error: error?.message, errorField: error?.field)
    }

    static let relationChoices = Relation.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let hukouChoices = Hukou.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
}
