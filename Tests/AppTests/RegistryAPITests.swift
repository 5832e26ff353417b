@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Registry API")
struct RegistryAPITests {
    static let street = "320402001"
    static let otherStreet = "320404001"

    static func household(region: String = street, headID: String, memberID: String? = nil) -> [String: Any] {
        var members: [[String: Any]] = [
            ["relation": "head", "name": "张建国", "idNumber": headID, "phone": "13912345678"]
        ]
        if let memberID { members.append(["relation": "配偶", "name": "李秀英", "idNumber": memberID]) }
        return ["region": region, "address": "常州市天宁区雕庄街道测试路1号", "members": members]
    }

    @Test("healthz answers ok without sign-in", arguments: TestDatabase.available)
    func health(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let res = try await send(app, .GET, "/healthz")
            #expect(res.status == .ok)
            #expect(res.body.string == #"{"status":"ok"}"#)
        }
    }

    @Test("API needs a token; sign-in issues one; a wrong password is refused", arguments: TestDatabase.available)
    func signIn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await AccountStore(db: app.sql).createUser(
                username: "zhang", displayName: "张", password: "correct horse battery", role: .cityAdmin,
                region: RegionCode("3204")!, hash: app.hashPassword)
            let anonymous = try await send(app, .GET, "/api/v1/households")
            #expect(anonymous.status == .unauthorized)
            let refusal = try anonymous.json(ErrorAnswer.self)
            #expect(refusal.error.contains("登录"))
            let wrong = try await send(
                app, .POST, "/api/v1/sessions", json: ["username": "zhang", "password": "wrong password!"])
            #expect(wrong.status == .unauthorized)
            let ok = try await send(
                app, .POST, "/api/v1/sessions", json: ["username": "zhang", "password": "correct horse battery"])
            #expect(ok.status == .created)
            let token: String = try ok.value("token")
            let list = try await send(app, .GET, "/api/v1/households", token: token)
            #expect(list.status == .ok)
            let total: Int = try list.value("total")
            #expect(total == 0)
            let issued = try await app.sql.raw(
                "SELECT action, actor_name, after_json FROM audit_events WHERE action = 'token.issue'"
            ).all()
            #expect(issued.count == 1)
            #expect(
                try issued.first?.decode(column: "after_json", as: String.self).contains(token) == false,
                "the trail never holds the token")
        }
    }

    @Test(
        "signing in clears tokens expired more than 30 days ago, and keeps the rest", arguments: TestDatabase.available)
    func expiredTokensCleared(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            let store = AccountStore(db: sql)
            let id = try await store.createUser(
                username: "zhang", displayName: "张", password: "correct horse battery", role: .cityAdmin,
                region: RegionCode("3204")!, hash: app.hashPassword)
            _ = try await store.issueToken(userID: id, name: "old")
            _ = try await store.issueToken(userID: id, name: "recent")
            try await sql.raw(
                "UPDATE api_tokens SET expires_at = \(bind: Date().addingTimeInterval(-40 * 24 * 3600)) WHERE name = 'old'"
            ).run()
            try await sql.raw(
                "UPDATE api_tokens SET expires_at = \(bind: Date().addingTimeInterval(-2 * 24 * 3600)) WHERE name = 'recent'"
            ).run()
            let ok = try await send(
                app, .POST, "/api/v1/sessions", json: ["username": "zhang", "password": "correct horse battery"])
            #expect(ok.status == .created)
            let names = try await sql.raw("SELECT name FROM api_tokens ORDER BY name").all().map {
                try $0.decode(column: "name", as: String.self)
            }
            #expect(names == ["api", "recent"])
        }
    }

    @Test("create, read, search by ID number, update with version", arguments: TestDatabase.available)
    func householdLifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .streetOfficer, region: Self.street)
            let head = residentID("32040219650312401")
            let spouse = residentID("32040219680101402")
            let created = try await send(
                app, .POST, "/api/v1/households", token: token, json: Self.household(headID: head, memberID: spouse))
            #expect(created.status == .created)
            #expect(!created.body.string.contains(head))
            let detail = try created.json(HouseholdDetail.self)
            #expect(detail.version == 1)
            #expect(detail.region == Self.street)
            #expect(detail.regionName.hasSuffix("雕庄街道"))
            #expect(detail.members.map(\.relation) == ["head", "spouse"])
            #expect(detail.members[0].idNumberMasked == "320402********" + head.suffix(4))
            #expect(detail.members[0].sex == "male")
            #expect(detail.members[0].birthDate == "1965-03-12")

            let found = try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["idNumber": spouse])
            let page = try found.json(Page<PersonSummary>.self)
            #expect(page.total == 1)
            #expect(page.items.first?.name == "李秀英")
            #expect(page.items.first?.sex == "female")

            let updated = try await send(
                app, .PATCH, "/api/v1/households/\(detail.id)", token: token, json: ["version": 1, "address": "新地址2号"])
            #expect(updated.status == .ok)
            let after = try updated.json(HouseholdDetail.self)
            #expect(after.version == 2)
            #expect(after.address == "新地址2号")

            let stale = try await send(
                app, .PATCH, "/api/v1/households/\(detail.id)", token: token, json: ["version": 1, "address": "过时的修改"])
            #expect(stale.status == .conflict)
            let conflict = try stale.json(ErrorAnswer.self)
            #expect(conflict.field == "version")
            #expect(conflict.error.contains("当前版本 2"))
        }
    }

    @Test("bad input names the field and saves nothing", arguments: TestDatabase.available)
    func validation(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .streetOfficer, region: Self.street)
            let head = residentID("32040219650312401")
            let good = residentID("32040219680101402")
            let broken = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
            let cases: [([String: Any], String, String)] = [
                (Self.household(headID: head, memberID: broken), "members[1].idNumber", "校验位"),
                (Self.household(region: "320499001", headID: head), "region", "未知的区划"),
                (
                    [
                        "region": Self.street, "address": "x",
                        "members": [["relation": "spouse", "name": "王", "idNumber": head]],
                    ], "members", "户主"
                ),
                (["region": Self.street, "address": "", "members": []], "address", "地址"),
                (
                    [
                        "region": Self.street, "address": "x",
                        "members": [["relation": "boss", "name": "王", "idNumber": head]],
                    ], "members[0].relation", "与户主关系"
                ),
            ]
            for (body, field, message) in cases {
                let res = try await send(app, .POST, "/api/v1/households", token: token, json: body)
                #expect(res.status == .badRequest)
                let error = try res.json(ErrorAnswer.self)
                #expect(error.field == field)
                #expect(error.error.contains(message), "\(error.error)")
            }
            let persons = try await send(app, .GET, "/api/v1/persons", token: token)
            let total: Int = try persons.value("total")
            #expect(total == 0)
        }
    }

    @Test("a second person with the same ID number is refused", arguments: TestDatabase.available)
    func uniqueIDNumber(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let head = residentID("32040219650312401")
            let first = try await send(
                app, .POST, "/api/v1/households", token: token, json: Self.household(headID: head))
            #expect(first.status == .created)
            let second = try await send(
                app, .POST, "/api/v1/households", token: token, json: Self.household(headID: head))
            #expect(second.status == .conflict)
            #expect(try second.json(ErrorAnswer.self).field == "idNumber")
        }
    }

    @Test("another street's household is 404 and absent from lists", arguments: TestDatabase.available)
    func regionScope(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let created = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: Self.household(region: Self.otherStreet, headID: residentID("32040419700101301")))
            let otherID: String = try created.value("id")
            #expect(try await send(app, .GET, "/api/v1/households/\(otherID)", token: officer).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/households/\(otherID)", token: admin).status == .ok)
            let officerTotal: Int = try await send(app, .GET, "/api/v1/households", token: officer).value("total")
            let adminTotal: Int = try await send(app, .GET, "/api/v1/households", token: admin).value("total")
            #expect(officerTotal == 0)
            #expect(adminTotal == 1)
            let intrusion = try await send(
                app, .POST, "/api/v1/households", token: officer,
                json: Self.household(region: Self.otherStreet, headID: residentID("32040419700101302")))
            #expect(intrusion.status == .notFound)
        }
    }

    @Test("moving a person keeps the earlier membership as history", arguments: TestDatabase.available)
    func move(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let first = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: Self.household(headID: residentID("32040219650312401"), memberID: residentID("32040220100101402"))
            )
            .json(HouseholdDetail.self)
            let second = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: Self.household(headID: residentID("32040219700101301"))
            ).json(HouseholdDetail.self)
            let moving = first.members[1].personId
            let moved = try await send(
                app, .POST, "/api/v1/households/\(second.id)/members", token: token,
                json: ["personId": moving.uuidString, "relation": "child"])
            #expect(moved.status == .ok)
            #expect(try moved.json(HouseholdDetail.self).members.count == 2)
            let person = try await send(app, .GET, "/api/v1/persons/\(moving)", token: token).json(PersonDetail.self)
            #expect(person.householdId == second.id)
            #expect(person.history.count == 2)
            #expect(person.history.filter { $0.leftAt == nil }.count == 1)
            #expect(person.idNumber == nil)
            let left = try await send(app, .GET, "/api/v1/households/\(first.id)", token: token).json(
                HouseholdDetail.self)
            #expect(left.members.count == 1)
        }
    }
}
