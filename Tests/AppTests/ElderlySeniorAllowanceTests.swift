@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 尊老金, 免申即享: the month's run enrolls, raises and stops through the payroll that pays it,
/// changes nothing when run again, never doubles an existing enrollment, and the wrong-payment
/// check finds what should not have been paid.
@Suite("Senior allowance without application")
struct ElderlySeniorAllowanceTests {
    static func ym(_ text: String) -> YearMonth { YearMonth(text)! }

    static func run(
        _ app: Application, _ month: String, region: String = "3204"
    ) async throws
        -> SeniorAllowanceService.Counts
    {
        try await app.seniorAllowances(actor: .system("test")).run(
            month: ym(month), within: RegionScope(RegionCode(region)!))
    }

    /// The month's roll, generated and approved; its lines by person.
    static func pay(_ app: Application, _ month: String) async throws -> [UUID: Int64] {
        let roll = try await PayrollTests.service(app, "maker").generate(
            month: ym(month), region: RegionTable.changzhou, replace: false)
        try await PayrollTests.service(app, "checker").approve(roll: roll.id, version: roll.version)
        let rows = try await app.sql.raw(
            "SELECT payee_id, amount_fen FROM payroll_lines WHERE roll_id = \(bind: roll.id) AND item_code = 'seniorAllowance'"
        ).all()
        var result: [UUID: Int64] = [:]
        for r in rows {
            result[try r.decode(column: "payee_id", as: UUID.self), default: 0] += try r.decode(
                column: "amount_fen", as: Int64.self)
        }
        return result
    }

    /// A person born on the date the ID number says (YYYYMMDD), head of a household of `region`.
    static func person(
        _ app: Application, born: String, serial: Int, region: String = "320402001"
    ) async throws -> (
        household: UUID, person: UUID
    ) {
        try await PayrollTests.household(
            app, region: region, head: "\(region.prefix(6))\(born)\(String(format: "%03d", serial))")
    }

    static func amounts(_ app: Application, person: UUID) async throws -> [String] {
        try await app.sql.raw(
            """
            SELECT a.from_month, a.to_month, a.monthly_fen FROM enrollment_amounts a JOIN enrollments e ON e.id = a.enrollment_id
            WHERE e.person_id = \(bind: person) AND e.item_code = 'seniorAllowance' ORDER BY a.from_month
            """
        ).all().map {
            "\(try $0.decode(column: "from_month", as: String.self))…\(try $0.decode(column: "to_month", as: String?.self) ?? ""): \(try $0.decode(column: "monthly_fen", as: Int64.self))"
        }
    }

    @Test(
        "born on 15 March: paid from April after turning 80; born on 1 March: from March",
        arguments: TestDatabase.available)
    func firstMonth(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, fifteenth) = try await Self.person(app, born: "19460315", serial: 401)
            let (_, first) = try await Self.person(app, born: "19460301", serial: 402)
            #expect(try await Self.run(app, "2026-03") == .init(enrolled: 1, raised: 0, stopped: 0))
            #expect(try await Self.pay(app, "2026-03") == [first: 5000])
            #expect(try await Self.run(app, "2026-04") == .init(enrolled: 1, raised: 0, stopped: 0))
            #expect(try await Self.pay(app, "2026-04") == [first: 5000, fifteenth: 5000])
            #expect(try await Self.amounts(app, person: fifteenth) == ["2026-04…: 5000"])
        }
    }

    @Test("a person who died in May is paid for May and not from June", arguments: TestDatabase.available)
    func death(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, dying) = try await Self.person(app, born: "19400101", serial: 401)
            let (_, living) = try await Self.person(app, born: "19410101", serial: 402)
            #expect(try await Self.run(app, "2026-05").enrolled == 2)
            try await app.sql.raw("UPDATE persons SET deceased_on = '2026-05-20' WHERE id = \(bind: dying)").run()
            #expect(try await Self.pay(app, "2026-05") == [dying: 5000, living: 5000])
            #expect(try await Self.run(app, "2026-06") == .init(enrolled: 0, raised: 0, stopped: 1))
            #expect(try await Self.pay(app, "2026-06") == [living: 5000])
            let status = try await app.sql.raw(
                "SELECT status, end_month FROM enrollments WHERE person_id = \(bind: dying)"
            ).first()
            #expect(try status?.decode(column: "status", as: String.self) == "ended")
            #expect(try status?.decode(column: "end_month", as: String?.self) == "2026-05")
            // Nothing more to do, and the dead are not enrolled again.
            #expect(try await Self.run(app, "2026-07") == .init())
        }
    }

    @Test(
        "the amount rises at 90 from the first month at 90, the old one kept as history",
        arguments: TestDatabase.available)
    func raiseAt90(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, p) = try await Self.person(app, born: "19360601", serial: 401)
            #expect(try await Self.run(app, "2026-05") == .init(enrolled: 1, raised: 0, stopped: 0))
            #expect(try await Self.pay(app, "2026-05") == [p: 5000])
            #expect(try await Self.run(app, "2026-06") == .init(enrolled: 0, raised: 1, stopped: 0))
            #expect(try await Self.run(app, "2026-06") == .init())
            #expect(try await Self.pay(app, "2026-06") == [p: 10000])
            #expect(try await Self.amounts(app, person: p) == ["2026-05…2026-05: 5000", "2026-06…: 10000"])
        }
    }

    @Test(
        "running the month twice changes nothing; an existing enrollment is never doubled",
        arguments: TestDatabase.available)
    func idempotentAndNoDuplicate(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (h, applied) = try await Self.person(app, born: "19300101", serial: 401)
            _ = try await Self.person(app, born: "19350101", serial: 402)
            _ = try await Self.person(app, born: "19700101", serial: 403)
            // Granted through an application before: 10 000 fen, the right amount at 96.
            _ = try await PayrollTests.enroll(
                app, household: h, person: applied, item: "seniorAllowance", region: "320402001", fen: 10000,
                start: Self.ym("2026-01"))
            #expect(try await Self.run(app, "2026-06") == .init(enrolled: 1, raised: 0, stopped: 0))
            let events = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'seniorAllowance.run'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(try await Self.run(app, "2026-06") == .init())
            #expect(try await Self.run(app, "2026-06", region: "320402001") == .init())
            let count = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM enrollments WHERE person_id = \(bind: applied)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(count == 1)
            // One event for the run that changed something, none for those that did not.
            let after = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'seniorAllowance.run'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(events == 1 && after == 1)
        }
    }

    @Test("a run for one district touches only its people", arguments: TestDatabase.available)
    func regionScopedRun(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.person(app, born: "19400101", serial: 401, region: "320402001")
            _ = try await Self.person(app, born: "19400101", serial: 402, region: "320404001")
            #expect(try await Self.run(app, "2026-06", region: "320404") == .init(enrolled: 1, raised: 0, stopped: 0))
            #expect(try await Self.run(app, "2026-06") == .init(enrolled: 1, raised: 0, stopped: 0))
        }
    }

    @Test(
        "the wrong-payment check finds a payment after a death recorded later and a duplicate, within the region",
        arguments: TestDatabase.available)
    func wrongPayments(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, dead) = try await Self.person(app, born: "19400101", serial: 401)
            let (h, twice) = try await Self.person(app, born: "19410101", serial: 402)
            let (_, other) = try await Self.person(app, born: "19420101", serial: 403, region: "320404001")
            #expect(try await Self.run(app, "2026-06").enrolled == 3)
            // A second enrollment of one person (an application granted beside the run's).
            _ = try await PayrollTests.enroll(
                app, household: h, person: twice, item: "seniorAllowance", region: "320402001", fen: 5000,
                start: Self.ym("2026-06"))
            #expect(try await Self.pay(app, "2026-06") == [dead: 5000, twice: 10000, other: 5000])
            // The death, on 10 May, reaches the registry after June was paid.
            try await app.sql.raw("UPDATE persons SET deceased_on = '2026-05-10' WHERE id = \(bind: dead)").run()

            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let res = try await send(app, .GET, "/api/v1/elderly/allowance-wrong-payments?month=2026-06", token: admin)
            #expect(res.status == .ok)
            let body = try res.json(SeniorAllowanceAPIController.WrongPayments.self)
            #expect(body.count == 2)
            #expect(body.totalToRecoverFen == 10000)
            #expect(
                Set(body.payments.map { "\($0.personId!):\($0.reason):\($0.amountToRecoverFen)" }) == [
                    "\(dead):deceased:5000", "\(twice):duplicate:5000",
                ])
            // Another district sees none of them; the street's district sees both.
            let elsewhere = try await app.token(role: .districtOfficer, region: "320404")
            #expect(
                try await send(app, .GET, "/api/v1/elderly/allowance-wrong-payments", token: elsewhere).json(
                    SeniorAllowanceAPIController.WrongPayments.self
                ).count == 0)
            let district = try await app.token(role: .districtOfficer, region: "320402")
            #expect(
                try await send(app, .GET, "/api/v1/elderly/allowance-wrong-payments", token: district).json(
                    SeniorAllowanceAPIController.WrongPayments.self
                ).count == 2)
            #expect(
                try await send(app, .GET, "/api/v1/elderly/allowance-wrong-payments?month=2026-13", token: admin)
                    .status == .badRequest)
            // The next run stops the dead person's allowance from June.
            #expect(try await Self.run(app, "2026-07").stopped == 1)
        }
    }

    @Test(
        "the page: officers with the payroll run it now for their region and export the check",
        arguments: TestDatabase.available)
    func page(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.person(app, born: "19400101", serial: 401, region: "320402001")
            _ = try await Self.person(app, born: "19400101", serial: 402, region: "320404001")
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let visit = try await FormVisit.open(app, "/elderly/allowances", cookie: cookie)
            #expect(visit.page.status == .ok)
            #expect(visit.page.body.string.contains("尊老金"))
            let month = app.platform.clock.today.yearMonth.description
            let posted = try await visit.post(app, "/elderly/allowances", [("month", month)])
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location)?.contains("enrolled=1") == true)
            let shown = try await FormVisit.open(app, posted.headers.first(name: .location)!, cookie: cookie)
            #expect(shown.page.body.string.contains("新纳入 1 人"))
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "minzheng_session=\(cookie)")
            let xlsx = try await send(app, .GET, "/elderly/allowances/wrong-payments.xlsx", headers: headers)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            // A street officer has no payroll permission.
            let street = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            #expect(try await FormVisit.open(app, "/elderly/allowances", cookie: street).page.status == .forbidden)
        }
    }
}
