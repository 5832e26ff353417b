import SQLKit
import MinzhengCore
import Vapor

/// The registry's Chinese pages: home, household search and view, person view and edit.
struct RegistryPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.households.pattern, use: households)
        routes.get(Route.newHousehold.pattern, use: newHousehold)
        routes.post(Route.newHousehold.pattern, use: createHousehold)
        routes.get(Route.household.pattern, use: household)
        routes.get(Route.householdPrint.pattern, use: printHousehold)
        routes.post(Route.household.pattern, use: updateHousehold)
        routes.get(Route.persons.pattern, use: persons)
        routes.post(Route.personSearch.pattern, use: searchPersons)
        routes.get(Route.personEdit.pattern, use: editPerson)
        routes.post(Route.personEdit.pattern, use: updatePerson)
    }

    // MARK: contexts the templates read

    // MARK: forms

    struct HouseholdForm: Content {
        var region: String?
        /// A community of the chosen street: its 12-digit code or last 3 digits.
        var community: String?
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
            PersonFields(
                name: name, idNumber: idNumber, phone: phone, hukou: hukou,
                disabilityGrade: disabilityGrade.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                disabilityKind: disabilityKind, selfCare: selfCare, laborCapacity: laborCapacity, deceasedOn: deceasedOn
            )
        }
    }

    struct ListQuery: Content {
        let region: String?
        let address: String?
        let sort: String?
        let page: Int?
        let after: String?
        let before: String?
    }

    /// The person list's searches: the GET one (name, region) and the POST one, whose ID
    /// and phone numbers never go in a URL.
    struct PersonSearchForm: Content {
        var name: String?
        var idNumber: String?
        var idLast6: String?
        var phone: String?
        var region: String?
        var sort: String?
        var page: Int?
        var after: String?
        var before: String?

        /// Only what may go in a link: the pager and the export keep these.
        var links: [String: String?] { ["name": name, "region": region, "sort": sort] }
    }

    // MARK: handlers

    /// The staff's workbench at `/` (registered by `PortalRoutes`: visitors and residents get 民政通).
    func home(req: Request) async throws -> Response {
        let user = try req.user
        // An organisation's account files its own reports; residents and partner departments
        // work on applications only.
        if user.role.may(.fileOrganisationReport) { return req.redirect(to: Route.myOrganisation.path) }
        guard user.role.may(.viewRegistry) else { return req.redirect(to: Route.applications.path) }
        let scope = user.scope
        let households = try await req.registry.householdCount(within: scope)
        let persons = try await req.registry.personCount(within: scope)
        var waiting: [StateCount] = []
        if user.role.may(.handleApplications) {
            let counts = try await ApplicationStore(db: req.sql).countsByState(
                for: try await req.applications.viewer(user))
            waiting = WorkflowState.allCases.filter { !$0.isTerminal }.map {
                StateCount(state: $0.rawValue, name: $0.chinese, count: counts[$0.rawValue] ?? 0)
            }
        }
        let visits =
            user.role.may(.visitHouseholds)
            ? try await VisitTasks(db: req.sql).counts(within: scope, today: req.today) : nil
        let reviews =
            user.role.may(.confirmBenefitChanges)
            ? try await EnrollmentReviewStore(db: req.sql).countOpen(within: scope) : nil
        return try await req.view.render(
            "home",
            HomePage(
                layout: LayoutContext(request: req, title: "工作台", user: user),
                householdCount: households, personCount: persons, applications: waiting,
                visits: visits.map { VisitCount(open: $0.open, overdue: $0.overdue) }, reviews: reviews)
        )
        .encodeResponse(for: req)
    }

    func households(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(ListQuery.self)
        var page = HouseholdListPage(
            layout: LayoutContext(request: req, title: "家庭档案", user: user),
            picker: Self.filterPicker(req, user: user, selected: q.region), address: q.address ?? "",
            sort: q.sort ?? "", sorts: HouseholdSort.choices)
        do {
            let query = try RegistryInput.householdQuery(
                region: q.region, address: q.address, sort: q.sort, table: req.platform.regions)
            page.result = try await req.registry.households(
                within: user.scope, matching: query,
                page: try PageRequest(page: q.page, perPage: 20, after: q.after, before: q.before))
            let filters = ["region": q.region, "address": q.address, "sort": q.sort]
            page.pager = Pager.make(path: Route.households.path, filters: filters, result: page.result)
            page.exportLink = Pager.link(path: Route.householdsExport.path, filters: filters)
        } catch let error as Refusal {
            (page.error, page.errorField) = (error.message, error.field)
            page.picker.invalid = error.field == "region"
        }
        // A refused filter keeps the form, with the field marked, as a 400.
        return try await req.view.render("registry/households", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    /// The region filter of a list: the districts and streets of the user's region.
    static func filterPicker(_ req: Request, user: CurrentUser, selected: String?) -> RegionPicker {
        RegionPicker(
            emptyLabel: "全部（\(req.platform.regions.label(of: user.region))）", table: req.platform.regions,
            within: user.region,
            levels: [.district, .street], selected: selected)
    }

    /// A household's street, chosen from those of the user's region (its community typed beside).
    static func householdPicker(
        _ req: Request, user: CurrentUser, form: HouseholdForm, error: Refusal?, errorID: String
    ) -> RegionPicker {
        var picker = RegionPicker(
            emptyLabel: "请选择街道/镇", table: req.platform.regions, within: user.region, levels: [.street, .community],
            selected: form.region)
        picker.invalid = error?.field == "region"
        picker.errorID = errorID
        return picker
    }

    /// A stored household region as the form shows it: the street chosen, the community typed.
    static func householdForm(_ household: HouseholdDetail) -> HouseholdForm {
        let code = RegionCode(household.region)
        let community = code?.level == .community
        return HouseholdForm(
            region: community ? code?.parent?.value : household.region, community: community ? household.region : nil,
            address: household.address, version: household.version)
    }

    func household(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let household = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        let notice = [("saved", "已保存"), ("created", "已登记新家庭"), ("added", "已添加成员"), ("moved", "已迁入")].first {
            req.query[String.self, at: $0.0] == "1"
        }?.1
        return try await Self.householdPage(req, user: user, household: household, notice: notice)
    }

    /// The household page, with the forms as given and the error of the one that was refused.
    static func householdPage(
        _ req: Request, user: CurrentUser, household: HouseholdDetail, edit: HouseholdForm? = nil,
        member: HouseholdMembersPageController.MemberForm = .init(),
        moveIn: HouseholdMembersPageController.MoveInForm = .init(),
        error: Refusal? = nil, errorForm: String? = nil, notice: String? = nil
    ) async throws -> View {
        let edit = edit ?? householdForm(household)
        var charity: CharityNeedService.HouseholdAssistance? = nil
        if user.role.may(.recordCharityNeeds) { charity = try await req.charityNeeds().household(household.id) }
        var page =
            HouseholdPage(
                layout: LayoutContext(request: req, title: "家庭档案", user: user), household: household,
                picker: householdPicker(
                    req, user: user, form: edit, error: errorForm == "edit" ? error : nil, errorID: "edit-error"),
                relations: relationChoices, hukous: hukouChoices,
                edit: edit,
                member: member, moveIn: moveIn, error: error?.message, errorField: error?.field,
                errorForm: error == nil ? nil : errorForm,
                notice: notice)
        page.charity = charity?.needs
        page.charityGiven = charity?.given
        return try await req.view.render("registry/household", page)
    }

    func updateHousehold(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let household = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        let form = try req.content.decode(HouseholdForm.self)
        do {
            let region = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.householdRegion(
                    form.region, community: form.community, table: req.platform.regions)
            }
            try user.requireWithin(region, what: "区划")
            let address = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.address(form.address)
            }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .updateHousehold(
                        id: id, within: user.scope, version: form.version ?? -1, region: region, address: address)
            }
            return req.redirect(to: Route.household.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await Self.householdPage(
                req, user: user, household: household, edit: form, error: error, errorForm: "edit"
            )
            .encodeResponse(status: error.status, for: req)
        }
    }

    func newHousehold(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.editRegistry)
        // A street's or community's staff start from their own street (and community).
        let community = user.region.level == .community
        let form = HouseholdForm(
            region: community ? user.region.parent?.value : user.region.level == .street ? user.region.value : nil,
            community: community ? user.region.value : nil)
        return try await req.view.render(
            "registry/household-new",
            NewHouseholdPage(
                layout: LayoutContext(request: req, title: "新建家庭档案", user: user), form: form,
                picker: Self.householdPicker(req, user: user, form: form, error: nil, errorID: "form-error"),
                relations: Self.relationChoices, hukous: Self.hukouChoices, error: nil, errorField: nil))
    }

    func createHousehold(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        let form = try req.content.decode(HouseholdForm.self)
        do {
            let region = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.householdRegion(
                    form.region, community: form.community, table: req.platform.regions)
            }
            try user.requireWithin(region, what: "区划")
            let address = try RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.address(form.address)
            }
            let head = try RegistryInput.check { () throws(FieldProblem) in
                try PersonFields(
                    name: form.headName, idNumber: form.headIdNumber, phone: form.headPhone, hukou: form.headHukou
                )
                .validated(today: req.today, fieldPrefix: "head.")
            }
            let id = try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .createHousehold(region: region, address: address, members: [(head, .head)])
            }
            return req.redirect(to: Route.household.path(id) + "?created=1")
        } catch let error as Refusal {
            return try await req.view.render(
                "registry/household-new",
                NewHouseholdPage(
                    layout: LayoutContext(request: req, title: "新建家庭档案", user: user), form: form,
                    picker: Self.householdPicker(req, user: user, form: form, error: error, errorID: "form-error"),
                    relations: Self.relationChoices, hukous: Self.hukouChoices, error: error.message,
                    errorField: error.field)
            )
            .encodeResponse(status: error.status == .notFound ? .badRequest : error.status, for: req)
        }
    }

    func persons(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewRegistry)
        var form = try req.query.decode(PersonSearchForm.self)
        (form.idNumber, form.idLast6, form.phone) = (nil, nil, nil)
        return try await renderPersons(req: req, user: user, form: form)
    }

    /// ID-number and phone searches come by POST so that the number never lands in a URL or a log.
    func searchPersons(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewRegistry)
        var form = try req.content.decode(PersonSearchForm.self)
        form.page = nil
        return try await renderPersons(req: req, user: user, form: form)
    }

    private func renderPersons(req: Request, user: CurrentUser, form: PersonSearchForm) async throws -> Response {
        var page = PersonListPage(
            layout: LayoutContext(request: req, title: "人员档案", user: user), form: form,
            picker: Self.filterPicker(req, user: user, selected: form.region), sorts: PersonSort.choices)
        do {
            let query = try RegistryInput.personQuery(
                name: form.name, idNumber: form.idNumber, idLast6: form.idLast6, phone: form.phone,
                region: form.region, sort: form.sort, table: req.platform.regions)
            page.result = try await req.registry.persons(
                within: user.scope, matching: query,
                page: try PageRequest(page: form.page, perPage: 20, after: form.after, before: form.before))
            page.pager = Pager.make(path: Route.persons.path, filters: form.links, result: page.result)
            page.exportLink = Pager.link(path: Route.personsExport.path, filters: form.links)
        } catch let error as Refusal {
            (page.error, page.errorField) = (error.message, error.field)
            page.picker.invalid = error.field == "region"
        }
        return try await req.view.render("registry/persons", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    /// The household on one sheet: members with masked ID numbers and the region's names,
    /// laid out for paper (`app.css`'s print rules); nothing on it needs an audit.
    func printHousehold(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let household = try await req.registry.household(id: id, within: user.scope)
        else { throw Refusal.notFound("家庭") }
        return try await req.view.render(
            "registry/household-print",
            HouseholdPrintPage(
                title: "家庭档案 \(household.address)", household: household, printedOn: req.today.description,
                printedBy: user.displayName))
    }

    func editPerson(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let person = try await req.registry.person(id: id, within: user.scope, revealIdentity: true)
        else { throw Refusal.notFound("人员") }
        try await PersonPageController.recordIdentityView(req, person: person)
        let form = PersonForm(
            version: person.version, name: person.name, idNumber: person.idNumber,
            phone: try await req.registry.phone(personID: id, within: user.scope), hukou: person.hukou,
            disabilityGrade: person.disabilityGrade.map(String.init), disabilityKind: person.disabilityKind,
            selfCare: person.selfCare, laborCapacity: person.laborCapacity, deceasedOn: person.deceasedOn)
        return try await req.view.render(
            "registry/person-edit", editPage(req: req, user: user, id: id, form: form, error: nil))
    }

    func updatePerson(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            try await req.registry.person(id: id, within: user.scope) != nil
        else { throw Refusal.notFound("人员") }
        let form = try req.content.decode(PersonForm.self)
        do {
            let draft = try RegistryInput.check { () throws(FieldProblem) in try form.fields.validated(today: req.today)
            }
            try await req.auditedTransaction { tx, audit in
                try await req.registryWriter(tx, audit)
                    .updatePerson(id: id, within: user.scope, version: form.version ?? -1, with: draft)
            }
            return req.redirect(to: Route.person.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await req.view.render(
                "registry/person-edit", editPage(req: req, user: user, id: id, form: form, error: error)
            )
            .encodeResponse(status: error.status, for: req)
        }
    }

    private func editPage(
        req: Request, user: CurrentUser, id: UUID, form: PersonForm, error: Refusal?
    ) -> PersonEditPage {
        PersonEditPage(
            layout: LayoutContext(request: req, title: "修改人员信息", user: user), personId: id, form: form,
            hukous: Self.hukouChoices,
            disabilityKinds: DisabilityKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
            selfCares: SelfCare.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
            laborCapacities: LaborCapacity.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
            error: error?.message, errorField: error?.field)
    }

    static let relationChoices = Relation.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let hukouChoices = Hukou.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
}
