import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Grid workers' visits (铁脚板): one per alert, due by the alert's level, or scheduled for
/// special groups. An overdue task escalates to the street; the recorded visit closes it and
/// its alert.
struct VisitTasks {
    let db: SQLDatabase

    static let outcomes: [(code: String, name: String)] = [
        ("startApplication", "发起救助申请"), ("reassess", "重新核对家庭经济状况"), ("noHardship", "未发现困难"), ("movedAway", "已迁出"),
    ]

    struct Task: Content, Sendable {
        let id: UUID
        let alertId: UUID?
        let kind: String
        let personId: UUID
        let householdId: UUID
        let region: String
        let dueOn: String
        let status: String
        let escalated: Bool
        let rule: String?
        let level: String?
        let evidence: String?
        let outcome: String?
        /// Whom to visit and where (the ID number and phone masked, as in every list).
        let personName: String
        let idNumberMasked: String
        let phoneMasked: String?
        let address: String
        /// What the visit recorded, once done.
        let visitedOn: String?
        let findings: String?
        let doneBy: String?
        /// A child visit's needs found and where it was referred (`ChildReferral`).
        let needs: String?
        let referral: String?
    }

    /// The task with whom it is about, for every list and the task's page.
    private static let select: SQLQueryString = """
        SELECT t.*, a.rule, a.level, a.evidence, p.name AS person_name, p.id_masked, p.phone_masked, h.address
        FROM visit_tasks t LEFT JOIN alerts a ON a.id = t.alert_id
        JOIN persons p ON p.id = t.person_id JOIN households h ON h.id = t.household_id
        """

    /// What a task without an alert is, in the lists: the scheduled visits to special groups.
    static func kindName(_ kind: String) -> String {
        switch kind {
        case "scheduled": return "定期走访"
        case childKind: return "儿童巡访"
        default: return "走访"
        }
    }

    /// The community child director's visits to children known by category (`ChildVisitSchedule`).
    static let childKind = "child"

    /// Whom a scheduled visit is to, and the period it belongs to.
    struct Target: Sendable {
        let person: UUID
        let household: UUID
        let region: String
        /// The period's first day: a task of the kind due from this day to `due` is this period's.
        let from: CivilDate
        let due: CivilDate
    }

    /// Creates an open task of `kind` for each target that has none due within its period;
    /// how many were created (the month's special-group visits and the child visits).
    func createMissing(_ targets: [Target], kind: String) async throws -> Int {
        guard let earliest = targets.map(\.from).min(), let latest = targets.map(\.due).max() else { return 0 }
        var existing: [UUID: [CivilDate]] = [:]
        for r in try await db.raw(
            """
            SELECT person_id, due_on FROM visit_tasks WHERE kind = \(bind: kind) AND due_on >= \(bind: earliest.description)
              AND due_on <= \(bind: latest.description)
            """
        ).all() {
            guard let due = CivilDate(try r.decode(column: "due_on", as: String.self)) else { continue }
            existing[try r.decode(column: "person_id", as: UUID.self), default: []].append(due)
        }
        var tasks = BulkInsert(table: "visit_tasks", columns: Self.columns)
        for t in targets where !(existing[t.person] ?? []).contains(where: { t.from <= $0 && $0 <= t.due }) {
            tasks.append(
                Self.values(
                    alert: nil, person: t.person, household: t.household, region: t.region, due: t.due, kind: kind))
            existing[t.person, default: []].append(t.due)
        }
        let created = tasks.pendingCount
        try await tasks.flush(on: db)
        return created
    }

    static let columns = [
        "id", "alert_id", "kind", "person_id", "household_id", "region", "due_on", "status", "escalated",
    ]

    /// A new open task, for `BulkInsert` with `columns`.
    static func values(
        alert: UUID?, person: UUID, household: UUID, region: String, due: CivilDate, kind: String
    ) -> [BulkValue] {
        [
            .uuid(UUID.random()), alert.map(BulkValue.uuid) ?? .null, .text(kind), .uuid(person), .uuid(household),
            .text(region),
            .text(due.description), .text("open"), .bool(false),
        ]
    }

    /// `escalateOverdue` in one audited transaction; how many tasks escalated. The hourly
    /// round and the escalate button call it: a read first, so that a round takes the write
    /// turn (and on SQLite waits behind a bulk job) only when a task has become overdue.
    @discardableResult
    static func escalateOverdue(
        today: CivilDate, within scope: RegionScope = RegionScope(RegionTable.changzhou), writer: AuditedWriter
    ) async throws -> Int {
        guard try await VisitTasks(db: writer.database.sql).overdue(today: today, within: scope, limit: 1).count > 0
        else { return 0 }
        let details = ["day": today.description, "region": scope.region.value]
        return try await writer.routine("visit.escalate", entity: "visit_task", details: details, count: "overdue") {
            try await VisitTasks(db: $0).escalateOverdue(today: today, within: scope)
        }
    }

    /// Overdue open tasks of a community escalate to its street (the first nine digits).
    @discardableResult
    func escalateOverdue(
        today: CivilDate, within scope: RegionScope = RegionScope(RegionTable.changzhou)
    ) async throws -> Int {
        let overdue = try await overdue(today: today, within: scope)
        for r in overdue {
            let region = try r.decode(column: "region", as: String.self)
            try await db.update("visit_tasks").set("escalated", to: true).set("region", to: String(region.prefix(9)))
                .where("id", .equal, try r.decode(column: "id", as: UUID.self)).run()
        }
        return overdue.count
    }

    /// Open tasks past their due day not yet escalated (`id`, `region`).
    private func overdue(today: CivilDate, within scope: RegionScope, limit: Int? = nil) async throws -> [any SQLRow] {
        try await db.raw(
            """
            SELECT id, region FROM visit_tasks WHERE status = 'open' AND escalated = \(bind: false) AND due_on < \(bind: today.description)
              AND \(scope.condition("region"))
            \(unsafeRaw: limit.map { "LIMIT \($0)" } ?? "")
            """
        ).all()
    }

    /// Which open tasks a list shows, inside the user's own region.
    struct Filter: Sendable {
        /// A street or community within the user's region.
        var region: RegionScope?
        var level: AlertLevel?
        /// Only the tasks due before this day.
        var overdueOn: CivilDate?
    }

    /// Open tasks within the scope, escalated and earliest due first.
    func open(
        within scope: RegionScope, matching filter: Filter = Filter(), limit: Int, offset: Int = 0
    ) async throws -> [Task] {
        try await db.raw(
            """
            \(Self.select) WHERE \(Self.condition(scope, filter)) ORDER BY t.escalated DESC, t.due_on, t.id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all().map(Self.task)
    }

    /// The open tasks of a region and how many of them are past their day, for the home page.
    func counts(within scope: RegionScope, today: CivilDate) async throws -> (open: Int, overdue: Int) {
        let row = try await db.raw(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN t.due_on < \(bind: today.description) THEN 1 ELSE 0 END), 0) AS late
            FROM visit_tasks t WHERE \(Self.condition(scope, Filter()))
            """
        ).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "late", as: Int.self) ?? 0)
    }

    /// One page of them, with how many there are in all (open tasks are the month's visit
    /// plan, a bounded list: counted and numbered).
    func openPage(within scope: RegionScope, matching filter: Filter, page: PageRequest) async throws -> Page<Task> {
        let total =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM visit_tasks t LEFT JOIN alerts a ON a.id = t.alert_id WHERE \(Self.condition(scope, filter))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        return Page(
            items: try await open(within: scope, matching: filter, limit: page.perPage, offset: page.offset),
            total: total, page: page.page, perPage: page.perPage)
    }

    private static func condition(_ scope: RegionScope, _ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = "t.status = 'open' AND " + scope.condition("t.region")
        if let region = f.region { sql = sql + " AND " + region.condition("t.region") }
        if let level = f.level { sql = sql + " AND a.level = \(bind: level.rawValue)" }
        if let day = f.overdueOn { sql = sql + " AND t.due_on < \(bind: day.description)" }
        return sql
    }

    /// Every visit task of a person, open or done, latest due first.
    func tasks(person: UUID, within scope: RegionScope) async throws -> [Task] {
        try await db.raw(
            """
            \(Self.select) WHERE t.person_id = \(bind: person) AND \(scope.condition("t.region")) ORDER BY t.due_on DESC, t.id
            """
        ).all().map(Self.task)
    }

    /// A person's alerts, open or closed, latest first.
    func alerts(person: UUID, within scope: RegionScope) async throws -> [Alert] {
        try await db.raw(
            """
            SELECT rule, level, evidence, status, raised_on FROM alerts
            WHERE person_id = \(bind: person) AND \(scope.condition("region")) ORDER BY raised_on DESC, id
            """
        ).all().map { r in
            Alert(
                rule: try r.decode(column: "rule", as: String.self),
                level: try r.decode(column: "level", as: String.self),
                evidence: try r.decode(column: "evidence", as: String.self),
                status: try r.decode(column: "status", as: String.self),
                raisedOn: try r.decode(column: "raised_on", as: String.self))
        }
    }

    struct Alert: Sendable {
        let rule: String
        let level: String
        let evidence: String
        let status: String
        let raisedOn: String
    }

    func task(id: UUID, within scope: RegionScope) async throws -> Task? {
        try await db.raw("\(Self.select) WHERE t.id = \(bind: id) AND \(scope.condition("t.region"))").first().map(
            Self.task)
    }

    /// Records the visit; the task and its alert close.
    func recordVisit(
        _ task: Task, visitedOn: CivilDate, findings: String, outcome: String, by name: String,
        needs: String? = nil, referral: String? = nil
    ) async throws {
        try await db.update("visit_tasks").set("status", to: "done").set("visited_on", to: visitedOn.description)
            .set("findings", to: findings).set("outcome", to: outcome).set("done_by", to: name)
            .set("needs", to: needs).set("referral", to: referral).where(
                "id", .equal, task.id
            ).run()
        if let alert = task.alertId {
            try await db.update("alerts").set("status", to: "closed").set("closed_on", to: visitedOn.description).where(
                "id", .equal, alert
            ).run()
        }
    }

    static func task(_ r: SQLRow) throws -> Task {
        Task(
            id: try r.decode(column: "id", as: UUID.self), alertId: try r.decode(column: "alert_id", as: UUID?.self),
            kind: try r.decode(column: "kind", as: String.self),
            personId: try r.decode(column: "person_id", as: UUID.self),
            householdId: try r.decode(column: "household_id", as: UUID.self),
            region: try r.decode(column: "region", as: String.self),
            dueOn: try r.decode(column: "due_on", as: String.self),
            status: try r.decode(column: "status", as: String.self),
            escalated: try r.decode(column: "escalated", as: Bool.self),
            rule: try r.decode(column: "rule", as: String?.self),
            level: try r.decode(column: "level", as: String?.self),
            evidence: try r.decode(column: "evidence", as: String?.self),
            outcome: try r.decode(column: "outcome", as: String?.self),
            personName: try r.decode(column: "person_name", as: String.self),
            idNumberMasked: try r.decode(column: "id_masked", as: String.self),
            phoneMasked: try r.decode(column: "phone_masked", as: String?.self),
            address: try r.decode(column: "address", as: String.self),
            visitedOn: try r.decode(column: "visited_on", as: String?.self),
            findings: try r.decode(column: "findings", as: String?.self),
            doneBy: try r.decode(column: "done_by", as: String?.self),
            needs: try r.decode(column: "needs", as: String?.self),
            referral: try r.decode(column: "referral", as: String?.self))
    }
}
