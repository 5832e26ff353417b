@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The run's SQL (`SeniorAllowanceStore`) and `SeniorAllowanceEnrollmentRule` give the same
/// answer for every case of the table, as `PaymentRuleAgreementTests` does for the roll.
@Suite("Senior allowance: the run's SQL agrees with Core")
struct ElderlySeniorAllowanceAgreementTests {
    struct Case: Sendable {
        let born: String
        var died: String? = nil
        var moved: String? = nil
        /// An enrollment before the run: its amount, from which month, and whether it is ended.
        var enrolled: Int64? = nil
        var from = "2026-01"
        var ended = false
    }

    static let month = YearMonth("2026-06")!

    static let cases: [Case] = [
        Case(born: "19460601"), Case(born: "19460602"), Case(born: "19460515"), Case(born: "19440229"),
        Case(born: "19360601", enrolled: 5000), Case(born: "19360602", enrolled: 5000),
        Case(born: "19260601", enrolled: 10000), Case(born: "19400101", enrolled: 4000),
        Case(born: "19400101", died: "2026-05-20", enrolled: 5000), Case(born: "19400101", died: "2026-04-30"),
        Case(born: "19300101", died: "2026-06-03", enrolled: 10000),
        Case(born: "19400101", moved: "2026-05-03", enrolled: 5000), Case(born: "19400101", moved: "2026-03-03"),
        Case(born: "19400101", enrolled: 5000, from: "2026-07"), Case(born: "19500101", enrolled: 5000),
        Case(born: "19400101", enrolled: 5000, ended: true), Case(born: "19400101", enrolled: 5000),
    ]

    @Test("every case of the table", arguments: TestDatabase.available)
    func agreement(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            let tiers = SeniorAllowanceTiers(
                try await PolicyStore(db: sql).history().parameters(for: "320402001", month: Self.month))
            var people: [(Case, UUID, Set<UUID>, SeniorAllowanceEnrollmentRule.Decision)] = []
            for (i, c) in Self.cases.enumerated() {
                let (h, p) = try await PayrollTests.household(
                    app, region: "320402001", head: "320402\(c.born)\(String(format: "%03d", 401 + i))")
                var existing = Set<UUID>()
                if let fen = c.enrolled {
                    existing.insert(
                        try await PayrollTests.enroll(
                            app, household: h, person: p, item: "seniorAllowance", region: "320402001", fen: fen,
                            start: YearMonth(c.from)!, status: c.ended ? "ended" : "active",
                            end: c.ended ? YearMonth("2026-03")! : nil))
                }
                if let died = c.died {
                    try await sql.raw("UPDATE persons SET deceased_on = \(bind: died) WHERE id = \(bind: p)").run()
                }
                var moved: CivilDate?
                if let text = c.moved {
                    // The registry records a move as the household's region: one outside the city (苏州).
                    let day = CivilDate(text)!
                    moved = day
                    try await sql.raw("UPDATE households SET region = '320505001' WHERE id = \(bind: h)").run()
                    try await sql.raw("UPDATE persons SET region = '320505001' WHERE id = \(bind: p)").run()
                    try await sql.raw(
                        "UPDATE memberships SET joined_at = \(bind: BeijingTime.startOfDay(day).addingTimeInterval(3600)) WHERE person_id = \(bind: p)"
                    ).run()
                }
                let person = SeniorAllowanceEnrollmentRule.Person(
                    born: CivilDate(
                        year: Int(c.born.prefix(4))!, month: Int(c.born.dropFirst(4).prefix(2))!,
                        day: Int(c.born.suffix(2))!)!,
                    diedOn: c.died.flatMap(CivilDate.init), movedOutOn: moved)
                let enrollment = c.enrolled.flatMap { fen -> SeniorAllowanceEnrollmentRule.Enrollment? in
                    c.ended
                        ? nil
                        : SeniorAllowanceEnrollmentRule.Enrollment(
                            amountInForce: YearMonth(c.from)! <= Self.month ? Fen(fen) : nil)
                }
                let expected = SeniorAllowanceEnrollmentRule.decide(
                    person, enrollment: enrollment, month: Self.month, tiers: tiers)
                people.append((c, p, existing, expected))
            }
            _ = try await app.seniorAllowances(actor: .system("test")).run(
                month: Self.month, within: SeniorAllowanceStore.city)
            for (c, p, existing, expected) in people {
                #expect(try await Self.outcome(sql, person: p, existing: existing) == expected, "\(c)")
            }
        }
    }

    /// What the run did to the person, as a decision.
    static func outcome(
        _ sql: SQLDatabase, person: UUID, existing: Set<UUID>
    ) async throws -> SeniorAllowanceEnrollmentRule.Decision {
        let rows = try await sql.raw(
            "SELECT id, monthly_fen, status, status_from FROM enrollments WHERE person_id = \(bind: person)"
        ).all()
        for r in rows {
            let id = try r.decode(column: "id", as: UUID.self)
            if !existing.contains(id) {
                return .enroll(amount: Fen(try r.decode(column: "monthly_fen", as: Int64.self)))
            }
            if try r.decode(column: "status", as: String.self) == "ended",
                let from = try r.decode(column: "status_from", as: String?.self)
            {
                return .stop(from: YearMonth(from)!)
            }
            let amounts = try await sql.raw(
                "SELECT from_month, monthly_fen FROM enrollment_amounts WHERE enrollment_id = \(bind: id) ORDER BY from_month"
            ).all()
            if amounts.count == 2, try amounts[1].decode(column: "from_month", as: String.self) == month.description {
                return .changeAmount(
                    from: Fen(try amounts[0].decode(column: "monthly_fen", as: Int64.self)),
                    to: Fen(try amounts[1].decode(column: "monthly_fen", as: Int64.self)))
            }
        }
        return .nothing
    }
}
