import Foundation
import MinzhengCore
import Vapor

/// `/api/v1/children…`, `/api/v1/child-visits…`, `/api/v1/child-care-homes…`: the same
/// `ChildService` as the pages (README, "Children").
struct ChildAPIController: RouteCollection {
    struct ListQuery: Content {
        var category: String?
        var page: Int?
        var perPage: Int?
    }

    struct Items<T: Content>: Content {
        let items: [T]
    }

    struct CareHomeDetail: Content {
        let home: ChildStore.CareHome
        let activities: [ChildStore.Activity]
        let children: [ChildStore.Attendee]
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.children.pattern) { req async throws -> Page<ChildStore.Record> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.children().list(
                category: q.category, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.children.pattern) { req async throws -> Response in
            let record = try await req.children().record(try req.content.decode(ChildService.NewCategory.self))
            return try await record.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.childrenTurningAdult.pattern) { req async throws -> Items<ChildStore.TurningAdult> in
            Items(items: try await req.children().turningAdult())
        }
        routes.get(Route.API.child.pattern) { req async throws -> ChildService.Child in
            try await req.children().child(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.childCategoryChange.pattern) { req async throws -> ChildStore.Record in
            try await req.children().change(
                req.parameters.get("id", as: UUID.self), try req.content.decode(ChildService.Change.self))
        }
        routes.post(Route.API.childCategoryEnd.pattern) { req async throws -> ChildStore.Record in
            try await req.children().end(
                req.parameters.get("id", as: UUID.self), try req.content.decode(ChildService.End.self))
        }
        routes.get(Route.API.childVisits.pattern) { req async throws -> Items<VisitTasks.Task> in
            Items(items: try await req.children().visits())
        }
        routes.post(Route.API.childVisit.pattern) { req async throws -> VisitTasks.Task in
            try await req.children().recordVisit(
                req.parameters.get("id", as: UUID.self), try req.content.decode(ChildService.Visit.self))
        }
        routes.get(Route.API.childCareHomes.pattern) { req async throws -> Items<ChildStore.CareHome> in
            Items(items: try await req.children().homes())
        }
        routes.post(Route.API.childCareHomes.pattern) { req async throws -> Response in
            let home = try await req.children().createHome(
                try req.content.decode(ChildService.NewHome.self), regions: req.platform.regions)
            return try await home.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.childCareHome.pattern) { req async throws -> CareHomeDetail in
            let (home, activities, children) = try await req.children().attendees(
                req.parameters.get("id", as: UUID.self))
            return CareHomeDetail(home: home, activities: activities, children: children)
        }
        routes.post(Route.API.childCareHomeActivities.pattern) { req async throws -> Response in
            let activity = try await req.children().addActivity(
                req.parameters.get("id", as: UUID.self), try req.content.decode(ChildService.NewActivity.self))
            return try await activity.encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.childCareHomeChildren.pattern) { req async throws -> Response in
            let children = try await req.children().attend(
                req.parameters.get("id", as: UUID.self), try req.content.decode(ChildService.NewAttendee.self))
            return try await Items(items: children).encodeResponse(status: .created, for: req)
        }
    }
}

/// 儿童关爱保护 pages: `/children` (by category), `/children/new`, a child's page with the
/// history, change and end forms; `/children/turning-adult`; `/child-visits` and the phone
/// form `/child-visits/{id}`; `/child-care-homes` and a home's page.
struct ChildPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.children.pattern, use: list)
        routes.get(Route.childNew.pattern) { req async throws -> View in
            try await Self.newForm(req, form: .init(), error: nil)
        }
        routes.post(Route.childNew.pattern, use: create)
        routes.get(Route.child.pattern) { req async throws -> View in
            try await Self.childPage(req, person: req.parameters.get("id", as: UUID.self), error: nil)
        }
        routes.post(Route.childCategoryChange.pattern, use: change)
        routes.post(Route.childCategoryEnd.pattern, use: end)
        routes.get(Route.childrenTurningAdult.pattern, use: turningAdult)
        routes.get(Route.childVisits.pattern, use: visits)
        routes.get(Route.childVisit.pattern) { req async throws -> View in
            try await Self.visitPage(req, form: .init(), error: nil)
        }
        routes.post(Route.childVisit.pattern, use: recordVisit)
        routes.get(Route.childCareHomes.pattern) { req async throws -> View in
            try await Self.homesPage(req, error: nil)
        }
        routes.post(Route.childCareHomes.pattern, use: createHome)
        routes.get(Route.childCareHome.pattern) { req async throws -> View in
            try await Self.homePage(req, error: nil)
        }
        routes.post(Route.childCareHomeActivities.pattern, use: addActivity)
        routes.post(Route.childCareHomeChildren.pattern, use: attend)
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let records: [ChildStore.Record]
        let total: Int
        let counts: [Count]
        let categories: [Choice]
        let category: String
        let pager: Pager?
    }

    struct Count: Encodable {
        let label: String
        let value: String
        let count: Int
    }

    func list(req: Request) async throws -> View {
        let children = try req.children()
        let category = req.query[String.self, at: "category"] ?? ""
        let page = try await children.list(
            category: category, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 50))
        let counts = try await ChildStore(db: req.sql).counts(within: children.user.scope)
        return try await req.view.render(
            "children/list",
            ListPage(
                layout: LayoutContext(request: req, title: "儿童关爱保护", user: children.user), records: page.items,
                total: page.total,
                counts: ChildCategory.allCases.map {
                    Count(label: $0.chinese, value: $0.rawValue, count: counts[$0.rawValue] ?? 0)
                }, categories: Self.categories, category: category,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.children.path, filters: ["category": category], result: page) : nil))
    }

    static let categories = ChildCategory.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    struct NewPage: Encodable {
        let layout: LayoutContext
        let form: ChildService.NewCategory
        let categories: [Choice]
        let directors: [Choice]
        let supervisors: [Choice]
        let today: String
        let error: String?
        let errorField: String?
    }

    static func staffChoices(_ members: [ChildStore.StaffMember], _ regions: RegionTable) -> [Choice] {
        members.map {
            Choice(
                value: $0.id.uuidString,
                label: "\($0.name)（\(RegionCode($0.region).flatMap(regions.name) ?? $0.region)）")
        }
    }

    static func newForm(_ req: Request, form: ChildService.NewCategory, error: Refusal?) async throws -> View {
        let children = try req.children()
        let staff = try await children.staff()
        return try await req.view.render(
            "children/new",
            NewPage(
                layout: LayoutContext(request: req, title: "儿童类别认定", user: children.user), form: form,
                categories: categories, directors: staffChoices(staff.directors, req.platform.regions),
                supervisors: staffChoices(staff.supervisors, req.platform.regions), today: req.today.description,
                error: error?.message, errorField: error?.field))
    }

    func create(req: Request) async throws -> Response {
        let children = try req.children()
        let form = try req.content.decode(ChildService.NewCategory.self)
        do {
            let record = try await children.record(form)
            return req.redirect(to: Route.child.path(record.personId) + "?saved=1")
        } catch let error as Refusal {
            return try await Self.newForm(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    struct ChildPage: Encodable {
        let layout: LayoutContext
        let child: ChildService.Child
        let name: String
        let idMasked: String
        let birthDate: String
        let current: [ChildStore.Record]
        let history: [ChildStore.Record]
        let visits: [VisitRow]
        let categories: [Choice]
        let endReasons: [Choice]
        let today: String
        let saved: Bool
        let error: String?
    }

    struct VisitRow: Encodable {
        let task: VisitTasks.Task
        let referralName: String?
    }

    static func childPage(_ req: Request, person: UUID?, error: Refusal?) async throws -> View {
        let children = try req.children()
        let child = try await children.child(person)
        let first = child.records[0]
        return try await req.view.render(
            "children/child",
            ChildPage(
                layout: LayoutContext(request: req, title: "儿童档案", user: children.user), child: child,
                name: first.personName, idMasked: first.idMasked, birthDate: first.birthDate,
                current: child.records.filter { $0.endReason == nil },
                history: child.records.filter { $0.endReason != nil },
                visits: child.visits.map {
                    VisitRow(task: $0, referralName: $0.referral.flatMap(ChildReferral.init(rawValue:))?.chinese)
                },
                categories: categories,
                endReasons: ChildCategoryEnd.recordable.map { Choice(value: $0.rawValue, label: $0.chinese) },
                today: req.today.description, saved: req.query[String.self, at: "saved"] == "1",
                error: error?.message))
    }

    /// A change or an end from the child's page; back to it, or the page with the refusal.
    private static func act(
        _ req: Request, _ body: (ChildService, UUID?) async throws -> ChildStore.Record
    ) async throws -> Response {
        let children = try req.children()
        let id = req.parameters.get("id", as: UUID.self)
        let record = try await children.find(id)
        do {
            _ = try await body(children, id)
            return req.redirect(to: Route.child.path(record.personId) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await childPage(req, person: record.personId, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    func change(req: Request) async throws -> Response {
        let form = try req.content.decode(ChildService.Change.self)
        return try await Self.act(req) { try await $0.change($1, form) }
    }

    func end(req: Request) async throws -> Response {
        let form = try req.content.decode(ChildService.End.self)
        return try await Self.act(req) { try await $0.end($1, form) }
    }

    struct TurningAdultPage: Encodable {
        let layout: LayoutContext
        let children: [ChildStore.TurningAdult]
        let months: Int
        let adultAge: Int
    }

    func turningAdult(req: Request) async throws -> View {
        let children = try req.children()
        let parameters = try await PolicyStore(db: req.sql).history().parameters(
            for: RegionTable.changzhou.value, month: req.today.yearMonth)
        return try await req.view.render(
            "children/turning-adult",
            TurningAdultPage(
                layout: LayoutContext(request: req, title: "即将年满18周岁的儿童", user: children.user),
                children: try await children.turningAdult(), months: parameters.children.ageingNoticeMonths,
                adultAge: parameters.adultAge))
    }

    struct VisitsPage: Encodable {
        let layout: LayoutContext
        let visits: [VisitTasks.Task]
        let today: String
    }

    func visits(req: Request) async throws -> View {
        let children = try req.children()
        return try await req.view.render(
            "children/visits",
            VisitsPage(
                layout: LayoutContext(request: req, title: "儿童巡访", user: children.user),
                visits: try await children.visits(), today: req.today.description))
    }

    struct VisitPage: Encodable {
        let layout: LayoutContext
        let task: VisitTasks.Task
        let categories: [String]
        let referrals: [Choice]
        let referralName: String?
        let regionName: String
        let form: ChildService.Visit
        let today: String
        let saved: Bool
        let error: String?
        let errorField: String?
    }

    static func visitPage(_ req: Request, form: ChildService.Visit, error: Refusal?) async throws -> View {
        let children = try req.children()
        let task = try await children.visit(req.parameters.get("id", as: UUID.self))
        let records = try await ChildStore(db: req.sql).records(person: task.personId, within: children.user.scope)
        return try await req.view.render(
            "children/visit",
            VisitPage(
                layout: LayoutContext(request: req, title: "儿童巡访", user: children.user), task: task,
                categories: records.filter { $0.endReason == nil }.map(\.categoryName),
                referrals: ChildReferral.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                referralName: task.referral.flatMap(ChildReferral.init(rawValue:))?.chinese,
                regionName: RegionCode(task.region).map { req.platform.regions.fullName(of: $0) } ?? task.region,
                form: form, today: req.today.description, saved: req.query[String.self, at: "saved"] == "1",
                error: error?.message, errorField: error?.field))
    }

    func recordVisit(req: Request) async throws -> Response {
        let children = try req.children()
        let form = try req.content.decode(ChildService.Visit.self)
        do {
            _ = try await children.recordVisit(req.parameters.get("id", as: UUID.self), form)
            return req.redirect(to: req.url.path + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await Self.visitPage(req, form: form, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    struct HomesPage: Encodable {
        let layout: LayoutContext
        let homes: [ChildStore.CareHome]
        let today: String
        let error: String?
    }

    static func homesPage(_ req: Request, error: Refusal?) async throws -> View {
        let children = try req.children()
        return try await req.view.render(
            "children/homes",
            HomesPage(
                layout: LayoutContext(request: req, title: "关爱之家", user: children.user),
                homes: try await children.homes(), today: req.today.description, error: error?.message))
    }

    func createHome(req: Request) async throws -> Response {
        let children = try req.children()
        do {
            let home = try await children.createHome(
                try req.content.decode(ChildService.NewHome.self), regions: req.platform.regions)
            return req.redirect(to: Route.childCareHome.path(home.id))
        } catch let error as Refusal {
            return try await Self.homesPage(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    struct HomePage: Encodable {
        let layout: LayoutContext
        let home: ChildStore.CareHome
        let regionName: String
        let activities: [ChildStore.Activity]
        let children: [ChildStore.Attendee]
        let today: String
        let error: String?
    }

    static func homePage(_ req: Request, error: Refusal?) async throws -> View {
        let children = try req.children()
        let (home, activities, attendees) = try await children.attendees(req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "children/home",
            HomePage(
                layout: LayoutContext(request: req, title: home.name, user: children.user), home: home,
                regionName: RegionCode(home.region).map { req.platform.regions.fullName(of: $0) } ?? home.region,
                activities: activities, children: attendees, today: req.today.description, error: error?.message))
    }

    private static func homeAction(
        _ req: Request, _ body: (ChildService, UUID?) async throws -> Void
    ) async throws
        -> Response
    {
        let children = try req.children()
        let id = req.parameters.get("id", as: UUID.self)
        let home = try await children.home(id)
        do {
            try await body(children, id)
            return req.redirect(to: Route.childCareHome.path(home.id))
        } catch let error as Refusal where error.status != .notFound || error.field != nil {
            return try await homePage(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func addActivity(req: Request) async throws -> Response {
        let form = try req.content.decode(ChildService.NewActivity.self)
        return try await Self.homeAction(req) { _ = try await $0.addActivity($1, form) }
    }

    func attend(req: Request) async throws -> Response {
        let form = try req.content.decode(ChildService.NewAttendee.self)
        return try await Self.homeAction(req) { _ = try await $0.attend($1, form) }
    }
}

/// Where the children's pages are registered (one line in `routes.swift`).
enum ChildRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: ChildAPIController())
        try signedIn.register(collection: ChildPageController())
    }
}
