import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 监测预警: open alerts of the user's region by level, rule and street, overdue visits and
/// a 12-month trend; and the grid worker's visit tasks with the phone form that records a
/// visit.
struct MonitoringPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.monitoring.pattern, use: overview)
        routes.get(Route.tasks.pattern, use: tasks)
        routes.get(Route.tasksExport.pattern, use: exportTasks)
        routes.post(Route.tasksEscalate.pattern, use: escalate)
        routes.get(Route.task.pattern, use: task)
        routes.post(Route.task.pattern, use: record)
    }

    private static func require(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.visitHouseholds)
        return user
    }

    func overview(req: Request) async throws -> View {
        let user = try Self.require(req)
        let scope = user.scope
        let alerts = AlertStore(db: req.sql)
        let levels = try await alerts.openCounts(by: .level, within: scope).map {
            Count(
                label: AlertLevel(rawValue: $0.0)?.chinese ?? $0.0, count: $0.1,
                link: Pager.link(path: Route.tasks.path, filters: ["level": $0.0]))
        }
        let rules = try await alerts.openCounts(by: .rule, within: scope).map {
            Count(label: EarlyWarningRule(rawValue: $0.0)?.chinese ?? $0.0, count: $0.1)
        }
        // Street codes sort within their district's (the first six digits), so grouping keeps the order.
        let regions = req.platform.regions
        let districts = Dictionary(
            grouping: try await alerts.openCounts(by: .street, within: scope), by: { String($0.0.prefix(6)) }
        )
        .sorted { $0.key < $1.key }.map { district, streets in
            District(
                name: RegionCode(district).flatMap(regions.name) ?? district, count: streets.reduce(0) { $0 + $1.1 },
                link: RegionCode(district).map(user.region.contains) == true
                    ? Pager.link(path: Route.tasks.path, filters: ["region": district]) : nil,
                streets: streets.map {
                    Count(
                        label: RegionCode($0.0).flatMap(regions.name) ?? $0.0, count: $0.1,
                        link: Pager.link(path: Route.tasks.path, filters: ["region": $0.0]))
                })
        }
        let overdue = try await VisitTasks(db: req.sql).counts(within: scope, today: req.today).overdue
        let first = req.today.yearMonth.adding(months: -11)
        let byMonth = try await alerts.raisedPerMonth(since: first, within: scope)
        let months = (0..<12).map { first.adding(months: $0).description }
        return try await req.view.render(
            "monitoring/overview",
            Overview(
                layout: LayoutContext(request: req, title: "监测预警", user: user), levels: levels, rules: rules,
                districts: districts, overdue: overdue,
                trend: BarChartSVG.render(bars: months.map { ($0, Int64(byMonth[$0] ?? 0)) }, format: { "\($0) 条" })))
    }

    func tasks(req: Request) async throws -> Response {
        let user = try Self.require(req)
        let query = try req.query.decode(TaskListQuery.self)
        var page = TaskList(
            layout: LayoutContext(request: req, title: "走访任务", user: user), query: query,
            picker: RegistryPageController.filterPicker(req, user: user, selected: query.region),
            levels: AlertLevel.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) })
        page.escalated = req.query[Int.self, at: "escalated"]
        do {
            let filter = try query.filter(user: user, today: req.today, regions: req.platform.regions)
            let result = try await VisitTasks(db: req.sql).openPage(
                within: user.scope, matching: filter, page: try PageRequest(page: query.page, perPage: 50))
            page.total = result.total
            page.rows = result.items.map { TaskRow($0, regions: req.platform.regions) }
            page.pager = Pager.make(path: Route.tasks.path, filters: query.links, result: result)
            page.exportLink = Pager.link(path: Route.tasksExport.path, filters: query.links)
        } catch let error as Refusal {
            page.error = error.message
            page.errorField = error.field
            page.picker.invalid = error.field == "region"
        }
        // A refused filter shows the form with the field marked, as a 400.
        return try await req.view.render("monitoring/tasks", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    /// Overdue tasks of the user's region go up to their street now, without waiting for the
    /// hourly round (viewing a list never changes anything).
    func escalate(req: Request) async throws -> Response {
        let user = try Self.require(req)
        let count = try await VisitTasks.escalateOverdue(
            today: req.today, within: user.scope, writer: req.writer)
        return req.redirect(to: Pager.link(path: Route.tasks.path, filters: ["escalated": String(count)]))
    }

    /// Every open task the filter selects, as CSV (`CSVDownload.streamed`).
    func exportTasks(req: Request) async throws -> Response {
        let user = try Self.require(req)
        let filter = try req.query.decode(TaskListQuery.self).filter(
            user: user, today: req.today, regions: req.platform.regions)
        let store = VisitTasks(db: req.sql)
        let regions = req.platform.regions
        let scope = user.scope
        return CSVDownload.streamed(header: TaskRow.csvHeader, fileName: "tasks-\(user.region.value)-\(req.today).csv")
        { offset, limit in
            try await store.open(within: scope, matching: filter, limit: limit, offset: offset).map {
                TaskRow($0, regions: regions).csvFields
            }
        }
    }

    func task(req: Request) async throws -> View {
        try await renderTask(req, form: .init(), error: nil)
    }

    private func renderTask(_ req: Request, form: MonitoringAPIController.Visit, error: Refusal?) async throws -> View {
        let user = try Self.require(req)
        guard let id = req.parameters.get("id", as: UUID.self),
            let task = try await VisitTasks(db: req.sql).task(id: id, within: user.scope)
        else {
            throw Refusal.notFound("走访任务")
        }
        return try await req.view.render(
            "monitoring/task",
            TaskPage(
                layout: LayoutContext(request: req, title: "走访", user: user), task: task,
                ruleName: task.rule.flatMap(EarlyWarningRule.init).map(\.chinese),
                levelName: task.level.flatMap(AlertLevel.init).map(\.chinese),
                regionName: RegionCode(task.region).map { req.platform.regions.fullName(of: $0) } ?? task.region,
                phone: try await req.registry.phone(personID: task.personId, within: user.scope),
                outcomes: VisitTasks.outcomes.map { Choice(value: $0.code, label: $0.name) },
                outcomeName: task.outcome.flatMap { code in VisitTasks.outcomes.first { $0.code == code }?.name },
                today: req.today.description, saved: req.query[String.self, at: "saved"] == "1", form: form,
                error: error?.message, errorField: error?.field))
    }

    /// The same checks as the API's `POST /api/v1/tasks/{id}/visit`, through the same controller.
    func record(req: Request) async throws -> Response {
        _ = try Self.require(req)
        do {
            _ = try await MonitoringAPIController().visit(req: req)
            // Back to the task, which now shows what was recorded (and, for an application, the way on).
            return req.redirect(to: req.url.path + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            let form = (try? req.content.decode(MonitoringAPIController.Visit.self)) ?? .init()
            return try await renderTask(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }
}
