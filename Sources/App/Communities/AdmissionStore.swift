import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// An item of the admission list of community affairs (社区事务准入清单).
struct AdmissionItemRecord: Content, Sendable {
    let id: UUID
    let taskKind: String
    let department: String
    let departmentName: String
    let basis: String?
    let active: Bool
}

/// A task a department sent to communities, on the list or 未准入.
struct AssignmentRecord: Content, Sendable {
    let id: UUID
    let department: String
    let departmentName: String
    let sentBy: String
    let itemId: UUID?
    let taskKind: String
    let title: String
    let dueOn: String?
    let status: String
    let statusName: String
    let problem: String?
    let problemName: String?
    let month: String
    let communityCount: Int
    /// The communities it went to (those within the viewer's region).
    var communities: [String]
    let createdAt: Date
}

/// The SQL of the admission list and of the tasks sent to communities.
struct AdmissionStore {
    let db: SQLDatabase

    func items(activeOnly: Bool = false) async throws -> [AdmissionItemRecord] {
        let condition: SQLQueryString = activeOnly ? "WHERE active = \(bind: true)" : ""
        return try await db.raw("SELECT * FROM admission_items \(condition) ORDER BY department, task_kind").all()
            .map(Self.itemRecord)
    }

    func item(id: UUID) async throws -> AdmissionItemRecord? {
        try await db.raw("SELECT * FROM admission_items WHERE id = \(bind: id)").first().map(Self.itemRecord)
    }

    /// False when the department's item of that kind is on the list.
    func insertItem(id: UUID, taskKind: String, department: String, basis: String?, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO admission_items (id, task_kind, department, basis, active, created_at)
            VALUES (\(bind: id), \(bind: taskKind), \(bind: department), \(bind: basis), \(bind: true), \(bind: now))
            ON CONFLICT (department, task_kind) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func withdrawItem(id: UUID) async throws -> Bool {
        try await db.raw(
            "UPDATE admission_items SET active = \(bind: false) WHERE id = \(bind: id) AND active = \(bind: true) RETURNING id"
        ).first() != nil
    }

    private static func itemRecord(_ r: SQLRow) throws -> AdmissionItemRecord {
        let department = try r.decode(column: "department", as: String.self)
        return AdmissionItemRecord(
            id: try r.decode(column: "id", as: UUID.self), taskKind: try r.decode(column: "task_kind", as: String.self),
            department: department, departmentName: Department(rawValue: department)?.chinese ?? department,
            basis: try r.decode(column: "basis", as: String?.self),
            active: try r.decode(column: "active", as: Bool.self))
    }

    struct NewAssignment: Sendable {
        let id: UUID
        let department: String
        let sentBy: UUID
        let sentByName: String
        let item: UUID?
        let taskKind: String
        let title: String
        let dueOn: CivilDate?
        let status: AdmissionStatus
        let problem: AdmissionProblem?
        let month: YearMonth
        let communities: [String]
    }

    func insertAssignment(_ a: NewAssignment, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO community_assignments (id, department, sent_by, sent_by_name, item_id, task_kind, title, due_on,
              status, problem, month, communities, created_at)
            VALUES (\(bind: a.id), \(bind: a.department), \(bind: a.sentBy), \(bind: a.sentByName), \(bind: a.item),
              \(bind: a.taskKind), \(bind: a.title), \(bind: a.dueOn?.description), \(bind: a.status.rawValue),
              \(bind: a.problem?.rawValue), \(bind: a.month.description), \(bind: a.communities.count), \(bind: now))
            """
        ).run()
        for community in a.communities {
            try await db.raw(
                """
                INSERT INTO community_assignment_targets (id, assignment_id, community)
                VALUES (\(bind: UUID()), \(bind: a.id), \(bind: community))
                """
            ).run()
        }
    }

    struct Filter: Sendable {
        var department: String?
        var month: YearMonth?
        var status: AdmissionStatus?
        /// Only the tasks with a community in this scope (a community's or street's view).
        var communities: RegionScope?
    }

    func assignments(_ f: Filter, page: PageRequest) async throws -> Page<AssignmentRecord> {
        var condition: SQLQueryString = "1 = 1"
        if let d = f.department { condition = "\(condition) AND a.department = \(bind: d)" }
        if let m = f.month { condition = "\(condition) AND a.month = \(bind: m.description)" }
        if let s = f.status { condition = "\(condition) AND a.status = \(bind: s.rawValue)" }
        if let scope = f.communities {
            condition = """
                \(condition) AND EXISTS (SELECT 1 FROM community_assignment_targets t
                  WHERE t.assignment_id = a.id AND \(scope.condition("t.community")))
                """
        }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM community_assignments a WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT a.* FROM community_assignments a WHERE \(condition)
            ORDER BY a.created_at DESC, a.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        var items = try rows.map(Self.assignmentRecord)
        if !items.isEmpty {
            let scopeCondition: SQLQueryString =
                f.communities.map { scope -> SQLQueryString in "AND \(scope.condition("community"))" } ?? ""
            var targets: [UUID: [String]] = [:]
            for r in try await db.raw(
                """
                SELECT assignment_id, community FROM community_assignment_targets
                WHERE assignment_id IN (\(SQLList(items.map { SQLBind($0.id) }))) \(scopeCondition) ORDER BY community
                """
            ).all() {
                targets[try r.decode(column: "assignment_id", as: UUID.self), default: []].append(
                    try r.decode(column: "community", as: String.self))
            }
            for i in items.indices { items[i].communities = targets[items[i].id] ?? [] }
        }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    func assignment(id: UUID) async throws -> AssignmentRecord? {
        guard
            var a = try await db.raw("SELECT * FROM community_assignments WHERE id = \(bind: id)").first()
                .map(Self.assignmentRecord)
        else { return nil }
        a.communities = try await db.raw(
            "SELECT community FROM community_assignment_targets WHERE assignment_id = \(bind: id) ORDER BY community"
        ).all().map { try $0.decode(column: "community", as: String.self) }
        return a
    }

    /// 未准入 tasks by department, for the city's overview.
    func notAdmittedByDepartment() async throws -> [(department: String, count: Int)] {
        try await db.raw(
            """
            SELECT department, COUNT(*) AS n FROM community_assignments
            WHERE status = \(bind: AdmissionStatus.notAdmitted.rawValue) GROUP BY department ORDER BY n DESC, department
            """
        ).all().map { (try $0.decode(column: "department", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }

    private static func assignmentRecord(_ r: SQLRow) throws -> AssignmentRecord {
        let department = try r.decode(column: "department", as: String.self)
        let status = AdmissionStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .notAdmitted
        let problem = try r.decode(column: "problem", as: String?.self).flatMap(AdmissionProblem.init(rawValue:))
        return AssignmentRecord(
            id: try r.decode(column: "id", as: UUID.self), department: department,
            departmentName: Department(rawValue: department)?.chinese ?? department,
            sentBy: try r.decode(column: "sent_by_name", as: String.self),
            itemId: try r.decode(column: "item_id", as: UUID?.self),
            taskKind: try r.decode(column: "task_kind", as: String.self),
            title: try r.decode(column: "title", as: String.self),
            dueOn: try r.decode(column: "due_on", as: String?.self),
            status: status.rawValue, statusName: status.chinese, problem: problem?.rawValue,
            problemName: problem?.chinese, month: try r.decode(column: "month", as: String.self),
            communityCount: try r.decode(column: "communities", as: Int.self), communities: [],
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
