@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 20, item 5: a token limited to scopes, and a partner department's own page of its calls.
@Suite("Token scopes and the department's calls")
struct APIScopeTests {
    /// A medical-insurance department's account (its password is `AccountFixtures.password`).
    static func department(_ app: Application) async throws -> String {
        let username = "dept-\(UUID().uuidString.prefix(6).lowercased())"
        _ = try await AccountStore(db: app.sql).createUser(
            username: username, displayName: "医保局", password: AccountFixtures.password, role: .department,
            region: RegionCode("3204")!, department: "medicalInsurance", hash: app.hashPassword)
        return username
    }

    static func signIn(_ app: Application, _ username: String, scopes: [String]?) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["username": username, "password": AccountFixtures.password]
        if let scopes { body["scopes"] = scopes }
        return try await send(app, .POST, Route.API.sessions.path, json: body)
    }

    @Test(
        "a token signed in with scopes [feeds] sends feeds, lists its tokens, and is refused elsewhere with 403 naming the scope",
        arguments: TestDatabase.available)
    func scoped(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let username = try await Self.department(app)
            let signedIn = try await Self.signIn(app, username, scopes: ["feeds"])
            #expect(signedIn.status == .created, "\(signedIn.body.string)")
            let feeds = try signedIn.value("token", as: String.self)
            let unscoped = try await Self.signIn(app, username, scopes: nil).value("token", as: String.self)

            let pushed = try await send(
                app, .POST, Route.API.feed.path("medicalExpense"), token: feeds, json: [[String: Any]]())
            #expect(pushed.status == .ok, "\(pushed.body.string)")
            let queue = try await send(app, .GET, Route.API.applications.path, token: feeds)
            #expect(queue.status == .forbidden)
            let refusal = try queue.json(ErrorAnswer.self)
            #expect(refusal.field == "scope")
            #expect(refusal.error.contains("applications"), "\(refusal.error)")
            #expect(try await send(app, .GET, Route.API.applications.path, token: unscoped).status == .ok)
            // An operation of no scope is closed to every scoped token.
            let closed = try await send(app, .GET, Route.API.tasks.path, token: feeds)
            #expect(closed.status == .forbidden)
            #expect(try closed.json(ErrorAnswer.self).field == "scope")

            let tokens = try await send(app, .GET, Route.API.tokens.path, token: feeds)
            #expect(tokens.status == .ok)
            let list = try tokens.json(Page<TokenSummary>.self)
            #expect(Set(list.items.map { $0.scopes ?? [] }) == [["feeds"], []])

            let unknown = try await Self.signIn(app, username, scopes: ["everything"])
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json(ErrorAnswer.self).field == "scopes")
            #expect(try await Self.signIn(app, username, scopes: []).status == .badRequest)

            let issued = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE action = 'token.issue' ORDER BY sequence"
            ).all().map { try $0.decode(column: "after_json", as: String.self) }
            #expect(issued.count == 2)
            #expect(issued.first?.contains("scopes") == true && issued.first?.contains("feeds") == true, "\(issued)")
            #expect(issued.last?.contains("scopes") == false)
        }
    }

    @Test(
        "a department's calls are kept: its page and GET /api/v1/account/api-calls show the last ones and the errors per day",
        arguments: TestDatabase.available)
    func calls(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let username = try await Self.department(app)
            let token = try await Self.signIn(app, username, scopes: nil).value("token", as: String.self)
            #expect(
                try await send(app, .POST, Route.API.feed.path("medicalExpense"), token: token, json: [[String: Any]]())
                    .status == .ok)
            #expect(
                try await send(app, .POST, Route.API.feed.path("death"), token: token, json: [[String: Any]]()).status
                    == .forbidden)
            let staff = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, Route.API.households.path, token: staff).status == .ok)

            let res = try await send(app, .GET, Route.API.accountCalls.path, token: token)
            #expect(res.status == .ok)
            let answer = try res.json(APICallsController.Answer.self)
            #expect(answer.calls.map(\.route) == ["/api/v1/feeds/:kind", "/api/v1/feeds/:kind"])
            #expect(answer.calls.map(\.status) == [403, 200])
            #expect(answer.calls.first?.error?.contains("无权报送") == true)
            #expect(answer.days.count == 1)
            let day = try #require(answer.days.first)
            #expect(day.day == app.platform.clock.today.description && day.calls == 2 && day.errors == 1)

            let staffCalls = try await send(app, .GET, Route.API.accountCalls.path, token: staff).json(
                APICallsController.Answer.self)
            #expect(staffCalls.calls.isEmpty, "only departments' calls are kept")

            let (_, cookie) = try await AccountFixtures.pageSignIn(app, username)
            let page = try await AccountFixtures.get(app, Route.accountAPICalls.path, cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("/api/v1/feeds/:kind"))
            #expect(page.body.string.contains("无权报送"))
        }
    }
}
