import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `POST /api/v1/feeds/{kind}` (department tokens, only the kinds their department sends),
/// `GET /api/v1/tasks` and `POST /api/v1/tasks/{id}/visit` (grid workers and officers).
struct MonitoringAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(.POST, Route.API.feed.pattern, body: .collect(maxSize: "20mb"), use: push)
        routes.get(Route.API.tasks.pattern, use: tasks)
        routes.post(Route.API.taskVisit.pattern, use: visit)
    }

    func push(req: Request) async throws -> FeedIngest.Summary {
        let (department, kind) = try FeedSender.check(try req.user, kind: req.parameters.get("kind"))
        guard let body = req.body.data else { throw Refusal.invalid("body", "请求体为空") }
        let batch: FeedBatch
        do { batch = try FeedBatch(kind: kind, jsonData: Data(buffer: body), today: req.today) } catch {
            throw Refusal(error)
        }
        let cipher = req.application.platform.cipher
        return try await req.application.feedIngest(actor: req.auditActor, reach: try req.user.region).ingest(
            kind: kind, department: department.rawValue,
            records: batch.records.map { FeedIngest.Row(line: $0.row, record: $0.record, cipher: cipher) },
            problems: batch.problems)
    }

    /// The open tasks of the user's region, filtered (`TaskListQuery`) and paginated.
    func tasks(req: Request) async throws -> Page<VisitTasks.Task> {
        let user = try req.user
        try user.require(.visitHouseholds)
        let query = try req.query.decode(TaskListQuery.self)
        let filter = try query.filter(user: user, today: req.today, regions: req.platform.regions)
        return try await VisitTasks(db: req.sql).openPage(
            within: user.scope, matching: filter, page: try PageRequest(page: query.page, perPage: query.perPage))
    }

    struct Visit: Content {
        var visitedOn: String?
        var findings: String?
        var outcome: String?

        init(visitedOn: String? = nil, findings: String? = nil, outcome: String? = nil) {
            self.visitedOn = visitedOn
            self.findings = findings
            self.outcome = outcome
        }
    }

    func visit(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.visitHouseholds)
        guard let id = req.parameters.get("id", as: UUID.self),
            let task = try await VisitTasks(db: req.sql).task(id: id, within: user.scope)
        else {
            throw Refusal.notFound("走访任务")
        }
        let body = try req.content.decode(Visit.self)
        guard task.status == "open" else { throw Refusal(.conflict, "该任务已办结", field: "status") }
        guard let visited = body.visitedOn.flatMap({ CivilDate($0.trimmedWhitespace) }), visited <= req.today else {
            throw Refusal.invalid("visitedOn", "请填写走访日期（不晚于今天）")
        }
        guard
            let findings = try RegistryInput.check({ () throws(FieldProblem) in
                try InputRules.text(body.findings, field: "findings", label: "走访情况")
            })
        else { throw Refusal.invalid("findings", "请填写走访情况") }
        guard let outcome = body.outcome, VisitTasks.outcomes.contains(where: { $0.code == outcome }) else {
            throw Refusal.invalid(
                "outcome", "结果应为：" + VisitTasks.outcomes.map { "\($0.code)（\($0.name)）" }.joined(separator: "、"))
        }
        let name = user.displayName
        try await req.auditedTransaction { tx, audit in
            try await VisitTasks(db: tx).recordVisit(
                task, visitedOn: visited, findings: findings, outcome: outcome, by: name)
            try await audit.record(
                "visit.record", entity: "visit_task", id: task.id.uuidString, region: task.region,
                after: ["visitedOn": visited.description, "outcome": outcome, "alert": task.alertId?.uuidString ?? ""])
        }
        struct Answer: Content { let status: String; let next: String? }
        let next = Route.newApplication.path + "?household=\(task.householdId)"
        return try await Answer(status: "done", next: outcome == "startApplication" ? next : nil)
            .encodeResponse(for: req)
    }
}
