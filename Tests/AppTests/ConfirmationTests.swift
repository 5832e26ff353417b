@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: an action that cannot be undone asks first, without JavaScript.
@Suite("Irreversible actions ask first")
struct ConfirmationTests {
    @Test(
        "withdrawing an application on its page: the first post asks, the confirmed one withdraws",
        arguments: TestDatabase.available)
    func withdraw(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            let (_, cookie) = try await AccountFixtures.pageSignIn(
                app, ApplicationFlowTests.headID, "resident password 1")
            let page = try await FormVisit.open(app, "/applications/\(a.id)", cookie: cookie)
            let fields = [("action", "withdraw"), ("version", String(a.version)), ("note", "")]
            let asked = try await page.post(app, "/applications/\(a.id)/actions", fields)
            #expect(asked.status == .ok)
            #expect(asked.body.string.contains("撤回后申请即终止"))
            #expect(
                asked.body.string.contains("name=\"action\" value=\"withdraw\""),
                "the same fields go back with the confirmation")
            #expect(asked.body.string.contains("href=\"/applications/\(a.id)\""), "a way back that does nothing")
            #expect(
                try await send(app, .GET, "/api/v1/applications/\(a.id)", token: f.resident).json(
                    ApplicationRecord.self
                ).state == "submitted")
            let done = try await page.post(app, "/applications/\(a.id)/actions", fields + [("confirmed", "1")])
            #expect(done.status == .seeOther)
            #expect(
                try await send(app, .GET, "/api/v1/applications/\(a.id)", token: f.resident).json(
                    ApplicationRecord.self
                ).state == "withdrawn")
        }
    }

    @Test("replacing a draft roll asks first")
    func replaceRoll() async throws {
        try await withTestApp(.sqlite) { app in
            try await PayrollTests.twoDibaoHouseholds(app)
            try await PayrollPageTests.officer(app, "maker")
            let page = try await FormVisit.open(
                app, "/payroll", cookie: try await PayrollPageTests.signIn(app, "maker"))
            #expect(try await page.post(app, "/payroll", [("month", "2026-11")]).status == .seeOther)
            let asked = try await page.post(app, "/payroll", [("month", "2026-11"), ("replace", "on")])
            #expect(asked.status == .ok && asked.body.string.contains("将删除 2026-11 的草稿名册"))
            let replaced = try await page.post(
                app, "/payroll", [("month", "2026-11"), ("replace", "on"), ("confirmed", "1")])
            #expect(replaced.status == .seeOther)
            #expect(try await AccountFixtures.auditActions(app).filter { $0 == "payroll.generate" }.count == 2)
        }
    }
}
