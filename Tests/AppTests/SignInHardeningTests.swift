@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Account and client-address lockout, on the API and on the sign-in page, and the idle
/// limit of page sessions.
@Suite("Sign-in hardening")
struct SignInHardeningTests {
    typealias F = AccountFixtures

    enum Door: String, CaseIterable, CustomTestStringConvertible {
        case api, page
        var testDescription: String { rawValue }
    }

    /// One attempt through `door`: the status, the message shown, and Retry-After.
    static func attempt(
        _ app: Application, _ door: Door, _ username: String, _ password: String
    ) async throws -> (HTTPStatus, String, String?) {
        switch door {
        case .api:
            let res = try await F.apiSignIn(app, username, password)
            let message = res.status == .created ? "" : try res.json(ErrorAnswer.self).error
            return (res.status, message, res.headers.first(name: .retryAfter))
        case .page:
            let (res, _) = try await F.pageSignIn(app, username, password)
            let message =
                res.body.string.firstMatch(of: /<p class="error" role="alert" id="form-error">([^<]*)<\/p>/).map {
                    String($0.1)
                } ?? ""
            return (res.status, message, res.headers.first(name: .retryAfter))
        }
    }

    @Test(
        "5 wrong passwords lock the account for 15 minutes, even against the right one; lifted when the time has passed",
        arguments: TestDatabase.available, Door.allCases)
    func accountLockout(_ db: TestDatabase, door: Door) async throws {
        try await withTestApp(db) { app in
            let user = try await F.create(app, .streetOfficer, "320402001")
            for i in 1...4 {
                let (status, message, _) = try await Self.attempt(app, door, user.username, "wrong password \(i)")
                #expect(status == .unauthorized)
                #expect(message == "用户名或密码错误")
            }
            let (fifth, fifthMessage, _) = try await Self.attempt(app, door, user.username, "wrong password 5")
            #expect(fifth == .tooManyRequests)
            #expect(fifthMessage.contains("请 15 分钟后再试"))
            // The address has failed 5 times too; forget it, so that what refuses next is the account's lock.
            try await F.forgetAddresses(app)
            let (sixth, message, retryAfter) = try await Self.attempt(app, door, user.username, F.password)
            #expect(sixth == .tooManyRequests)
            #expect(message.contains("账户已暂时锁定") && message.contains("分钟后再试"))
            #expect(
                retryAfter.flatMap(Int.init).map { $0 > 800 && $0 <= 900 } == true,
                "Retry-After: \(retryAfter ?? "none")")
            let locked = try #require(try await F.userRow(app, user.username))
            #expect(locked.locked_until != nil)
            #expect(try await F.auditActions(app) == ["user.locked"])

            try await app.sql.update("users").set("locked_until", to: SQLBind(Date().addingTimeInterval(-60)))
                .where("id", .equal, SQLBind(user.id)).run()
            let (after, _, _) = try await Self.attempt(app, door, user.username, F.password)
            #expect(after == (door == .api ? .created : .seeOther))
            let cleared = try #require(try await F.userRow(app, user.username))
            #expect(cleared.failed_sign_ins == 0 && cleared.locked_until == nil)
        }
    }

    @Test("a successful sign-in starts the count again", arguments: TestDatabase.available)
    func successResets(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await F.create(app, .streetOfficer, "320402001")
            for _ in 1...4 { _ = try await Self.attempt(app, .api, user.username, "wrong password") }
            #expect(try await F.userRow(app, user.username)?.failed_sign_ins == 4)
            try await F.forgetAddresses(app)
            #expect(try await Self.attempt(app, .api, user.username, F.password).0 == .created)
            #expect(try await F.userRow(app, user.username)?.failed_sign_ins == 0)
            for _ in 1...4 { _ = try await Self.attempt(app, .api, user.username, "wrong password") }
            #expect(try await F.userRow(app, user.username)?.locked_until == nil)
        }
    }

    @Test("a name nobody has answers exactly like an account, lock included", arguments: Door.allCases)
    func unknownNameLooksAlike(door: Door) async throws {
        try await withTestApp(.sqlite) { app in
            let user = try await F.create(app, .streetOfficer, "320402001")
            var answers: [String: [String]] = [:]
            for name in [user.username, "no-such-user"] {
                for i in 1...6 {
                    try await F.forgetAddresses(app)  // only the name's own counter is under test
                    let (status, message, retry) = try await Self.attempt(app, door, name, "wrong password \(i)")
                    answers[name, default: []].append("\(status.code) \(message) \(retry == nil ? "-" : "retry")")
                }
            }
            #expect(answers[user.username] == answers["no-such-user"])
            #expect(answers[user.username]?.last?.hasPrefix("429") == true)
        }
    }

    @Test(
        "a client address with 5 failures waits 15 minutes, whatever names it tried; a success does not clear them",
        arguments: Door.allCases)
    func addressLockout(door: Door) async throws {
        try await withTestApp(.sqlite) { app in
            let user = try await F.create(app, .streetOfficer, "320402001")
            for i in 1...3 { _ = try await Self.attempt(app, door, "stranger\(i)", "wrong password") }
            #expect(try await Self.attempt(app, door, user.username, F.password).0 != .tooManyRequests)
            for i in 4...5 { _ = try await Self.attempt(app, door, "stranger\(i)", "wrong password") }
            let (status, message, retryAfter) = try await Self.attempt(app, door, user.username, F.password)
            #expect(status == .tooManyRequests)
            #expect(message.contains("本机登录失败次数过多") && message.contains("分钟后再试"))
            #expect(retryAfter != nil)
            #expect(try await F.userRow(app, user.username)?.failed_sign_ins == 0, "the account is not to blame")
            #expect(try await F.auditActions(app).isEmpty, "failure counts are not audited")

            F.advanceClock(app, by: 15 * 60 + 1)
            #expect(
                try await Self.attempt(app, door, user.username, F.password).0 == (door == .api ? .created : .seeOther))
        }
    }

    @Test("a page session idle for more than 30 minutes signs nobody in", arguments: TestDatabase.available)
    func idleSession(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await F.create(app, .streetOfficer, "320402001")
            let (_, cookie) = try await F.pageSignIn(app, user.username)
            #expect(try await F.get(app, "/", cookie: cookie).status == .ok)
            F.advanceClock(app, by: 29 * 60)
            #expect(
                try await F.get(app, "/", cookie: cookie).status == .ok, "29 minutes idle is still within the limit")
            F.advanceClock(app, by: 29 * 60 + 29 * 60)
            #expect(try await F.get(app, "/", cookie: cookie).status == .ok, "each request starts the idle time again")
            F.advanceClock(app, by: 29 * 60 + 29 * 60 + 31 * 60)
            let expired = try await F.get(app, "/households", cookie: cookie)
            #expect(expired.status == .seeOther)
            #expect(F.location(expired) == "/login?next=%2Fhouseholds&expired=1")
            #expect(
                try await F.get(app, "/households", cookie: cookie).status == .seeOther,
                "the session has forgotten the user")
            let login = try await F.get(app, "/login?expired=1", cookie: cookie)
            #expect(login.body.string.contains("30 分钟未操作"))
        }
    }
}
