@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Monthly payment rolls")
struct PayrollTests {
    static let month = YearMonth("2026-11")!

    /// A household of `region` with a head (and the head's id), created through the API.
    static func household(_ app: Application, region: String, head: String) async throws -> (UUID, UUID) {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let response = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: RegistryAPITests.household(region: region, headID: residentID(head)))
        #expect(response.status == .created, "\(response.body.string)")
        let household = try response.json(HouseholdDetail.self)
        return (household.id, try #require(household.members.first?.personId))
    }

    static func enroll(
        _ app: Application, household: UUID, person: UUID?, item: String, region: String, fen: Int64,
        start: YearMonth, status: String = "active", end: YearMonth? = nil, application: UUID? = nil
    ) async throws -> UUID {
        let sql = app.sql
        let id = UUID.random()
        try await sql.insert(into: "enrollments")
            .columns(
                "id", "item_code", "household_id", "person_id", "region", "monthly_fen", "start_month", "end_month",
                "status", "application_id",
                "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(item), SQLBind(household), SQLBind(person), SQLBind(region), SQLBind(fen),
                SQLBind(start.description),
                SQLBind(end?.description), SQLBind(status), SQLBind(application), SQLBind(1), SQLBind(Date())
            )
            .run()
        try await EnrollmentStore(db: sql).setAmount(
            enrollment: id, monthlyFen: fen, from: start, reason: "test", at: Date())
        return id
    }

    /// Two dibao households of street 320402001, paid 1 197.00 and 800.50 yuan a month since January 2026.
    static func twoDibaoHouseholds(_ app: Application) async throws {
        let (h1, _) = try await household(app, region: "320402001", head: "32040219500101401")
        let (h2, _) = try await household(app, region: "320402001", head: "32040219600101402")
        _ = try await enroll(
            app, household: h1, person: nil, item: "dibao", region: "320402001", fen: 119700,
            start: YearMonth("2026-01")!)
        _ = try await enroll(
            app, household: h2, person: nil, item: "dibao", region: "320402001", fen: 80050,
            start: YearMonth("2026-01")!)
    }

    static func service(_ app: Application, _ name: String) -> PayrollService {
        app.payroll(actor: AuditActor(id: nil, name: name, requestID: nil))
    }

    static func lines(
        _ app: Application, roll: UUID
    ) async throws -> [(enrollment: UUID, amount: Int64, status: String)] {
        try await app.sql.raw(
            "SELECT enrollment_id, amount_fen, status FROM payroll_lines WHERE roll_id = \(bind: roll) ORDER BY id"
        )
        .all().map {
            (
                try $0.decode(column: "enrollment_id", as: UUID.self),
                try $0.decode(column: "amount_fen", as: Int64.self),
                try $0.decode(column: "status", as: String.self)
            )
        }
    }

    @Test(
        "a roll's lines and totals equal the payable enrollments of its region and month",
        arguments: TestDatabase.available)
    func linesEqualEnrollments(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (h1, p1) = try await Self.household(app, region: "320402001", head: "32040219500101401")
            let (h2, _) = try await Self.household(app, region: "320402002", head: "32040219600101402")
            let (h3, _) = try await Self.household(app, region: "320411002", head: "32041119600101403")
            let a = try await Self.enroll(
                app, household: h1, person: nil, item: "dibao", region: "320402001", fen: 119700,
                start: YearMonth("2026-01")!)
            let b = try await Self.enroll(
                app, household: h1, person: p1, item: "seniorAllowance", region: "320402001", fen: 5000,
                start: Self.month)
            let c = try await Self.enroll(
                app, household: h2, person: nil, item: "dibao", region: "320402002", fen: 80000,
                start: YearMonth("2026-03")!)
            _ = try await Self.enroll(
                app, household: h2, person: nil, item: "lowIncomeEdge", region: "320402002", fen: 100,
                start: YearMonth("2026-12")!)
            _ = try await Self.enroll(
                app, household: h3, person: nil, item: "dibao", region: "320411002", fen: 70000,
                start: YearMonth("2026-01")!)
            _ = try await Self.enroll(
                app, household: h2, person: nil, item: "tekun", region: "320402002", fen: 9,
                start: YearMonth("2026-01")!,
                status: "ended", end: YearMonth("2026-10")!)
            let roll = try await Self.service(app, "maker").generate(
                month: Self.month, region: RegionCode("320402")!, replace: false)
            #expect(roll.lineCount == 3)
            #expect(roll.totalFen == 119700 + 5000 + 80000)
            #expect(Set(try await Self.lines(app, roll: roll.id).map(\.enrollment)) == [a, b, c])
            let totals = try await PayrollStore(db: app.sql).totals(roll: roll.id)
            #expect(totals.reduce(0) { $0 + $1.totalFen } == roll.totalFen)
            #expect(totals.allSatisfy { $0.district == "320402" })

            // A second generation is refused; a draft may be replaced; an approved roll may not.
            await #expect(throws: Refusal.self) {
                try await Self.service(app, "maker").generate(
                    month: Self.month, region: RegionCode("320402")!, replace: false)
            }
            let again = try await Self.service(app, "maker").generate(
                month: Self.month, region: RegionCode("320402")!, replace: true)
            #expect(again.lineCount == 3)
            // Maker ≠ checker.
            await #expect(throws: Refusal.self) {
                try await Self.service(app, "maker").approve(roll: again.id, version: again.version)
            }
            try await Self.service(app, "checker").approve(roll: again.id, version: again.version)
            #expect(try await PayrollStore(db: app.sql).roll(id: again.id)?.state == "approved")
            await #expect(throws: Refusal.self) {
                try await Self.service(app, "maker").generate(
                    month: Self.month, region: RegionCode("320402")!, replace: true)
            }
        }
    }

    @Test(
        "a person who died in the previous month is not paid; one who died this month still is",
        arguments: TestDatabase.available)
    func death(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (h, p) = try await Self.household(app, region: "320402001", head: "32040219300101401")
            _ = try await Self.enroll(
                app, household: h, person: p, item: "seniorAllowance", region: "320402001", fen: 10000,
                start: YearMonth("2026-01")!)
            try await app.sql.raw("UPDATE persons SET deceased_on = '2026-10-15' WHERE id = \(bind: p)").run()
            let october = try await Self.service(app, "m").generate(
                month: YearMonth("2026-10")!, region: RegionTable.changzhou, replace: false)
            #expect(october.lineCount == 1)
            // Nobody is payable in November: no roll, and the refusal says why.
            let november = await #expect(throws: Refusal.self) {
                try await Self.service(app, "m").generate(
                    month: Self.month, region: RegionTable.changzhou, replace: false)
            }
            #expect(november?.message.contains("没有可发放的待遇") == true)
        }
    }

    @Test(
        "gradual exit after a rise in earned income pays the old amount for exactly the configured months",
        arguments: TestDatabase.available)
    func gradualExit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let sql = app.sql
            // Granted on declared means of no earned income; on file now: a wage far above the standard.
            let application = try await ApplicationFlowTests.dibaoApplication(f)
            let enrollment = try await Self.enroll(
                app, household: f.householdID, person: nil, item: "dibao", region: ApplicationFlowTests.street,
                fen: 180000, start: YearMonth("2026-06")!, application: application.id)
            let wage = DeclaredMeans(
                members: [
                    .init(personId: f.headPersonID.uuidString, incomes: [.init(kind: .wage, monthlyFen: 900000)])
                ],
                residentialProperties: 1)
            try await HouseholdMeansStore(db: sql, cipher: app.platform.cipher).save(
                householdID: f.householdID, means: wage, month: Self.month, at: Date())
            let from = YearMonth("2026-12")!
            let report = try await RecalculationRunner(db: sql, cipher: app.platform.cipher, clock: app.platform.clock)
                .run(
                    from: from, within: RegionScope(RegionTable.changzhou),
                    applyingAs: app.writer(actor: .system("test")))
            #expect(report.changed == 1)
            #expect(report.sample.first?.outcome == "gradualExit")
            let months = try await PolicyStore(db: sql).history().parameters(for: "320402", month: from)
                .gradualExitMonths
            let last = from.adding(months: months)
            for offset in 0...months {
                let m = from.adding(months: offset)
                let roll = try await Self.service(app, "m").generate(
                    month: m, region: RegionTable.changzhou, replace: false)
                let paid = try await Self.lines(app, roll: roll.id).filter { $0.enrollment == enrollment }
                #expect(paid.map(\.amount) == [180000], "\(m)")
            }
            // The month after the last one pays nobody: no roll is made.
            await #expect(throws: Refusal.self) {
                try await Self.service(app, "m").generate(
                    month: last.adding(months: 1), region: RegionTable.changzhou, replace: false)
            }
        }
    }

    @Test(
        "a standard change: new amounts from its month, the old kept as history, listed before applying",
        arguments: TestDatabase.available)
    func standardChange(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let sql = app.sql
            let application = try await ApplicationFlowTests.dibaoApplication(f)
            let means = DeclaredMeans(
                members: [
                    .init(personId: f.headPersonID.uuidString, incomes: [.init(kind: .pension, monthlyFen: 30000)])
                ],
                residentialProperties: 1)
            try await HouseholdMeansStore(db: sql, cipher: app.platform.cipher).save(
                householdID: f.householdID, means: means, month: Self.month, at: Date())
            let enrollment = try await Self.enroll(
                app, household: f.householdID, person: nil, item: "dibao", region: ApplicationFlowTests.street,
                fen: 180000, start: YearMonth("2026-06")!, application: application.id)
            _ = try await PolicyStore(db: sql).addVersion(
                PolicyParameterRow(
                    regionCode: "3204", key: .dibaoStandard, fromMonth: YearMonth("2027-01")!,
                    value: 110000), note: "test", createdBy: "test", at: Date())
            let runner = RecalculationRunner(db: sql, cipher: app.platform.cipher, clock: app.platform.clock)
            let preview = try await runner.run(
                from: YearMonth("2027-01")!, within: RegionScope(RegionTable.changzhou), applyingAs: nil)
            // (110000 − 15000) × 2 + 11000 = 201000.
            #expect(preview.sample.first?.oldFen == 180000)
            #expect(preview.sample.first?.newFen == 201000)
            #expect(preview.costDifferenceFen == 21000)
            #expect(
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM enrollment_amounts WHERE enrollment_id = \(bind: enrollment)"
                ).first()?
                .decode(column: "n", as: Int.self) == 1)
            _ = try await runner.run(
                from: YearMonth("2027-01")!, within: RegionScope(RegionTable.changzhou),
                applyingAs: app.writer(actor: .system("test")))
            let december = try await Self.service(app, "m").generate(
                month: YearMonth("2026-12")!, region: RegionTable.changzhou, replace: false)
            let january = try await Self.service(app, "m").generate(
                month: YearMonth("2027-01")!, region: RegionTable.changzhou, replace: false)
            #expect(try await Self.lines(app, roll: december.id).map(\.amount) == [180000])
            #expect(try await Self.lines(app, roll: january.id).map(\.amount) == [201000])
        }
    }

    @Test(
        "the bank file (xlsx read back by openpyxl, CSV), the return file, and the failed line paid in the next roll",
        arguments: TestDatabase.available)
    func bankRoundTrip(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            try await Self.twoDibaoHouseholds(app)
            let roll = try await Self.service(app, "maker").generate(
                month: Self.month, region: RegionTable.changzhou, replace: false)
            await #expect(throws: Refusal.self) {
                _ = try await BankFileExport(db: sql, cipher: app.platform.cipher).write(roll: roll, format: .csv)
            }
            try await Self.service(app, "checker").approve(roll: roll.id, version: roll.version)
            let approved = try #require(try await PayrollStore(db: sql).roll(id: roll.id))

            let xlsx = try await BankFileExport(db: sql, cipher: app.platform.cipher).write(
                roll: approved, format: .xlsx)
            defer { try? FileManager.default.removeItem(atPath: xlsx.path) }
            #expect(xlsx.totalFen == 199750)
            if let rows = try OpenpyxlRows.read(xlsx.path) {
                #expect(rows.first?.first == "明细编号 lineId")
                #expect(rows.dropFirst().first?[2] == residentID("32040219500101401"), "the ID number stays text")
                #expect(rows.last?[0] == "合计 total")
                #expect(rows.last?[5] == "1997.5")
            }
            let csv = try await BankFileExport(db: sql, cipher: app.platform.cipher).write(roll: approved, format: .csv)
            defer { try? FileManager.default.removeItem(atPath: csv.path) }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: csv.path))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so that Excel reads UTF-8")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("明细编号 lineId,领款人,身份证号"))
            #expect(text.contains("1,197.00") || text.contains("1197.00"))

            let ids = try await Self.lines(app, roll: roll.id).map(\.enrollment)
            let lineIDs = try await sql.raw("SELECT id FROM payroll_lines WHERE roll_id = \(bind: roll.id) ORDER BY id")
                .all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            #expect(ids.count == 2)
            let returnFile = NSTemporaryDirectory() + "return-\(UUID().uuidString).csv"
            try "lineId,result,reason\n\(lineIDs[0]),成功,\n\(lineIDs[1]),失败,账户已销户\n999999,成功,\n".write(
                toFile: returnFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: returnFile) }
            let result = try await Self.service(app, "checker").reconcile(roll: roll.id, csv: returnFile)
            #expect(result.paid == 1)
            #expect(result.failed == 1)
            #expect(result.errors.map(\.row) == [4])
            #expect(try await PayrollStore(db: sql).roll(id: roll.id)?.state == "approved")

            let next = try await Self.service(app, "maker").generate(
                month: Self.month.adding(months: 1), region: RegionTable.changzhou, replace: false)
            // Both enrollments are paid again, plus the failed November line carried over.
            #expect(next.lineCount == 3)
            #expect(next.totalFen == 199750 + 80050)
            #expect(try await PayrollStore(db: sql).roll(id: roll.id)?.state == "closed")
        }
    }
}

extension PayrollTests {
    @Test(
        "staff suspend an enrollment from a month (audited) and resume it; a payee's bank account goes into the bank file",
        arguments: TestDatabase.available)
    func suspendAndAccount(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            let (h, p) = try await Self.household(app, region: "320402001", head: "32040219500101401")
            let e = try await Self.enroll(
                app, household: h, person: nil, item: "dibao", region: "320402001", fen: 100000,
                start: YearMonth("2026-01")!)
            let officer = try await app.token(role: .districtOfficer, region: "320402")
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let listed = try await send(app, .GET, "/api/v1/enrollments?householdId=\(h)", token: officer).json(
                [EnrollmentRecord].self)
            #expect(listed.map(\.id) == [e])
            #expect(
                try await send(
                    app, .POST, "/api/v1/enrollments/\(e)/status", token: street,
                    json: ["status": "suspended", "from": "2026-12", "reason": "x", "version": listed[0].version]
                ).status == .forbidden)
            let noReason = try await send(
                app, .POST, "/api/v1/enrollments/\(e)/status", token: officer,
                json: ["status": "suspended", "from": "2026-12", "version": listed[0].version])
            #expect(try noReason.json(ErrorAnswer.self).field == "reason")
            let suspended = try await send(
                app, .POST, "/api/v1/enrollments/\(e)/status", token: officer,
                json: ["status": "suspended", "from": "2026-12", "reason": "入户核查期间暂停", "version": listed[0].version]
            )
            .json(EnrollmentRecord.self)
            #expect(suspended.status == "suspended")
            let november = try await Self.service(app, "m").generate(
                month: Self.month, region: RegionTable.changzhou, replace: false)
            #expect(november.lineCount == 1)
            await #expect(throws: Refusal.self, "suspended in December: nothing to pay") {
                try await Self.service(app, "m").generate(
                    month: YearMonth("2026-12")!, region: RegionTable.changzhou, replace: false)
            }
            _ = try await send(
                app, .POST, "/api/v1/enrollments/\(e)/status", token: officer,
                json: ["status": "active", "from": "2027-01", "reason": "核查无误恢复", "version": suspended.version])
            let january = try await Self.service(app, "m").generate(
                month: YearMonth("2027-01")!, region: RegionTable.changzhou, replace: false)
            #expect(january.lineCount == 1)
            #expect(
                try await AuditStore(db: sql).chain(after: 0, limit: 1000).map(\.action).contains(
                    "enrollment.suspended"))

            let bad = try await send(
                app, .PUT, "/api/v1/persons/\(p)/bank-account", token: officer, json: ["account": "12ab", "bank": "工行"])
            #expect(try bad.json(ErrorAnswer.self).field == "account")
            let saved = try await send(
                app, .PUT, "/api/v1/persons/\(p)/bank-account", token: officer,
                json: ["account": "6222 0212 3456 7890 123", "bank": "工商银行常州分行"])
            #expect(saved.status == .ok)
            try await Self.service(app, "checker").approve(roll: january.id, version: january.version)
            let approved = try #require(try await PayrollStore(db: sql).roll(id: january.id))
            let csv = try await BankFileExport(db: sql, cipher: app.platform.cipher).write(roll: approved, format: .csv)
            defer { try? FileManager.default.removeItem(atPath: csv.path) }
            #expect(try String(contentsOfFile: csv.path, encoding: .utf8).contains("6222021234567890123,工商银行常州分行"))
            let stored = try await sql.raw("SELECT account_cipher, account_masked FROM bank_accounts").first()
            #expect(try stored?.decode(column: "account_masked", as: String.self) == "6222***********0123")
            #expect(
                try stored?.decode(column: "account_cipher", as: String.self).contains("6222021234567890123") == false)
        }
    }
}

/// Reads an .xlsx with openpyxl (Debian's python3-openpyxl, installed by scripts/test-tools.sh):
/// every row's values as text. nil, with a note, when openpyxl is not installed.
enum OpenpyxlRows {
    static func read(_ path: String) throws -> [[String]]? {
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
            print(json.dumps([[("" if v is None else (v if isinstance(v, str) else repr(v))) for v in row] for row in ws.iter_rows(values_only=True)]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("openpyxl not available (run scripts/test-tools.sh); the .xlsx was not read back")
            return nil
        }
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}
