import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The admission list of community affairs (社区事务准入): the city keeps the list; a department
/// sending a task to communities names an item of it — a task outside the list (no item, an item
/// not on it, or another department's) is still recorded, marked 未准入 with the department that
/// sent it, and the city sees every one; communities see the tasks given to them.
struct AdmissionService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let regions: RegionTable
    let user: CurrentUser

    private var store: AdmissionStore { AdmissionStore(db: db) }

    // MARK: The list

    /// The list: for the city, departments (each sees which items it may assign) and communities.
    func items() async throws -> [AdmissionItemRecord] {
        guard
            user.role.may(.manageAdmissionList) || user.role.may(.assignCommunityTasks)
                || user.role.may(.viewCommunityTasks)
        else { try user.require(.manageAdmissionList); return [] }
        return try await store.items(activeOnly: !user.role.may(.manageAdmissionList))
    }

    struct NewItem: Content {
        var taskKind: String?
        var department: String?
        var basis: String?
    }

    func addItem(_ input: NewItem) async throws -> AdmissionItemRecord {
        try user.require(.manageAdmissionList)
        let (kind, basis) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.taskKind, field: "taskKind", label: "事项名称", maximumLength: 50) ?? "",
                try InputRules.line(input.basis, field: "basis", label: "设立依据", maximumLength: 200, required: false)
            )
        }
        guard let department = input.department.flatMap(Department.init(rawValue:)) else {
            throw Refusal.invalid(
                "department",
                "派发部门应为 " + Department.allCases.map { "\($0.rawValue)（\($0.shortChinese)）" }.joined(separator: "、"))
        }
        let id = UUID()
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard
                try await AdmissionStore(db: tx).insertItem(
                    id: id, taskKind: kind, department: department.rawValue, basis: basis, at: now)
            else { throw Refusal(.conflict, "该部门的此事项已在清单内", field: "taskKind") }
            try await audit.record(
                "community.admission.add", entity: "admission_item", id: id.uuidString,
                region: RegionTable.changzhou.value, after: ["taskKind": kind, "department": department.rawValue])
        }
        guard let item = try await store.item(id: id) else { throw Refusal.notFound("准入事项") }
        return item
    }

    func withdrawItem(_ id: UUID?) async throws -> AdmissionItemRecord {
        try user.require(.manageAdmissionList)
        guard let id, let item = try await store.item(id: id) else { throw Refusal.notFound("准入事项") }
        try await writer.transaction { tx, audit in
            guard try await AdmissionStore(db: tx).withdrawItem(id: id) else {
                throw Refusal(.conflict, "该事项已移出清单", field: "id")
            }
            try await audit.record(
                "community.admission.withdraw", entity: "admission_item", id: id.uuidString,
                region: RegionTable.changzhou.value, after: ["taskKind": item.taskKind, "department": item.department])
        }
        guard let withdrawn = try await store.item(id: id) else { throw Refusal.notFound("准入事项") }
        return withdrawn
    }

    // MARK: Tasks sent to communities

    struct NewAssignment: Content {
        /// The item of the list the task falls under; none makes it 未准入.
        var itemId: String?
        /// What kind of task it is, when no item is named.
        var taskKind: String?
        var title: String?
        var communities: [String]?
        var dueOn: String?
    }

    func send(_ input: NewAssignment) async throws -> AssignmentRecord {
        try user.require(.assignCommunityTasks)
        guard let department = user.department, !department.isEmpty else {
            throw Refusal(.forbidden, "只有部门账户可以向社区派发任务")
        }
        let named = input.itemId.map(\.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        var item: AdmissionItemRecord?
        if let named {
            guard let id = UUID(uuidString: named) else { throw Refusal.invalid("itemId", "准入事项编号无效") }
            item = try await store.item(id: id)
            guard item != nil else { throw Refusal.invalid("itemId", "准入清单中没有此事项") }
        }
        let (typedKind, title) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(
                    input.taskKind, field: "taskKind", label: "任务类别", maximumLength: 50, required: item == nil),
                try InputRules.line(input.title, field: "title", label: "任务名称", maximumLength: 100) ?? ""
            )
        }
        let codes = input.communities ?? []
        guard !codes.isEmpty, codes.count <= InputRules.maximumCount else {
            throw Refusal.invalid("communities", "请列出接收任务的社区（1–\(InputRules.maximumCount) 个）")
        }
        var communities: [String] = []
        for (i, text) in codes.enumerated() {
            guard let code = RegionCode(text.trimmedWhitespace), code.level == .community,
                regions.isKnownOrCommunityOfKnownStreet(code), RegionTable.changzhou.contains(code)
            else { throw Refusal.invalid("communities[\(i)]", "应为本市社区（村）的 12 位区划代码") }
            guard user.region.contains(code) else { throw Refusal.invalid("communities[\(i)]", "不在您部门的辖区内") }
            if !communities.contains(code.value) { communities.append(code.value) }
        }
        var due: CivilDate?
        if let text = input.dueOn?.trimmedWhitespace, !text.isEmpty {
            guard let day = CivilDate(text), day >= clock.today else {
                throw Refusal.invalid("dueOn", "完成期限应为 YYYY-MM-DD，且不早于今天")
            }
            due = day
        }
        let problem = AdmissionRules.problem(
            department: department, namedItem: named != nil,
            item: item.map { AdmissionRules.Item(department: $0.department, active: $0.active) })
        let new = AdmissionStore.NewAssignment(
            id: UUID(), department: department, sentBy: user.id, sentByName: user.displayName, item: item?.id,
            taskKind: item?.taskKind ?? typedKind ?? "", title: title, dueOn: due,
            status: problem == nil ? .admitted : .notAdmitted, problem: problem, month: clock.today.yearMonth,
            communities: communities)
        let now = clock.now
        let region = user.region.value
        try await writer.transaction { tx, audit in
            try await AdmissionStore(db: tx).insertAssignment(new, at: now)
            try await audit.record(
                "community.assignment.send", entity: "community_assignment", id: new.id.uuidString, region: region,
                after: [
                    "department": department, "taskKind": new.taskKind, "title": title,
                    "status": new.status.rawValue, "problem": problem?.rawValue ?? "",
                    "communities": String(new.communities.count),
                ])
        }
        guard let saved = try await store.assignment(id: new.id) else { throw Refusal.notFound("任务") }
        return saved
    }

    struct AssignmentQuery: Content {
        var status: String?
        var department: String?
        var month: String?
        var page: Int?
        var perPage: Int?

        var filters: [String: String?] { ["status": status, "department": department, "month": month] }

        func filter() throws -> AdmissionStore.Filter {
            var f = AdmissionStore.Filter()
            if let s = status, !s.isEmpty {
                guard let status = AdmissionStatus(rawValue: s) else {
                    throw Refusal.invalid("status", "状态应为 admitted（已准入）或 notAdmitted（未准入）")
                }
                f.status = status
            }
            if let d = department, !d.isEmpty {
                guard Department(rawValue: d) != nil else { throw Refusal.invalid("department", "未知的部门 \(d)") }
                f.department = d
            }
            if let m = month, !m.isEmpty {
                guard let month = YearMonth(m) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
                f.month = month
            }
            return f
        }
    }

    /// The city: every task, filtered; a department: its own.
    func assignments(_ q: AssignmentQuery) async throws -> Page<AssignmentRecord> {
        var f = try q.filter()
        if !user.role.may(.manageAdmissionList) {
            try user.require(.assignCommunityTasks)
            guard let department = user.department else { throw Refusal(.forbidden, "只有部门账户可以查看所派任务") }
            f.department = department
        }
        return try await store.assignments(f, page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    /// Communities and streets: the tasks given to the communities of one's region.
    func tasks(_ q: AssignmentQuery) async throws -> Page<AssignmentRecord> {
        try user.require(.viewCommunityTasks)
        var f = try q.filter()
        f.communities = user.scope
        return try await store.assignments(f, page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    /// 未准入 tasks by department (the city's overview).
    func notAdmittedByDepartment() async throws -> [(department: String, count: Int)] {
        try user.require(.manageAdmissionList)
        return try await store.notAdmittedByDepartment()
    }
}

extension Request {
    func admission() throws -> AdmissionService {
        AdmissionService(db: sql, writer: writer, clock: platform.clock, regions: platform.regions, user: try user)
    }
}
