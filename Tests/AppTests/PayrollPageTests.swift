@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 待遇发放 pages: a district officer generates a roll, a second officer approves it, the
/// bank file downloads (audited), and the roll page lists the lines the bank refused.
@Suite("Payroll pages")
struct PayrollPageTests {
    /// Signs `username` in through the form; the session cookie.
    static func signIn(_ app: Application, _ username: String) async throws -> String {
        let login = try await FormVisit.open(app, "/login")
        let answer = try await login.post(
            app, "/login", [("username", username), ("password", "correct horse battery"), ("next", "/payroll")])
        #expect(answer.status == .seeOther)
        return answer.headers.setCookie?["minzheng_session"]?.string ?? login.cookie
    }

    static func officer(
        _ app: Application, _ username: String, region: String = "320402", role: Role = .districtOfficer
    ) async throws {
        _ = try await AccountStore(db: app.sql).createUser(
            username: username, displayName: username, password: "correct horse battery", role: role,
            region: RegionCode(region)!, hash: app.hashPassword)
    }

    @Test(
        "generate, refuse the maker's own approval, approve by a second officer, download the bank file, see the failed line",
        arguments: TestDatabase.available)
    func rollPages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            try await PayrollTests.twoDibaoHouseholds(app)
            try await Self.officer(app, "maker")
            try await Self.officer(app, "checker")
            let maker = try await FormVisit.open(app, "/payroll", cookie: try await Self.signIn(app, "maker"))
            #expect(maker.page.status == .ok)

            let badMonth = try await maker.post(app, "/payroll", [("month", "2026-13")])
            #expect(badMonth.status == .badRequest)
            #expect(badMonth.body.string.contains("月份应为 YYYY-MM"))
            // December 2025, before anyone was enrolled: the page says why and no roll is made.
            let empty = try await maker.post(app, "/payroll", [("month", "2025-12")])
            #expect(empty.status == .conflict)
            #expect(empty.body.string.contains("没有可发放的待遇"))
            #expect(try await MonitoringTests.count(app, "payroll_rolls") == 0)
            let generated = try await maker.post(app, "/payroll", [("month", "2026-11")])
            #expect(generated.status == .seeOther)
            let rollPath = try #require(generated.headers.first(name: .location))
            let draft = try await FormVisit.open(app, rollPath, cookie: maker.cookie)
            #expect(draft.page.body.string.contains("¥1,997.50"))
            #expect(draft.page.body.string.contains("共 0 笔"))

            let own = try await draft.post(app, rollPath + "/approve", [("version", "1")])
            #expect(own.status == .forbidden)
            #expect(own.body.string.contains("不能审核同一名册"))
            let checker = try await FormVisit.open(app, rollPath, cookie: try await Self.signIn(app, "checker"))
            // An approval cannot be undone: the page asks first, and only the confirmed post approves.
            let asked = try await checker.post(app, rollPath + "/approve", [("version", "1")])
            #expect(
                asked.status == .ok && asked.body.string.contains("确认审核") && asked.body.string.contains("¥1,997.50"))
            #expect(
                try await PayrollStore(db: sql).roll(
                    id: try #require(UUID(uuidString: String(rollPath.split(separator: "/").last!))))?.state == "draft")
            let approved = try await checker.post(app, rollPath + "/approve", [("version", "1"), ("confirmed", "1")])
            #expect(approved.status == .seeOther)

            let bank = try await send(
                app, .GET, rollPath + "/bank.csv", headers: ["Cookie": "minzheng_session=\(checker.cookie)"])
            #expect(bank.status == .ok)
            #expect(bank.body.string.hasPrefix("\u{FEFF}明细编号 lineId"))
            #expect(try await AuditTrailTests.events(app).last?.action == "payroll.export")

            // The bank refuses one line: the roll page counts and lists it.
            let lines = try await sql.raw("SELECT id FROM payroll_lines ORDER BY id").all().map {
                try $0.decode(column: "id", as: Int64.self)
            }
            let returnFile = NSTemporaryDirectory() + "return-\(UUID().uuidString).csv"
            try "lineId,result,reason\n\(lines[0]),成功,\n\(lines[1]),失败,账户已销户\n".write(
                toFile: returnFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: returnFile) }
            let rollID = try #require(UUID(uuidString: String(rollPath.split(separator: "/").last!)))
            _ = try await PayrollTests.service(app, "checker").reconcile(roll: rollID, csv: returnFile)
            let after = try await FormVisit.open(app, rollPath, cookie: checker.cookie).page.body.string
            #expect(after.contains("共 1 笔") && after.contains("账户已销户"))
            #expect(!after.contains("此处列出前"))
        }
    }

    @Test("a community worker has no payroll pages; another district's officer does not find the roll")
    func access() async throws {
        try await withTestApp(.sqlite) { app in
            try await Self.officer(app, "worker", region: "320402001001", role: .communityWorker)
            let worker = try await send(
                app, .GET, "/payroll", headers: ["Cookie": "minzheng_session=\(try await Self.signIn(app, "worker"))"])
            #expect(worker.status == .forbidden)
            try await PayrollTests.twoDibaoHouseholds(app)
            let roll = try await PayrollTests.service(app, "m").generate(
                month: PayrollTests.month, region: RegionCode("320402")!, replace: false)
            try await Self.officer(app, "elsewhere", region: "320411")
            let other = try await send(
                app, .GET, "/payroll/\(roll.id)",
                headers: ["Cookie": "minzheng_session=\(try await Self.signIn(app, "elsewhere"))"])
            #expect(other.status == .notFound)
        }
    }
}
