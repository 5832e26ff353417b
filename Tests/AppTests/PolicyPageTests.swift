@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Policy parameter administration")
struct PolicyPageTests {
    /// Signs in a user of `role` through the login form; returns the session cookie.
    static func signedIn(_ app: Application, role: Role, region: String) async throws -> String {
        let username = "u\(UUID().uuidString.prefix(6).lowercased())"
        _ = try await AccountStore(db: app.sql).createUser(
            username: username, displayName: username, password: "correct horse battery",
            role: role, region: RegionCode(region)!, hash: app.hashPassword)
        let login = try await FormVisit.open(app, "/login")
        let res = try await login.post(
            app, "/login", [("username", username), ("password", "correct horse battery"), ("next", "/")])
        return res.headers.setCookie?["minzheng_session"]?.string ?? login.cookie
    }

    static var nextMonth: String { PlatformClock.system.nextMonth.description }

    @Test(
        "a city administrator adds a standard from next month: stored as a new version, old ones kept, audited",
        arguments: TestDatabase.available)
    func addsVersion(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let cookie = try await Self.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await FormVisit.open(app, "/policy/dibaoStandard", cookie: cookie)
            #expect(page.page.status == .ok)
            #expect(page.page.body.string.contains("1000.00"), "the 2022-07 version is listed")
            let res = try await page.post(
                app, "/policy/dibaoStandard",
                [("region", "320411"), ("fromMonth", Self.nextMonth), ("value", "1080.50"), ("note", "常民发〔2026〕1号")])
            #expect(res.status == .seeOther)
            let versions = try await PolicyStore(db: app.sql).versions(key: .dibaoStandard)
            #expect(versions.map(\.value) == [94000, 100000, 108050])
            #expect(versions.last?.region == "320411")
            let history = try await PolicyStore(db: app.sql).history()
            let next = YearMonth(Self.nextMonth)!
            #expect(try history.parameters(for: "320411002", month: next).dibaoStandard == Fen(108050))
            #expect(try history.parameters(for: "320402", month: next).dibaoStandard == Fen(100000))
            let audit = try await app.sql.select().columns("*").from("audit_events").all().map(AuditLog.event(from:))
            #expect(audit.count == 1)
            #expect(audit.first?.action == "policy.parameter.create")
            #expect(audit.first?.region == "320411")
            #expect(audit.first?.after?.contains("108050") == true)
            #expect(AuditChain.verify(audit) == .intact(count: 1))
        }
    }

    @Test(
        "refused versions name the field and store nothing",
        arguments: [
            ("fromMonth", "2021-01", "1000", "不能早于本月"),
            ("value", "next", "一千", "数值无效"),
            ("value", "next", "-5", "数值无效"),
            ("note", "next", "1000", "调整依据"),
        ])
    func refuses(field: String, month: String, value: String, message: String) async throws {
        try await withTestApp(.sqlite) { app in
            let cookie = try await Self.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await FormVisit.open(app, "/policy/dibaoStandard", cookie: cookie)
            let res = try await page.post(
                app, "/policy/dibaoStandard",
                [
                    ("region", "3204"), ("fromMonth", month == "next" ? Self.nextMonth : month), ("value", value),
                    ("note", field == "note" ? " " : "test"),
                ])
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains(message))
            #expect(try await PolicyStore(db: app.sql).versions(key: .dibaoStandard).count == 2)
        }
    }

    @Test("a working-age minimum above the maximum is refused before it is stored")
    func refusesInconsistentSet() async throws {
        try await withTestApp(.sqlite) { app in
            let cookie = try await Self.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await FormVisit.open(app, "/policy/workingAgeMin", cookie: cookie)
            let res = try await page.post(
                app, "/policy/workingAgeMin",
                [("region", "3204"), ("fromMonth", Self.nextMonth), ("value", "70"), ("note", "x")])
            #expect(res.status == .badRequest)
            #expect(try await PolicyStore(db: app.sql).versions(key: .workingAgeMin).count == 1)
        }
    }

    @Test("a district officer may read the parameters but not add a version")
    func districtOfficerReadsOnly() async throws {
        try await withTestApp(.sqlite) { app in
            let cookie = try await Self.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await FormVisit.open(app, "/policy/dibaoStandard", cookie: cookie)
            #expect(page.page.status == .ok)
            #expect(!page.page.body.string.contains("保存新版本"))
            let res = try await page.post(
                app, "/policy/dibaoStandard",
                [("region", "320402"), ("fromMonth", Self.nextMonth), ("value", "1100"), ("note", "x")])
            #expect(res.status == .forbidden)
            #expect(try await PolicyStore(db: app.sql).versions(key: .dibaoStandard).count == 2)
        }
    }
}
