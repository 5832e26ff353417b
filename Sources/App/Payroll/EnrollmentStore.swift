import Foundation
import MinzhengCore
import SQLKit

/// Enrollments' amounts and statuses over time. Nothing is overwritten: an amount change
/// closes the amount in force and opens a new one from a month; a status change records
/// the month it takes effect.
struct EnrollmentStore {
    let db: SQLDatabase

    /// How many enrollments of `items` matching `owner` (`e.person_id = p.id`, …) the payroll
    /// pays (not stopped: `PaymentRule.stoppingStatuses`), as a subquery for a read's columns.
    static func paying(_ items: [AssistanceItemCode], of owner: SQLQueryString) -> SQLQueryString {
        """
        (SELECT COUNT(*) FROM enrollments e WHERE \(owner) AND e.item_code IN \(SQLBind.group(items.map(\.rawValue)))
          AND e.status NOT IN \(SQLBind.group(PaymentRule.stoppingStatuses.map(\.rawValue))))
        """
    }

    /// The programmes that mark a household as poor: dibao and the low-income edge.
    static let dibaoOrEdge: [AssistanceItemCode] = [.dibao, .lowIncomeEdge]

    /// A new active enrollment paying `monthlyFen` from `start`, its amount on record from then.
    func create(
        item: String, household: UUID, person: UUID?, region: String, monthlyFen: Int64, start: YearMonth,
        application: UUID?,
        reason: String, at now: Date
    ) async throws -> UUID {
        let id = UUID.random()
        try await db.insert(into: "enrollments")
            .columns(
                "id", "item_code", "household_id", "person_id", "region", "monthly_fen", "start_month", "status",
                "application_id",
                "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(item), SQLBind(household), SQLBind(person), SQLBind(region), SQLBind(monthlyFen),
                SQLBind(start.description), SQLBind(EnrollmentStatus.active.rawValue), SQLBind(application), SQLBind(1),
                SQLBind(now)
            )
            .run()
        try await setAmount(enrollment: id, monthlyFen: monthlyFen, from: start, reason: reason, at: now)
        return id
    }

    /// A person's benefits: their own enrollments and their household's (not another
    /// member's own), newest first, within the viewer's region.
    func benefits(person: UUID, household: UUID?, within scope: RegionScope) async throws -> [EnrollmentRecord] {
        try await db.raw(
            """
            SELECT * FROM enrollments WHERE (person_id = \(bind: person) OR (person_id IS NULL AND household_id = \(bind: household)))
              AND \(scope.condition("region")) ORDER BY start_month DESC, id
            """
        ).all().map(EnrollmentRecord.init(row:))
    }

    /// A household's enrollments within the viewer's region, oldest first.
    func enrollments(household: UUID, within scope: RegionScope) async throws -> [EnrollmentRecord] {
        try await db.raw(
            """
            SELECT * FROM enrollments WHERE household_id = \(bind: household) AND \(scope.condition("region")) ORDER BY start_month, id
            """
        ).all().map(EnrollmentRecord.init(row:))
    }

    func enrollment(id: UUID, within scope: RegionScope) async throws -> EnrollmentRecord? {
        try await db.raw("SELECT * FROM enrollments WHERE id = \(bind: id) AND \(scope.condition("region"))").first()
            .map(EnrollmentRecord.init(row:))
    }

    /// The enrollments of `persons` not yet ended, with their person.
    func unended(ofPersons persons: [UUID]) async throws -> [(enrollment: UUID, person: UUID)] {
        var result: [(enrollment: UUID, person: UUID)] = []
        for chunk in persons.chunked(500) {
            result += try await db.raw(
                "SELECT id, person_id FROM enrollments WHERE person_id IN \(SQLBind.group(chunk)) AND status <> \(bind: EnrollmentStatus.ended.rawValue)"
            ).all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "person_id", as: UUID.self))
            }
        }
        return result
    }

    /// The active household-level enrollments (no person of their own) of `households`,
    /// with the amount in force now.
    func activeHouseholdEnrollments(of households: [UUID]) async throws -> [HouseholdEnrollment] {
        var result: [HouseholdEnrollment] = []
        for chunk in households.chunked(500) {
            result += try await db.raw(
                """
                SELECT id, item_code, household_id, region, monthly_fen FROM enrollments
                WHERE household_id IN \(SQLBind.group(chunk)) AND person_id IS NULL AND status = \(bind: EnrollmentStatus.active.rawValue)
                ORDER BY household_id, id
                """
            ).all().map { r in
                HouseholdEnrollment(
                    id: try r.decode(column: "id", as: UUID.self),
                    item: try r.decode(column: "item_code", as: String.self),
                    household: try r.decode(column: "household_id", as: UUID.self),
                    region: try r.decode(column: "region", as: String.self),
                    amount: Fen(try r.decode(column: "monthly_fen", as: Int64.self)))
            }
        }
        return result
    }

    struct HouseholdEnrollment: Sendable {
        let id: UUID
        let item: String
        let household: UUID
        let region: String
        let amount: Fen
    }

    /// The amount from `from` on; the amount in force until then ends the month before.
    func setAmount(enrollment: UUID, monthlyFen: Int64, from: YearMonth, reason: String, at now: Date) async throws {
        let before = from.adding(months: -1).description
        // Amounts that would start at or after `from` are superseded by this one.
        try await db.delete(from: "enrollment_amounts").where("enrollment_id", .equal, enrollment)
            .where("from_month", .greaterThanOrEqual, from.description).run()
        try await db.update("enrollment_amounts").set("to_month", to: before)
            .where("enrollment_id", .equal, enrollment).where("to_month", .is, SQLLiteral.null).run()
        try await db.insert(into: "enrollment_amounts").columns(
            "id", "enrollment_id", "from_month", "to_month", "monthly_fen", "reason", "created_at"
        )
        .values(
            SQLBind(UUID.random()), SQLBind(enrollment), SQLBind(from.description), SQLLiteral.null,
            SQLBind(monthlyFen), SQLBind(reason),
            SQLBind(now)
        )
        .run()
        try await db.update("enrollments").set("monthly_fen", to: monthlyFen).set(
            SQLIdentifier("version"), to: SQLRaw("version + 1")
        )
        .where("id", .equal, enrollment).run()
    }

    /// Suspends, resumes (active) or ends an enrollment from a month.
    func setStatus(enrollment: UUID, status: EnrollmentStatus, from: YearMonth, reason: String) async throws {
        var update = db.update("enrollments").set("status", to: status.rawValue).set(
            "status_from", to: from.description
        ).set("status_reason", to: reason)
            .set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
        if status == .ended { update = update.set("end_month", to: from.adding(months: -1).description) }
        try await update.where("id", .equal, enrollment).run()
    }

    /// Pays on at the amount in force until `lastMonth`, then ends (渐退: income rose above
    /// the line).
    func startGradualExit(enrollment: UUID, from: YearMonth, lastMonth: String?, reason: String) async throws {
        try await db.update("enrollments").set("status", to: EnrollmentStatus.gradualExit.rawValue).set(
            "status_from", to: from.description
        )
        .set("status_reason", to: reason).set("end_month", to: lastMonth)
        .where("id", .equal, enrollment).run()
    }

    /// Pays an ended enrollment again from a month (a change the street corrected).
    func reinstate(enrollment: UUID, from: YearMonth, reason: String) async throws {
        try await db.update("enrollments").set("status", to: EnrollmentStatus.active.rawValue).set(
            "status_from", to: from.description
        ).set("status_reason", to: reason)
            .set("end_month", to: SQLLiteral.null).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
            .where("id", .equal, enrollment).run()
    }
}
