@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `/api/v1/users`: each role's allowed and refused actions, region scoping, and the audit.
@Suite("User administration API")
struct UserAdminAPITests {
    typealias F = AccountFixtures

    struct CreateCase: CustomTestStringConvertible, Sendable {
        let admin: Role
        let adminRegion: String
        let role: Role
        let region: String
        let status: HTTPStatus
        /// The field a refusal names, and a text its message contains.
        var field: String? = nil
        var says: String? = nil

        var testDescription: String {
            "\(admin.rawValue)@\(adminRegion) creates \(role.rawValue)@\(region) → \(status.code)"
        }
    }

    static let createCases: [CreateCase] = [
        .init(admin: .cityAdmin, adminRegion: "3204", role: .streetOfficer, region: "320402001", status: .created),
        .init(admin: .cityAdmin, adminRegion: "3204", role: .auditor, region: "320411", status: .created),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .streetOfficer, region: "320402001", status: .created),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .communityWorker, region: "320402001001",
            status: .created),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .streetOfficer, region: "320411002",
            status: .forbidden,
            field: "region", says: "320411002"),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .districtOfficer, region: "320411",
            status: .forbidden,
            field: "region", says: "320411"),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .cityAdmin, region: "3204", status: .forbidden,
            field: "region"),
        .init(
            admin: .districtOfficer, adminRegion: "320402", role: .auditor, region: "320402", status: .forbidden,
            field: "role"),
        .init(
            admin: .cityAdmin, adminRegion: "3204", role: .streetOfficer, region: "320402", status: .badRequest,
            field: "region", says: "街道"),
        .init(
            admin: .cityAdmin, adminRegion: "3204", role: .streetOfficer, region: "320499001", status: .badRequest,
            field: "region"),
        .init(
            admin: .streetOfficer, adminRegion: "320402001", role: .communityWorker, region: "320402001001",
            status: .forbidden),
        .init(
            admin: .communityWorker, adminRegion: "320402001", role: .communityWorker, region: "320402001",
            status: .forbidden),
        .init(admin: .auditor, adminRegion: "3204", role: .auditor, region: "3204", status: .forbidden),
        .init(admin: .department, adminRegion: "3204", role: .department, region: "3204", status: .forbidden),
    ]

    @Test("who may create which account", arguments: TestDatabase.available, createCases)
    func create(_ db: TestDatabase, c: CreateCase) async throws {
        try await withTestApp(db) { app in
            let (_, token) = try await F.withToken(app, c.admin, c.adminRegion)
            let res = try await send(
                app, .POST, "/api/v1/users", token: token,
                json: [
                    "username": "new.user", "displayName": "新用户", "password": "a long enough password",
                    "role": c.role.rawValue, "region": c.region, "department": "mz",
                ])
            #expect(res.status == c.status, "\(res.body.string)")
            let created = try await F.userRow(app, "new.user")
            if c.status == .created {
                let user = try res.json(UserSummary.self)
                #expect(user.role == c.role.rawValue && user.region == c.region)
                #expect(user.mustChangePassword, "the creator knows the password, so the user replaces it")
                #expect(!res.body.string.contains("password_hash") && !res.body.string.contains("$2b$"))
                #expect(created?.id == user.id)
                #expect(try await F.auditActions(app) == ["user.create"])
                let event = try #require(try await F.auditEvents(app).first)
                #expect(event.region == c.region)
                #expect(event.after?.contains("a long enough password") == false)
                #expect(event.after?.contains("$2") == false, "no hash in the audit trail")
            } else {
                let error = try res.json(ErrorAnswer.self)
                if let field = c.field { #expect(error.field == field) }
                if let says = c.says { #expect(error.error.contains(says), "\(error.error)") }
                #expect(created == nil)
                #expect(try await F.auditActions(app).isEmpty)
            }
        }
    }

    @Test(
        "a district officer lists its district only, filtered by role and username", arguments: TestDatabase.available)
    func list(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, token) = try await F.withToken(app, .districtOfficer, "320402")
            try await F.create(app, .streetOfficer, "320402001", username: "street.a")
            try await F.create(app, .streetOfficer, "320402002", username: "street.b")
            try await F.create(app, .communityWorker, "320402001001", username: "grid.a")
            try await F.create(app, .streetOfficer, "320411002", username: "street.other")
            try await F.create(app, .cityAdmin, "3204", username: "city")
            let all = try await send(app, .GET, "/api/v1/users?perPage=2", token: token).json(Page<UserSummary>.self)
            #expect(all.total == 4, "the officer itself and three accounts of the district")
            #expect(all.items.count == 2 && all.perPage == 2)
            let streets = try await send(app, .GET, "/api/v1/users?role=streetOfficer", token: token).json(
                Page<UserSummary>.self)
            #expect(streets.items.map(\.username) == ["street.a", "street.b"])
            let named = try await send(app, .GET, "/api/v1/users?username=grid", token: token).json(
                Page<UserSummary>.self)
            #expect(named.items.map(\.username) == ["grid.a"])
            let wildcard = try await send(app, .GET, "/api/v1/users?username=%25", token: token).json(
                Page<UserSummary>.self)
            #expect(wildcard.total == 0, "% is a character, not a wildcard")
            let badRole = try await send(app, .GET, "/api/v1/users?role=king", token: token)
            #expect(badRole.status == .badRequest)
            #expect(try badRole.json(ErrorAnswer.self).field == "role")
        }
    }

    enum Action: String, CaseIterable, Sendable {
        case show, disable, enable, resetPassword = "reset-password", tokens
        var method: HTTPMethod { self == .show || self == .tokens ? .GET : .POST }
        func path(_ id: UUID) -> String { "/api/v1/users/\(id)" + (self == .show ? "" : "/\(rawValue)") }
    }

    struct ManageCase: CustomTestStringConvertible, Sendable {
        let target: Role
        let region: String
        let action: Action
        let status: HTTPStatus
        var testDescription: String {
            "districtOfficer@320402 \(action.rawValue) \(target.rawValue)@\(region) → \(status.code)"
        }
    }

    static let manageCases: [ManageCase] =
        Action.allCases.map { ManageCase(target: .streetOfficer, region: "320402001", action: $0, status: .ok) }
        + Action.allCases.map { ManageCase(target: .streetOfficer, region: "320411002", action: $0, status: .notFound) }
        + Action.allCases.map { ManageCase(target: .cityAdmin, region: "3204", action: $0, status: .notFound) }
        + [
            ManageCase(target: .auditor, region: "320402", action: .show, status: .ok),
            ManageCase(target: .auditor, region: "320402", action: .disable, status: .forbidden),
            ManageCase(target: .auditor, region: "320402", action: .resetPassword, status: .forbidden),
            // A department account of the district is the city's to change (issue 12).
            ManageCase(target: .department, region: "320402", action: .show, status: .ok),
            ManageCase(target: .department, region: "320402", action: .resetPassword, status: .forbidden),
            ManageCase(target: .department, region: "320402", action: .disable, status: .forbidden),
        ]

    @Test(
        "a district officer changes accounts of its district; another district's answer 404",
        arguments: TestDatabase.available, manageCases)
    func manage(_ db: TestDatabase, c: ManageCase) async throws {
        try await withTestApp(db) { app in
            let (_, token) = try await F.withToken(app, .districtOfficer, "320402")
            let target = try await F.create(app, c.target, c.region)
            if c.action == .enable {
                try await app.sql.update("users").set("disabled", to: SQLBind(true)).where(
                    "id", .equal, SQLBind(target.id)
                ).run()
            }
            let res = try await send(app, c.action.method, c.action.path(target.id), token: token)
            #expect(res.status == c.status, "\(res.body.string)")
            if c.status == .notFound { #expect(try res.json(ErrorAnswer.self).error == "用户不存在") }
            let row = try #require(try await F.userRow(app, target.username))
            let writes = try await F.auditActions(app)
            switch (c.action, c.status) {
            case (.disable, .ok): #expect(row.disabled && writes == ["user.disable"])
            case (.enable, .ok): #expect(!row.disabled && writes == ["user.enable"])
            case (.resetPassword, .ok):
                let password = try res.value("password", as: String.self)
                #expect(password.count >= 10)
                #expect(res.headers.first(name: .cacheControl) == "no-store")
                #expect(row.must_change_password && writes == ["user.password.reset"])
                #expect(
                    try await F.apiSignIn(app, target.username, password).status == .created,
                    "the one-time password signs in")
                #expect(
                    try await F.apiSignIn(app, target.username).status == .unauthorized, "the old one no longer does")
            default:
                #expect(writes.isEmpty)
                #expect(row.disabled == (c.action == .enable))
            }
        }
    }

    @Test(
        "nobody disables itself; a disabled account's token and sign-in stop at once", arguments: TestDatabase.available
    )
    func disableSelfAndOthers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (admin, token) = try await F.withToken(app, .cityAdmin, "3204")
            let own = try await send(app, .POST, "/api/v1/users/\(admin.id)/disable", token: token)
            #expect(own.status == .conflict)
            #expect(try own.json(ErrorAnswer.self).error.contains("自己"))
            #expect(try await F.userRow(app, admin.username)?.disabled == false)

            let (officer, officerToken) = try await F.withToken(app, .streetOfficer, "320402001")
            #expect(try await send(app, .GET, "/api/v1/households", token: officerToken).status == .ok)
            #expect(try await send(app, .POST, "/api/v1/users/\(officer.id)/disable", token: token).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/households", token: officerToken).status == .unauthorized)
            #expect(try await F.apiSignIn(app, officer.username).status == .unauthorized)
            // Disabling twice changes nothing and records nothing more.
            #expect(try await send(app, .POST, "/api/v1/users/\(officer.id)/disable", token: token).status == .ok)
            #expect(try await send(app, .POST, "/api/v1/users/\(officer.id)/enable", token: token).status == .ok)
            #expect(try await F.apiSignIn(app, officer.username).status == .created)
            #expect(try await F.auditActions(app) == ["user.disable", "user.enable"])
        }
    }

    @Test("every administrative write is one audit event, in one intact chain", arguments: TestDatabase.available)
    func auditTrail(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (admin, token) = try await F.withToken(app, .districtOfficer, "320402")
            let created = try await send(
                app, .POST, "/api/v1/users", token: token,
                json: [
                    "username": "grid.worker", "displayName": "网格员", "password": "a long enough password",
                    "role": "communityWorker", "region": "320402001001",
                ]
            ).json(UserSummary.self)
            _ = try await send(app, .POST, "/api/v1/users/\(created.id)/disable", token: token)
            _ = try await send(app, .POST, "/api/v1/users/\(created.id)/enable", token: token)
            let password = try await send(app, .POST, "/api/v1/users/\(created.id)/reset-password", token: token).value(
                "password", as: String.self)
            let workerToken = try await F.apiSignIn(app, "grid.worker", password).value("token", as: String.self)
            let tokens = try await send(app, .GET, "/api/v1/users/\(created.id)/tokens", token: token).json(
                Page<TokenSummary>.self)
            #expect(
                try await send(app, .DELETE, "/api/v1/users/\(created.id)/tokens/\(tokens.items[0].id)", token: token)
                    .status == .noContent)
            #expect(try await send(app, .GET, "/api/v1/households", token: workerToken).status == .unauthorized)
            let own = try await send(app, .GET, "/api/v1/tokens", token: token).json(Page<TokenSummary>.self)
            #expect(
                try await send(app, .DELETE, "/api/v1/tokens/\(own.items[0].id)", token: token).status == .noContent)

            let events = try await F.auditEvents(app)
            #expect(
                events.map(\.action) == [
                    "user.create", "user.disable", "user.enable", "user.password.reset", "token.issue",
                    "api_token.revoke", "api_token.revoke",
                ])
            // The worker's own sign-in is the worker's event; every other is the administrator's.
            #expect(
                events.map(\.actorID)
                    == [admin.id, admin.id, admin.id, admin.id, created.id, admin.id, admin.id].map(\.uuidString))
            #expect(
                events.map(\.region) == [
                    "320402001001", "320402001001", "320402001001", "320402001001", "320402001001", "320402001001",
                    "320402",
                ])
            #expect(AuditChain.verify(events) == .intact(count: events.count))
            let text = events.map { "\($0.before ?? "") \($0.after ?? "")" }.joined()
            #expect(!text.contains(password) && !text.contains("$2") && !text.contains(workerToken))
        }
    }
}
