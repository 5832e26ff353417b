@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing

/// The roll's SQL pays exactly whom `PaymentRule` says, case by case.
@Suite("The roll agrees with the payment rule")
struct PaymentRuleAgreementTests {
    /// start, end, status, status from, payee died on.
    static let cases: [(String, String?, EnrollmentStatus, String?, String?)] = [
        ("2026-12", nil, .active, nil, nil), ("2027-01", nil, .active, nil, nil),
        ("2026-01", "2026-11", .active, nil, nil),
        ("2026-01", "2026-12", .gradualExit, "2026-10", nil), ("2026-01", nil, .suspended, "2027-01", nil),
        ("2026-01", nil, .suspended, "2026-12", nil), ("2026-01", nil, .suspended, nil, nil),
        ("2026-01", "2026-11", .ended, "2026-12", nil),
        ("2026-01", nil, .active, nil, "2026-12-31"), ("2026-01", nil, .active, nil, "2026-12-01"),
        ("2026-01", nil, .active, nil, "2026-11-30"),
    ]

    @Test("every case of the rule's table, on the database", arguments: TestDatabase.available)
    func agrees(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let month = YearMonth("2026-12")!
            var expected: Set<UUID> = []
            var all: [UUID] = []
            for (i, c) in Self.cases.enumerated() {
                let (household, head) = try await PayrollTests.household(
                    app, region: "320402001", head: "3204021950010" + "1\(100 + i)")
                let id = try await PayrollTests.enroll(
                    app, household: household, person: head, item: "seniorAllowance", region: "320402001",
                    fen: 10_000, start: YearMonth(c.0)!, status: c.2.rawValue, end: c.1.flatMap(YearMonth.init))
                try await app.sql.raw("UPDATE enrollments SET status_from = \(bind: c.3) WHERE id = \(bind: id)").run()
                try await app.sql.raw("UPDATE persons SET deceased_on = \(bind: c.4) WHERE id = \(bind: head)").run()
                all.append(id)
                if PaymentRule.pays(
                    in: month, start: YearMonth(c.0)!, end: c.1.flatMap(YearMonth.init), status: c.2,
                    statusFrom: c.3.flatMap(YearMonth.init), payeeDiedOn: c.4.flatMap(CivilDate.init))
                {
                    expected.insert(id)
                }
            }
            #expect(expected.count == 5, "the table pays some and not others")
            let roll = try await PayrollTests.service(app, "maker").generate(
                month: month, region: RegionCode("320402")!, replace: false)
            let paid = Set(try await PayrollTests.lines(app, roll: roll.id).map(\.enrollment))
            for (i, id) in all.enumerated() {
                #expect(paid.contains(id) == expected.contains(id), "case \(i): \(Self.cases[i])")
            }
        }
    }
}
