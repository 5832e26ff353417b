@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: a fresh demo shows money flowing and work in every queue.
@Suite("The demo's caseload")
struct DemoCaseloadTests {
    @Test(
        "enrolled households paid for three months, a failed payment to carry, applications at every step, one ready to approve",
        arguments: TestDatabase.available)
    func caseload(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let today = app.platform.clock.today
            _ = try await app.demoSeeder.seed(households: 2_000, seed: 1, today: today)
            let summary = try await app.demoCaseload.seed(today: today)
            #expect(summary.enrolled > 0 && summary.rolls == 3)
            let sql = app.sql
            let rolls = try await sql.raw("SELECT month, state FROM payroll_rolls ORDER BY month").all()
                .map {
                    (try $0.decode(column: "month", as: String.self), try $0.decode(column: "state", as: String.self))
                }
            let month = today.yearMonth
            #expect(rolls.map(\.0) == [-3, -2, -1].map { month.adding(months: $0).description })
            #expect(
                rolls.map(\.1) == ["closed", "closed", "approved"],
                "the last month's failed payment keeps its roll open")
            let states = Set(
                try await sql.raw("SELECT DISTINCT state FROM applications").all().map {
                    try $0.decode(column: "state", as: String.self)
                })
            #expect(states == Set(WorkflowState.allCases.map(\.rawValue)))
            // The month's roll carries the failed payment; the district approves one whose publicity is over.
            let current = try await PayrollTests.service(app, "maker").generate(
                month: month, region: RegionTable.changzhou, replace: false)
            let carried = try await sql.raw(
                "SELECT COUNT(*) AS n FROM payroll_lines WHERE roll_id = \(bind: current.id) AND carried_from IS NOT NULL"
            )
            .first()?.decode(column: "n", as: Int.self)
            #expect(carried == 1)
            let ready = try #require(
                try await sql.raw(
                    """
                    SELECT id, region, version FROM applications WHERE state = 'publicized' AND publicity_start <= \(bind: today.adding(days: -8).description)
                    """
                ).first())
            let district = try await app.token(
                role: .districtOfficer, region: String(try ready.decode(column: "region", as: String.self).prefix(6)))
            let approved = try await send(
                app, .POST, "/api/v1/applications/\(try ready.decode(column: "id", as: UUID.self))/actions",
                token: district,
                json: ["action": "approve", "version": try ready.decode(column: "version", as: Int.self)])
            #expect(approved.status == .ok, "\(approved.body.string)")
            #expect(
                try await AuditStore(db: sql).verify()
                    == .intact(count: try await MonitoringTests.count(app, "audit_events")))
        }
    }
}
