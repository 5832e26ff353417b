import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Visits to special groups (特殊群体定期探访): every month, a task for each tekun person,
/// each child in distress and each person of 80 or more living alone — once per person and
/// month — and the watch that raises "alone and unvisited" when such a person has had no
/// recorded visit for 30 days.
struct VisitSchedule {
    let db: SQLDatabase

    /// The persons of the special groups in the scope: (person, household, region).
    private func groupMembers(
        on day: CivilDate
    ) async throws -> [(person: UUID, household: UUID, region: String, birth: CivilDate, alone: Bool)] {
        // Born on or before this day 80 years ago (compared as text, so 29 February needs no special case).
        let eighty = String(format: "%04d", day.year - 80) + day.description.dropFirst(4)
        return try await db.raw(
            """
            SELECT p.id, m.household_id, p.region, p.birth_date,
              (SELECT COUNT(*) FROM memberships o WHERE o.household_id = m.household_id AND o.left_at IS NULL) AS members
            FROM persons p JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE p.deceased_on IS NULL AND (
              p.id IN (SELECT person_id FROM enrollments WHERE item_code IN ('tekun', 'childInDistress') AND status <> 'ended' AND person_id IS NOT NULL)
              OR (p.birth_date <= \(bind: eighty)
                  AND (SELECT COUNT(*) FROM memberships o WHERE o.household_id = m.household_id AND o.left_at IS NULL) = 1))
            """
        ).all().compactMap { r in
            guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)) else { return nil }
            return (
                try r.decode(column: "id", as: UUID.self), try r.decode(column: "household_id", as: UUID.self),
                try r.decode(column: "region", as: String.self), birth,
                try r.decode(column: "members", as: Int.self) == 1
            )
        }
    }

    /// Creates the month's scheduled tasks; a person who already has one this month gets no second.
    func schedule(month: YearMonth) async throws -> Int {
        let members = try await groupMembers(on: month.lastDay)
        return try await VisitTasks(db: db).createMissing(
            members.map {
                VisitTasks.Target(
                    person: $0.person, household: $0.household, region: $0.region, from: month.firstDay,
                    due: month.lastDay)
            }, kind: "scheduled")
    }

    /// Raises "alone and unvisited" for people of 80 or more living alone without a visit in 30 days.
    func watch(today: CivilDate) async throws -> Int {
        let alone = try await groupMembers(on: today).filter(\.alone)
        var lastVisit: [UUID: CivilDate] = [:]
        for r in try await db.raw(
            "SELECT person_id, MAX(visited_on) AS last FROM visit_tasks WHERE status = 'done' GROUP BY person_id"
        ).all() {
            if let day = try r.decode(column: "last", as: String?.self).flatMap(CivilDate.init) {
                lastVisit[try r.decode(column: "person_id", as: UUID.self)] = day
            }
        }
        let watched = alone.map {
            AloneAndUnvisitedRule.WatchedPerson(
                personId: $0.person.uuidString, householdId: $0.household.uuidString, birthDate: $0.birth,
                livesAlone: true, lastVisit: lastVisit[$0.person])
        }
        let regions = Dictionary(alone.map { ($0.person.uuidString, $0.region) }, uniquingKeysWith: { a, _ in a })
        let thresholds =
            (try? await PolicyStore(db: db).history().parameters(
                for: RegionTable.changzhou.value, month: today.yearMonth))
            .map(EarlyWarningThresholds.init(parameters:)) ?? .defaults
        let drafts = AloneAndUnvisitedRule.check(persons: watched, today: today, thresholds: thresholds)
        return try await AlertWriter(db: db).raise(
            drafts.map { ($0, regions[$0.personId] ?? RegionTable.changzhou.value) })
    }
}

extension VisitSchedule {
    /// The month's scheduled tasks, in one audited transaction; how many were created.
    static func schedule(month: YearMonth, writer: AuditedWriter) async throws -> Int {
        try await writer.routine(
            "visit.schedule", entity: "visit_task", details: ["month": month.description], count: "tasks"
        ) {
            try await VisitSchedule(db: $0).schedule(month: month)
        }
    }

    /// The alone-and-unvisited watch, in one audited transaction; how many alerts it raised.
    static func watch(today: CivilDate, writer: AuditedWriter) async throws -> Int {
        try await writer.routine("alert.watch", entity: "alert", count: "alerts") {
            try await VisitSchedule(db: $0).watch(today: today)
        }
    }
}

/// `minzheng monitoring schedule [--month YYYY-MM]` and `minzheng monitoring watch`.
struct MonitoringCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["schedule": ScheduleCommand(), "watch": WatchCommand()] }
    var help: String { "监测：monitoring schedule（特殊群体月度探访任务）| monitoring watch（独居高龄未探访预警）" }

    struct ScheduleCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "month", help: "the month, YYYY-MM (default this month)")
            var month: String?
        }
        var help: String { "生成特殊群体本月探访任务" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let month = signature.month.flatMap(YearMonth.init) ?? context.application.platform.clock.today.yearMonth
            let created = try await VisitSchedule.schedule(
                month: month, writer: context.application.writer(actor: .system("cli:monitoring")))
            context.console.output("\(jsonLine(["month": month.description, "tasks": String(created)]))")
        }
    }

    struct WatchCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "检查独居高龄老人是否 30 天未探访" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let raised = try await VisitSchedule.watch(
                today: context.application.platform.clock.today,
                writer: context.application.writer(actor: .system("cli:monitoring")))
            context.console.output("\(jsonLine(["alerts": String(raised)]))")
        }
    }
}
