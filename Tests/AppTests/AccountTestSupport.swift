@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Accounts, sign-ins and database reads shared by the account and user-admin suites.
enum AccountFixtures {
    static let password = "correct horse battery"

    struct Account {
        let id: UUID
        let username: String
    }

    @discardableResult
    static func create(
        _ app: Application, _ role: Role, _ region: String, username: String? = nil,
        mustChange: Bool = false
    ) async throws -> Account {
        let name = username ?? "u\(UUID().uuidString.prefix(8).lowercased())"
        let id = try await AccountStore(db: app.sql).createUser(
            username: name, displayName: "测试\(name)", password: password, role: role, region: RegionCode(region)!,
            mustChangePassword: mustChange, hash: app.hashPassword)
        return Account(id: id, username: name)
    }

    /// An account and a bearer token for it.
    static func withToken(_ app: Application, _ role: Role, _ region: String) async throws -> (Account, String) {
        let account = try await create(app, role, region)
        return (account, try await AccountStore(db: app.sql).issueToken(userID: account.id, name: "test"))
    }

    static func apiSignIn(
        _ app: Application, _ username: String, _ password: String = password
    ) async throws -> TestingHTTPResponse {
        try await send(app, .POST, "/api/v1/sessions", json: ["username": username, "password": password])
    }

    /// Signs in through the form; the response and the session cookie to go on with.
    static func pageSignIn(
        _ app: Application, _ username: String, _ password: String = password,
        next: String = "/"
    ) async throws -> (TestingHTTPResponse, String) {
        let login = try await FormVisit.open(app, "/login")
        let res = try await login.post(app, "/login", [("username", username), ("password", password), ("next", next)])
        return (res, res.headers.setCookie?["minzheng_session"]?.string ?? login.cookie)
    }

    static func get(_ app: Application, _ path: String, cookie: String) async throws -> TestingHTTPResponse {
        try await send(app, .GET, path, headers: ["Cookie": "minzheng_session=\(cookie)"])
    }

    /// The trail's actions but the tokens issued by the tests' own API sign-ins (a test signs
    /// in to act; `RegistryAPITests.signIn` checks that event).
    static func auditActions(_ app: Application) async throws -> [String] {
        try await app.sql.raw("SELECT action FROM audit_events WHERE action <> 'token.issue' ORDER BY sequence").all()
            .map { try $0.decode(column: "action", as: String.self) }
    }

    static func auditEvents(_ app: Application) async throws -> [AuditEvent] {
        try await app.sql.raw("SELECT * FROM audit_events ORDER BY sequence").all().map(AuditLog.event(from:))
    }

    static func userRow(_ app: Application, _ username: String) async throws -> AccountStore.UserRow? {
        try await AccountStore(db: app.sql).userRow(username: username)
    }

    static func location(_ res: TestingHTTPResponse) -> String? { res.headers.first(name: .location) }

    /// Forgets the client address's failures (every test request comes from the same
    /// address), keeping the counters of unknown names.
    static func forgetAddresses(_ app: Application) async throws {
        try await forget(app.signInThrottle.addresses, app)
    }

    /// Empties one lockout's counters, as if the requests came from elsewhere.
    static func forget(_ table: FailureTable, _ app: Application) async throws {
        try await app.sql.raw("DELETE FROM failure_counters WHERE bucket = \(bind: table.bucket)").run()
    }

    /// Lets the app's accounts clock run `seconds` ahead of the real one.
    static func advanceClock(_ app: Application, by seconds: TimeInterval) {
        app.accountsClock = AccountsClock { Date().addingTimeInterval(seconds) }
    }
}
