import MinzhengCore
import Vapor

/// 救助申请 pages, for residents (their own household's applications: apply, upload,
/// follow, withdraw) and for staff and department users (their work queue and the steps).
struct ApplicationPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.applications.pattern, use: list)
        routes.get(Route.newApplication.pattern, use: newForm)
        routes.post(Route.newApplication.pattern, use: create)
        routes.get(Route.application.pattern, use: show)
        routes.post(Route.applicationActions.pattern, use: act)
        routes.on(.POST, Route.applicationDocuments.pattern, body: .collect(maxSize: "11mb"), use: upload)
        routes.get(Route.applicationDocument.pattern, use: download)
    }

    struct ListQuery: Content {
        var state: String?
        var overdue: String?
        var sort: String?
        var page: Int?
        var after: String?
        var before: String?
    }

    func list(req: Request) async throws -> View {
        let user = try req.user
        let service = req.applications
        let viewer = try await service.viewer(user)
        let q = try req.query.decode(ListQuery.self)
        var filter = ApplicationStore.QueueFilter()
        let state = q.state.flatMap(WorkflowState.init)
        if let state { filter.states = [state] }
        if q.overdue == "1" { filter.overdueOn = req.today }
        filter.sort = ApplicationSort.parse(q.sort)
        let store = ApplicationStore(db: req.sql)
        let result = try await store.queue(
            for: viewer, filter: filter,
            page: try PageRequest(page: q.page, perPage: 20, after: q.after, before: q.before),
            catalog: try await service.catalog, regions: req.platform.regions, today: req.today)
        let counts = try await store.countsByState(for: viewer)
        return try await req.view.render(
            "applications/list",
            ApplicationListPage(
                layout: LayoutContext(request: req, title: user.role == .resident ? "我的申请" : "救助申请", user: user),
                isResident: user.role == .resident, state: q.state ?? "", overdue: q.overdue == "1", sort: q.sort ?? "",
                sorts: ApplicationSort.choices,
                counts: WorkflowState.allCases.map {
                    StateCount(state: $0.rawValue, name: $0.chinese, count: counts[$0.rawValue] ?? 0)
                },
                result: result,
                pager: Pager.make(
                    path: Route.applications.path, filters: ["state": q.state, "overdue": q.overdue, "sort": q.sort],
                    result: result)))
    }

    func newForm(req: Request) async throws -> View {
        let user = try req.user
        return try await renderNew(
            req, user: user, form: NewApplicationForm(household: req.query["household"]), error: nil)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode(NewApplicationForm.self)
        do {
            let id = try await req.applications.submit(try form.application(), by: user)
            return req.redirect(to: Route.application.path(id))
        } catch let error as Refusal where error.status != .notFound {
            return try await renderNew(req, user: user, form: form, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    private func renderNew(
        _ req: Request, user: CurrentUser, form: NewApplicationForm, error: Refusal?
    ) async throws -> View {
        let service = req.applications
        let catalog = try await service.catalog
        var householdID = form.household.flatMap { UUID(uuidString: $0) }
        if user.role == .resident, case .resident(let households, _) = try await service.viewer(user) {
            householdID = households.first
        } else {
            try user.require(.handleApplications)
        }
        let household =
            try await householdID.asyncMap { id in
                try await req.registry.household(
                    id: id, within: user.role == .resident ? RegionScope(RegionTable.changzhou) : user.scope)
            } ?? nil
        return try await req.view.render(
            "applications/new",
            NewApplicationPage(
                layout: LayoutContext(request: req, title: "申请救助", user: user), isResident: user.role == .resident,
                items: catalog.items.map {
                    Choice(value: $0.code.rawValue, label: "\($0.name)（\($0.department.shortChinese)）")
                },
                household: household,
                members: (household?.members ?? []).enumerated().map {
                    MemberMeansView(index: $0, member: $1, form: form)
                },
                form: form, error: error?.message, errorField: error?.field))
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        return try await render(req, user: user, id: try ApplicationAPIController.id(req), error: nil)
    }

    private func render(_ req: Request, user: CurrentUser, id: UUID, error: Refusal?) async throws -> View {
        let service = req.applications
        let catalog = try await service.catalog
        guard
            let record = try await ApplicationStore(db: req.sql).application(
                id: id, for: try await service.viewer(user), catalog: catalog)
        else {
            throw Refusal.notFound("申请")
        }
        let today = req.today
        let actions = ApplicationWorkflow().availableActions(
            for: record.workflowState, by: service.actor(user), on: today)
        let item = AssistanceItemCode(record.itemCode).flatMap(catalog.item)
        let household = try await req.registry.household(
            id: record.householdId, within: RegionScope(RegionTable.changzhou))
        // Staff see what was declared and whom to call before they visit; the resident knows both.
        let staff = user.role.may(.viewRegistry)
        let names = Dictionary(
            (household?.members ?? []).map { ($0.personId.uuidString, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let declaration =
            staff ? try await service.declaredMeans(record.id).map { DeclarationView($0, names: names) } : nil
        let head = household?.members.first { $0.relation == Relation.head.rawValue }
        let phone =
            staff
            ? try await head.asyncMap { try await req.registry.phone(personID: $0.personId, within: user.scope) } ?? nil
            : nil
        return try await req.view.render(
            "applications/show",
            ApplicationPage(
                layout: LayoutContext(request: req, title: record.itemName, user: user), application: record,
                regionName: RegionCode(record.region).map(req.platform.regions.fullName) ?? record.region,
                deadline: CivilDate(record.submittedOn).map {
                    WorkingDayCalendar.china.deadlineStatus(submitted: $0, today: today).chinese
                } ?? "",
                monthly: record.monthlyFen.map { Fen($0).formatted },
                assessment: record.assessment.map(CalculatorResult.init),
                members: household?.members.map {
                    "\($0.name)（\(Relation(rawValue: $0.relation)?.chinese ?? $0.relation)）"
                } ?? [],
                householdLink: staff ? Route.household.path(record.householdId) : nil,
                contact: phone.map { "\(head?.name ?? "户主") \($0)" },
                declaration: declaration,
                actions: actions.map { ActionView($0, needsAmount: item?.engineProgram == nil, today: today) },
                requirements: (item?.documents ?? []).map { Choice(value: $0.code, label: $0.name) },
                canUpload: !(WorkflowState(rawValue: record.state)?.isTerminal ?? true),
                error: error?.message, errorField: error?.field))
    }

    func act(req: Request) async throws -> Response {
        let user = try req.user
        let id = try ApplicationAPIController.id(req)
        let body = try req.content.decode(ApplicationService.ActionRequest.self)
        let final = [
            "withdraw": ("撤回申请", "撤回后申请即终止，如需办理须重新申请。确定撤回？"),
            "reject": ("不予批准", "不予批准的决定将告知申请人，申请即终止。确定不予批准？"),
        ]
        if let (title, message) = body.action.flatMap({ final[$0] }),
            let ask = try await Confirmation.ask(
                req, user: user, title: "确认\(title)", message: message, confirmLabel: "确认\(title)",
                cancel: Route.application.path(id))
        {
            return ask
        }
        do {
            _ = try await req.applications.act(on: id, body, by: user)
            return req.redirect(to: Route.application.path(id))
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, user: user, id: id, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    func upload(req: Request) async throws -> Response {
        struct Upload: Content {
            var requirement: String?
            var file: File?
        }
        let user = try req.user
        let id = try ApplicationAPIController.id(req)
        let service = req.applications
        guard
            let record = try await ApplicationStore(db: req.sql).application(
                id: id, for: try await service.viewer(user), catalog: try await service.catalog)
        else { throw Refusal.notFound("申请") }
        do {
            let body = try req.content.decode(Upload.self)
            guard let file = body.file, file.data.readableBytes > 0 else { throw Refusal.invalid("file", "请选择要上传的文件") }
            _ = try await req.documents.add(
                to: record, requirement: body.requirement ?? "", fileName: file.filename, bytes: file.data,
                uploader: user.displayName)
            return req.redirect(to: Route.application.path(id) + "#documents")
        } catch let error as Refusal {
            return try await render(req, user: user, id: id, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    func download(req: Request) async throws -> Response {
        let user = try req.user
        let service = req.applications
        guard
            let record = try await ApplicationStore(db: req.sql).application(
                id: try ApplicationAPIController.id(req), for: try await service.viewer(user),
                catalog: try await service.catalog),
            let document = req.parameters.get("document", as: UUID.self)
        else { throw Refusal.notFound("材料") }
        return try req.documentDownload(of: record, document: document)
    }
}
