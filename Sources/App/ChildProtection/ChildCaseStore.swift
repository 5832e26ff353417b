import Foundation
import MinzhengCore
import SQLKit

/// The SQL of `child_cases`, `child_case_entries` and `child_case_referrals`. Reads return the
/// sealed columns as stored: the service opens them for those who may read them.
struct ChildCaseStore {
    let db: SQLDatabase

    /// A case as stored.
    struct Row: Decodable, Sendable {
        let id: UUID
        let number: String
        let channel: String
        let reporterKind: String
        let concerns: String
        let urgency: String
        var status: String
        var caseCipher: String
        let childPersonId: UUID?
        let childMasked: String
        let region: String
        let reportedAt: Date
        let responseDueAt: Date
        var respondedAt: Date?
        var lastContactOn: String?
        var planIntervalDays: Int?
        let intakeUserId: UUID
        let intakeName: String
        var workerId: UUID?
        var workerName: String?
        var supervisorId: UUID?
        var supervisorName: String?
        var assignedAt: Date?
        var closureReason: String?
        var closureNote: String?
        var closedAt: Date?
        var version: Int
    }

    struct Entry: Decodable, Sendable {
        let id: UUID
        let kind: String
        let textCipher: String
        let contactOn: String
        let byName: String
        let createdAt: Date
    }

    struct Referral: Decodable, Sendable {
        let id: UUID
        let caseId: UUID
        let partner: String
        let textCipher: String
        let sentOn: String
        let answerDueOn: String
        let answeredOn: String?
        let chasedAt: Date?
        let byName: String
    }

    /// Whose cases a list shows: the office's region, or one member of staff's assignments.
    enum Reach: Sendable {
        case office(RegionScope)
        case assignedTo(UUID)

        var condition: SQLQueryString {
            switch self {
            case .office(let scope): return scope.condition("region")
            case .assignedTo(let user): return "(worker_id = \(bind: user) OR supervisor_id = \(bind: user))"
            }
        }
    }

    private static func decode<T: Decodable>(_ row: SQLRow, as type: T.Type) throws -> T {
        try row.decode(model: type, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The next number of the year's series, `WB2026-000001`, inside the intake's transaction.
    func nextNumber(year: Int) async throws -> String {
        try await SerialNumber.next(prefix: "WB\(year)-", in: "child_cases", db: db)
    }

    func insert(_ row: Row, at now: Date) async throws {
        try await db.insert(into: "child_cases")
            .columns(
                "id", "number", "channel", "reporter_kind", "concerns", "urgency", "status", "case_cipher",
                "child_person_id", "child_masked", "region", "reported_at", "response_due_at", "intake_user_id",
                "intake_name", "version", "updated_at"
            )
            .values(
                SQLBind(row.id), SQLBind(row.number), SQLBind(row.channel), SQLBind(row.reporterKind),
                SQLBind(row.concerns), SQLBind(row.urgency), SQLBind(row.status), SQLBind(row.caseCipher),
                SQLBind(row.childPersonId), SQLBind(row.childMasked), SQLBind(row.region), SQLBind(row.reportedAt),
                SQLBind(row.responseDueAt), SQLBind(row.intakeUserId), SQLBind(row.intakeName), SQLBind(row.version),
                SQLBind(now)
            )
            .run()
    }

    func find(_ id: UUID) async throws -> Row? {
        try await db.raw("SELECT * FROM child_cases WHERE id = \(bind: id)").first().map {
            try Self.decode($0, as: Row.self)
        }
    }

    /// A page of the cases within reach, newest report first; `open` leaves out the closed.
    func list(_ reach: Reach, open: Bool, page: PageRequest) async throws -> (rows: [Row], total: Int) {
        let state: SQLQueryString = open ? "status <> 'closed'" : "status = 'closed'"
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM child_cases WHERE \(reach.condition) AND \(state)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT * FROM child_cases WHERE \(reach.condition) AND \(state)
            ORDER BY reported_at DESC, id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try Self.decode($0, as: Row.self) }
        return (rows, total)
    }

    /// Writes what a step changed when `row.version` is still the stored one; false when not.
    func save(_ row: Row, at now: Date) async throws -> Bool {
        let updated = try await db.raw(
            """
            UPDATE child_cases SET status = \(bind: row.status), case_cipher = \(bind: row.caseCipher),
            responded_at = \(bind: row.respondedAt), last_contact_on = \(bind: row.lastContactOn),
            plan_interval_days = \(bind: row.planIntervalDays), worker_id = \(bind: row.workerId),
            worker_name = \(bind: row.workerName), supervisor_id = \(bind: row.supervisorId),
            supervisor_name = \(bind: row.supervisorName), assigned_at = \(bind: row.assignedAt),
            closure_reason = \(bind: row.closureReason), closure_note = \(bind: row.closureNote),
            closed_at = \(bind: row.closedAt), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: row.id) AND version = \(bind: row.version) RETURNING id
            """
        ).all()
        return !updated.isEmpty
    }

    func insertEntry(
        case id: UUID, kind: ChildCaseEntryKind, textCipher: String, contactOn: CivilDate, by user: CurrentUser,
        at now: Date
    ) async throws {
        try await db.insert(into: "child_case_entries")
            .columns("id", "case_id", "kind", "text_cipher", "contact_on", "by_user_id", "by_name", "created_at")
            .values(
                SQLBind(UUID()), SQLBind(id), SQLBind(kind.rawValue), SQLBind(textCipher),
                SQLBind(contactOn.description), SQLBind(user.id), SQLBind(user.displayName), SQLBind(now)
            )
            .run()
    }

    func entries(case id: UUID) async throws -> [Entry] {
        try await db.raw(
            "SELECT * FROM child_case_entries WHERE case_id = \(bind: id) ORDER BY created_at, id"
        ).all().map { try Self.decode($0, as: Entry.self) }
    }

    func insertReferral(
        case id: UUID, partner: ChildCasePartner, textCipher: String, sentOn: CivilDate, dueOn: CivilDate,
        by name: String, at now: Date
    ) async throws -> UUID {
        let referral = UUID()
        try await db.insert(into: "child_case_referrals")
            .columns(
                "id", "case_id", "partner", "text_cipher", "sent_on", "answer_due_on", "by_name", "created_at"
            )
            .values(
                SQLBind(referral), SQLBind(id), SQLBind(partner.rawValue), SQLBind(textCipher),
                SQLBind(sentOn.description), SQLBind(dueOn.description), SQLBind(name), SQLBind(now)
            )
            .run()
        return referral
    }

    func referrals(case id: UUID) async throws -> [Referral] {
        try await db.raw(
            "SELECT * FROM child_case_referrals WHERE case_id = \(bind: id) ORDER BY created_at, id"
        ).all().map { try Self.decode($0, as: Referral.self) }
    }

    /// The partner's answer, once: false when the referral is not the case's or already answered.
    func answerReferral(_ id: UUID, case caseID: UUID, textCipher: String, on day: CivilDate) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE child_case_referrals SET text_cipher = \(bind: textCipher), answered_on = \(bind: day.description)
            WHERE id = \(bind: id) AND case_id = \(bind: caseID) AND answered_on IS NULL RETURNING id
            """
        ).all().isEmpty)
    }

    /// Marks an unanswered referral chased now.
    func chaseReferral(_ id: UUID, case caseID: UUID, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE child_case_referrals SET chased_at = \(bind: now)
            WHERE id = \(bind: id) AND case_id = \(bind: caseID) AND answered_on IS NULL RETURNING id
            """
        ).all().isEmpty)
    }
}
