import Foundation
import MinzhengCore
import SQLKit

/// Reads and writes of applications, their steps, documents and the enrollments approval
/// creates. Visibility is decided here, in the queries: staff see their region (department
/// users: their department's items within their region), residents their own household.
struct ApplicationStore {
    let db: SQLDatabase

    /// Who is looking, as the queries filter.
    enum Viewer: Sendable {
        case staff(RegionScope)
        case department(code: String, RegionScope)
        case resident(householdIDs: [UUID], userID: UUID)
    }

    private func condition(_ viewer: Viewer) -> SQLQueryString {
        switch viewer {
        case .staff(let scope), .department(_, let scope):
            return "\(flow(viewer)) AND \(scope.condition("a.region"))"
        case .resident(let households, let userID):
            guard !households.isEmpty else { return "a.applicant_user_id = \(bind: userID)" }
            return "(a.applicant_user_id = \(bind: userID) OR a.household_id IN \(SQLBind.group(households)))"
        }
    }

    /// The applications a staff viewer works on, their region aside.
    private func flow(_ viewer: Viewer) -> SQLQueryString {
        switch viewer {
        case .staff: return "a.flow = 'civilAffairs'"
        case .department(let code, _): return "a.flow = 'department' AND a.department = \(bind: code)"
        case .resident: return "1 = 0"
        }
    }

    func application(id: UUID, for viewer: Viewer, catalog: AssistanceCatalog) async throws -> ApplicationRecord? {
        guard
            let row = try await db.raw(
                "SELECT a.* FROM applications a WHERE a.id = \(bind: id) AND \(condition(viewer))"
            ).first()
        else {
            return nil
        }
        var record = try ApplicationRecord(row: row, catalog: catalog)
        record.receiptNumber = try await ReceiptStore(db: db).number(.application, record: id)
        record.steps = try await db.raw(
            """
            SELECT action, from_state, to_state, actor_name, note, at FROM application_steps
            WHERE application_id = \(bind: id) ORDER BY at, id
            """
        ).all().map { r in
            let action = try r.decode(column: "action", as: String.self)
            return ApplicationRecord.Step(
                action: action,
                actionName: WorkflowActionKind(rawValue: action)?.chinese ?? (action == "submit" ? "提交申请" : action),
                fromState: try r.decode(column: "from_state", as: String.self),
                toState: try r.decode(column: "to_state", as: String.self),
                actorName: try r.decode(column: "actor_name", as: String.self),
                note: try r.decode(column: "note", as: String?.self),
                at: try r.decode(column: "at", as: Date.self),
                time: BeijingTime.timestamp(try r.decode(column: "at", as: Date.self)))
        }
        record.documents = try await db.raw(
            """
            SELECT id, requirement, file_name, content_type, size, uploaded_by, uploaded_at FROM application_documents
            WHERE application_id = \(bind: id) ORDER BY uploaded_at, id
            """
        ).all().map { r in
            ApplicationRecord.Document(
                id: try r.decode(column: "id", as: UUID.self),
                requirement: try r.decode(column: "requirement", as: String.self),
                fileName: try r.decode(column: "file_name", as: String.self),
                contentType: try r.decode(column: "content_type", as: String.self),
                size: try r.decode(column: "size", as: Int.self),
                uploadedBy: try r.decode(column: "uploaded_by", as: String.self),
                uploadedAt: try r.decode(column: "uploaded_at", as: Date.self))
        }
        return record
    }

    struct QueueFilter: Sendable {
        var states: [WorkflowState] = []
        var overdueOn: CivilDate?
        /// A person's own applications and their household's (a person's page).
        var person: (id: UUID, household: UUID?)?
        var sort = ApplicationSort.submitted
    }

    /// Oldest first: the order work should be done in.
    func queue(
        for viewer: Viewer, filter: QueueFilter, page: PageRequest, catalog: AssistanceCatalog,
        regions: RegionTable, today: CivilDate
    ) async throws -> Page<ApplicationSummary> {
        var conditions: [SQLQueryString] = []
        if !filter.states.isEmpty { conditions.append("a.state IN \(SQLBind.group(filter.states.map(\.rawValue)))") }
        if let day = filter.overdueOn {
            conditions.append(
                "a.deadline_on < \(bind: day.description) AND a.state NOT IN ('approved', 'rejected', 'withdrawn')")
        }
        if let person = filter.person {
            conditions.append(
                "(a.person_id = \(bind: person.id) OR (a.person_id IS NULL AND a.household_id = \(bind: person.household)))"
            )
        }
        let rows: [any SQLRow]
        let paged: ([ApplicationSummary]) -> Page<ApplicationSummary>
        switch viewer {
        case .staff(let scope) where filter.person == nil, .department(_, let scope) where filter.person == nil:
            // A region's queue seeks (`SeekList`): capped count, pages from the edge rows.
            // The scope is the list's own; the flow (and department) lead its indexes.
            let list = SeekList(
                db: db, from: "applications a", id: "a.id", region: "a.region", scope: scope,
                filter: ([flow(viewer)] + conditions).joined(separator: " AND "), order: filter.sort.order,
                descending: filter.sort.descending, cursor: ("applications", filter.sort.cursorColumns))
            let seek = try await list.read(page)
            rows =
                seek.ids.isEmpty
                ? []
                : try await db.raw("\(Self.summaryColumns) WHERE a.id IN \(SQLBind.group(seek.ids))").all()
            paged = { seek.page(rows: $0, id: \.id, perPage: page.perPage) }
        case .staff, .department, .resident:
            // A household's own few applications (a resident's, or on a person's page): counted
            // and numbered, found by the household's index.
            let sql = ([condition(viewer)] + conditions).joined(separator: " AND ")
            let total =
                try await db.raw("SELECT COUNT(*) AS n FROM applications a WHERE \(sql)").first()?.decode(
                    column: "n", as: Int.self) ?? 0
            let page = page.clamped(total: total)
            rows = try await db.raw(
                """
                \(Self.summaryColumns) WHERE \(sql)
                ORDER BY \(unsafeRaw: filter.sort.orderBy) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
                """
            ).all()
            paged = { Page(items: $0, total: total, page: page.page, perPage: page.perPage) }
        }
        let calendar = WorkingDayCalendar.china
        let items = try rows.map { r in
            let code = try r.decode(column: "item_code", as: String.self)
            let region = try r.decode(column: "region", as: String.self)
            let state = try r.decode(column: "state", as: String.self)
            let submitted = try r.decode(column: "submitted_on", as: String.self)
            let open = !(WorkflowState(rawValue: state)?.isTerminal ?? true)
            let status = CivilDate(submitted).map { calendar.deadlineStatus(submitted: $0, today: today) }
            var overdue = false
            if case .overdue = status { overdue = open }
            return ApplicationSummary(
                id: try r.decode(column: "id", as: UUID.self),
                itemName: AssistanceItemCode(code).map { catalog.displayName(of: $0) } ?? code,
                region: region, regionName: RegionCode(region).map(regions.fullName) ?? region,
                state: state, stateName: WorkflowState(rawValue: state)?.chinese ?? state,
                submittedOn: submitted, deadlineOn: try r.decode(column: "deadline_on", as: String.self),
                deadline: open ? (status?.chinese ?? "") : "已办结", overdue: overdue,
                version: try r.decode(column: "version", as: Int.self))
        }
        return paged(items)
    }

    private static let summaryColumns: SQLQueryString =
        "SELECT a.id, a.item_code, a.region, a.state, a.submitted_on, a.deadline_on, a.version FROM applications a"

    /// Open applications per state, for a home page's counts.
    func countsByState(for viewer: Viewer) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await db.raw(
            "SELECT a.state, COUNT(*) AS n FROM applications a WHERE \(condition(viewer)) GROUP BY a.state"
        ).all() {
            counts[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The active enrollments of a household, for the exclusion check at intake.
    func activeEnrollments(household: UUID) async throws -> [ExistingEnrollment] {
        let members = try await db.raw(
            "SELECT person_id FROM memberships WHERE household_id = \(bind: household) AND left_at IS NULL"
        ).all()
            .map { try $0.decode(column: "person_id", as: UUID.self).uuidString }
        return try await db.raw(
            """
            SELECT item_code, person_id FROM enrollments WHERE household_id = \(bind: household) AND status IN ('active', 'suspended', 'gradualExit')
            """
        ).all().compactMap { r in
            guard let code = AssistanceItemCode(try r.decode(column: "item_code", as: String.self)) else { return nil }
            if let person = try r.decode(column: "person_id", as: UUID?.self) {
                return ExistingEnrollment(
                    item: code, beneficiary: .person(id: person.uuidString, household: household.uuidString))
            }
            return ExistingEnrollment(
                item: code, beneficiary: .household(id: household.uuidString, members: Set(members)))
        }
    }

    /// The registry facts of a household's current members.
    func memberFacts(household: UUID) async throws -> [RegistryMemberFacts] {
        try await RegistryMemberFactsQuery(db: db).members(of: [household])[household] ?? []
    }
}
