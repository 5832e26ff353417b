@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

private typealias F = AccountFixtures

/// Issue 12: who may act where, credentials that end with the password, sign-in's redirect,
/// the headers every answer carries, and registration's guessing limit.
@Suite("Account and permission hardening")
struct AccountSecurityTests {
    @Test(
        "visit tasks are the region's staff's: a department neither lists nor closes them",
        arguments: TestDatabase.available)
    func departmentsAndTasks(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401")
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219650312401")
            let medical = try await MonitoringTests.departmentToken(app, "medicalInsurance")
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [MonitoringTests.medical(head, source: "MI-1", outOfPocketFen: 1_500_000)])
            let worker = try await app.token(role: .communityWorker, region: "320402001")
            let task = try #require(
                try await send(app, .GET, "/api/v1/tasks", token: worker).json(Page<VisitTasks.Task>.self).items.first)
            #expect(try await send(app, .GET, "/api/v1/tasks", token: medical).status == .forbidden)
            let visit = try await send(
                app, .POST, "/api/v1/tasks/\(task.id)/visit", token: medical,
                json: ["visitedOn": "2026-11-01", "findings": "x", "outcome": "noHardship"])
            #expect(visit.status == .forbidden)
            #expect(
                try await app.sql.raw("SELECT status FROM visit_tasks").first()?.decode(
                    column: "status", as: String.self) == "open")
            #expect(!(try await F.auditActions(app)).contains("visit.record"))
        }
    }

    @Test(
        "only the city makes department accounts; a district's department changes nothing outside the district",
        arguments: TestDatabase.available)
    func departmentAccounts(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, district) = try await F.withToken(app, .districtOfficer, "320402")
            let user: [String: Any] = [
                "username": "police-tn", "displayName": "天宁公安", "password": "one-time password 1",
                "role": "department", "region": "320402", "department": "publicSecurity",
            ]
            let refused = try await send(app, .POST, "/api/v1/users", token: district, json: user)
            #expect(refused.status == .forbidden)
            #expect(try refused.json(ErrorAnswer.self).field == "role")
            #expect(try await F.userRow(app, "police-tn") == nil)

            let (_, elsewhere) = try await PayrollTests.household(app, region: "320404001", head: "32040419300101301")
            let (_, own) = try await PayrollTests.household(app, region: "320402001", head: "32040219300101401")
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity", region: "320402")
            let answer = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [
                    ["sourceRecordId": "D-1", "idNumber": residentID("32040419300101301"), "deathDate": "2026-10-15"],
                    ["sourceRecordId": "D-2", "idNumber": residentID("32040219300101401"), "deathDate": "2026-10-15"],
                ]
            ).json(FeedIngest.Summary.self)
            #expect(answer.accepted == 2)
            #expect(answer.unknownPersons == 1)
            let sql = app.sql
            func deceased(_ id: UUID) async throws -> String? {
                try await sql.raw("SELECT deceased_on FROM persons WHERE id = \(bind: id)").first()?.decode(
                    column: "deceased_on", as: String?.self)
            }
            #expect(try await deceased(elsewhere) == nil)
            #expect(try await deceased(own) == "2026-10-15")
        }
    }

    @Test(
        "a first or reset password's token may only change the password; the change revokes it and answers a new one",
        arguments: TestDatabase.available)
    func forcedChangeOnTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let account = try await F.create(app, .streetOfficer, "320402001", mustChange: true)
            let first = try await F.apiSignIn(app, account.username).value("token", as: String.self)
            let blocked = try await send(app, .GET, "/api/v1/households", token: first)
            #expect(blocked.status == .forbidden)
            #expect(try blocked.json(ErrorAnswer.self).field == "password")
            #expect(try await send(app, .GET, "/api/v1/tokens", token: first).status == .forbidden)
            let wrong = try await send(
                app, .POST, "/api/v1/account/password", token: first,
                json: ["currentPassword": "not it", "newPassword": "a brand new password"])
            #expect(try wrong.json(ErrorAnswer.self).field == "currentPassword")
            let changed = try await send(
                app, .POST, "/api/v1/account/password", token: first,
                json: ["currentPassword": F.password, "newPassword": "a brand new password"])
            #expect(changed.status == .ok)
            let second = try changed.value("token", as: String.self)
            #expect(try await send(app, .GET, "/api/v1/households", token: first).status == .unauthorized)
            #expect(try await send(app, .GET, "/api/v1/households", token: second).status == .ok)
            #expect(try await F.userRow(app, account.username)?.must_change_password == false)
        }
    }

    /// What a credential change leaves working: an API token and a page session of before it.
    private static func credentialsAfter(
        _ app: Application, _ change: (AccountFixtures.Account) async throws -> Void
    ) async throws -> (token: Bool, session: Bool) {
        let account = try await F.create(app, .streetOfficer, "320402001")
        let token = try await F.apiSignIn(app, account.username).value("token", as: String.self)
        let (_, cookie) = try await F.pageSignIn(app, account.username)
        #expect(try await F.get(app, "/households", cookie: cookie).status == .ok)
        try await change(account)
        let tokenWorks = try await send(app, .GET, "/api/v1/households", token: token).status == .ok
        let sessionWorks = try await F.get(app, "/households", cookie: cookie).status == .ok
        return (tokenWorks, sessionWorks)
    }

    @Test(
        "a password reset, a password change and a disable then enable end every token and session",
        arguments: TestDatabase.available)
    func credentialsEnd(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, admin) = try await F.withToken(app, .cityAdmin, "3204")
            let reset = try await Self.credentialsAfter(app) { account in
                let status = try await send(app, .POST, "/api/v1/users/\(account.id)/reset-password", token: admin)
                    .status
                #expect(status == .ok)
            }
            #expect(reset == (false, false))
            let disabled = try await Self.credentialsAfter(app) { account in
                let off = try await send(app, .POST, "/api/v1/users/\(account.id)/disable", token: admin).status
                let on = try await send(app, .POST, "/api/v1/users/\(account.id)/enable", token: admin).status
                #expect([off, on] == [.ok, .ok])
            }
            #expect(disabled == (false, false))
            // The user's own change on the page: the session it was made in goes on, the others end.
            let account = try await F.create(app, .streetOfficer, "320402001")
            let token = try await F.apiSignIn(app, account.username).value("token", as: String.self)
            let (_, other) = try await F.pageSignIn(app, account.username)
            let (_, own) = try await F.pageSignIn(app, account.username)
            let form = try await FormVisit.open(app, "/account/password", cookie: own)
            let res = try await form.post(
                app, "/account/password",
                [
                    ("currentPassword", F.password), ("newPassword", "another new password"),
                    ("confirmPassword", "another new password"),
                ])
            #expect(res.status == .seeOther)
            #expect(try await F.get(app, "/households", cookie: own).status == .ok)
            #expect(try await F.get(app, "/households", cookie: other).status == .seeOther)
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .unauthorized)
            let revoked = try await app.sql.raw("SELECT revoked_at FROM api_tokens WHERE user_id = \(bind: account.id)")
                .all()
            #expect(
                !revoked.isEmpty && revoked.allSatisfy { (try? $0.decode(column: "revoked_at", as: Date?.self)) != nil }
            )
        }
    }

    @Test(
        "only a path of this application follows sign-in",
        arguments: [
            ("/households?page=2", "/households?page=2"), ("/", "/"),
            ("/applications/new?household=abc", "/applications/new?household=abc"),
            ("/%09/evil.example", "/%09/evil.example"),  // percent-encoded stays a path of ours
            ("/\t/evil.example", "/"), ("/\n/evil.example", "/"), ("/\r/evil.example", "/"), ("//evil.example", "/"),
            ("/\\evil.example", "/"),
            ("\\\\evil.example", "/"), ("https://evil.example", "/"), ("evil.example", "/"), ("/ /evil.example", "/"),
            ("", "/"),
            ("/户籍", "/"), ("/\u{3000}/evil.example", "/"),
        ])
    func safeNext(next: String, expected: String) {
        #expect(SignInPageController.safeNext(next) == expected)
    }

    @Test("a tab in ?next= is not followed to another host after sign-in", arguments: TestDatabase.available)
    func openRedirect(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let account = try await F.create(app, .streetOfficer, "320402001")
            let (res, _) = try await F.pageSignIn(app, account.username, next: "/\t/evil.example")
            #expect(F.location(res) == "/")
        }
    }

    @Test("every answer carries the security headers; the cookie is Secure behind TLS", arguments: [false, true])
    func headers(behindTLS: Bool) async throws {
        try await withTestApp(.sqlite, adjusting: { $0.behindTLS = behindTLS }) { app in
            for path in ["/login", "/api/v1/catalog", "/healthz", "/no-such-page"] {
                let res = try await send(app, .GET, path)
                #expect(
                    res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                    "\(path)")
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect((res.headers.first(name: "Strict-Transport-Security") != nil) == behindTLS)
            }
            let login = try await send(app, .GET, "/login")
            #expect(login.headers.setCookie?["minzheng_session"]?.isSecure == behindTLS)
        }
    }

    @Test("registration waits after 5 wrong guesses, per address and per ID number", arguments: TestDatabase.available)
    func registrationLimit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let id = residentID("32040219650312401")
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219650312401")
            func register(_ phone: String) async throws -> TestingHTTPResponse {
                let visit = try await FormVisit.open(app, "/register")
                return try await visit.post(
                    app, "/register",
                    [
                        ("name", "张建国"), ("idNumber", id), ("phone", phone), ("password", "resident password 1"),
                        ("confirmPassword", "resident password 1"),
                    ])
            }
            for guess in 0..<5 { #expect(try await register("1391234000\(guess)").status == .badRequest) }
            let waiting = try await register("13912345678")
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.headers.first(name: "Retry-After") != nil)
            // Another address still waits for this ID number.
            try await F.forget(app.signInThrottle.registrationAddresses, app)
            #expect(try await register("13912345678").status == .tooManyRequests)
            // Once the wait is over, the right phone registers.
            F.advanceClock(app, by: TimeInterval(SignInRules.lockSeconds + 1))
            #expect(try await register("13912345678").status == .seeOther)
        }
    }
}
