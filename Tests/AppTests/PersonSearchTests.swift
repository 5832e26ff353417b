@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Finding a person as staff do: part of a name, a whole ID number (with a wrong check digit
/// said so), the last six characters of it, or a phone number — on the API and the page.
@Suite("Person search")
struct PersonSearchTests {
    static let headID = residentID("32040219650312401")
    static let spouseID = residentID("32040219680101402")

    /// 张建国 (phone 13912345678) and 李秀英 of street 320402001, through the API.
    static func couple(_ app: Application, token: String) async throws {
        let created = try await send(
            app, .POST, "/api/v1/households", token: token,
            json: RegistryAPITests.household(headID: headID, memberID: spouseID))
        #expect(created.status == .created, "\(created.body.string)")
    }

    static func names(_ res: TestingHTTPResponse) throws -> [String] {
        try res.json(Page<PersonSummary>.self).items.map(\.name)
    }

    @Test("a name is matched anywhere, and % or _ match only themselves", arguments: TestDatabase.available)
    func nameAnywhere(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await Self.couple(app, token: token)
            #expect(
                try Self.names(try await send(app, .GET, "/api/v1/persons?name=%E7%A7%80%E8%8B%B1", token: token)) == [
                    "李秀英"
                ])
            #expect(
                try Self.names(try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["name": "建国"]))
                    == ["张建国"])
            #expect(
                try Self.names(try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["name": "%"]))
                    .isEmpty)
            #expect(
                try Self.names(try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["name": "_"]))
                    .isEmpty)
        }
    }

    @Test(
        "by the ID number's last six characters and by phone; an edit moves both indexes",
        arguments: TestDatabase.available)
    func lastSixAndPhone(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await Self.couple(app, token: token)
            let search = { (body: [String: Any]) in
                try await send(app, .POST, "/api/v1/persons/search", token: token, json: body)
            }
            #expect(try Self.names(try await search(["idLast6": String(Self.spouseID.suffix(6))])) == ["李秀英"])
            #expect(try Self.names(try await search(["phone": "139-1234-5678"])) == ["张建国"])
            #expect(try Self.names(try await search(["phone": "13900000000"])).isEmpty)

            let head = try #require(
                try await search(["phone": "13912345678"]).json(Page<PersonSummary>.self).items.first)
            let newID = residentID("32040219650312411")
            let patched = try await send(
                app, .PATCH, "/api/v1/persons/\(head.id)", token: token,
                json: ["version": head.version, "phone": "13800001111", "idNumber": newID])
            #expect(patched.status == .ok, "\(patched.body.string)")
            #expect(try Self.names(try await search(["phone": "13800001111"])) == ["张建国"])
            #expect(try Self.names(try await search(["phone": "13912345678"])).isEmpty)
            #expect(try Self.names(try await search(["idLast6": String(newID.suffix(6))])) == ["张建国"])
            #expect(try Self.names(try await search(["idLast6": String(Self.headID.suffix(6))])).isEmpty)
        }
    }

    @Test(
        "a wrong check digit or a malformed last six or phone is a 400 naming the field",
        arguments: TestDatabase.available)
    func malformedNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let wrongCheck = String(Self.headID.dropLast()) + (Self.headID.last == "0" ? "1" : "0")
            for (body, field, words) in [
                (["idNumber": wrongCheck], "idNumber", "校验位错误"), (["idLast6": "12345"], "idLast6", "后六位"),
                (["phone": "12345"], "phone", "联系电话"),
            ] {
                let res = try await send(app, .POST, "/api/v1/persons/search", token: token, json: body)
                #expect(res.status == .badRequest)
                let answer = try res.json(ErrorAnswer.self)
                #expect(answer.field == field)
                #expect(answer.error.contains(words))
            }
        }
    }

    @Test(
        "the page: a wrong check digit is said inline with the number kept; last six and phone find the person",
        arguments: TestDatabase.available)
    func page(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await Self.couple(app, token: try await app.token(role: .cityAdmin, region: "3204"))
            let worker = try await AccountFixtures.create(app, .communityWorker, "320402001")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, worker.username)
            let form = try await FormVisit.open(app, "/persons", cookie: cookie)
            #expect(form.page.body.string.contains("name=\"idLast6\""))
            #expect(form.page.body.string.contains("name=\"phone\""))

            let wrongCheck = String(Self.headID.dropLast()) + (Self.headID.last == "0" ? "1" : "0")
            let refused = try await form.post(app, "/persons/search", [("idNumber", wrongCheck)])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("校验位错误"))
            #expect(refused.body.string.contains("value=\"\(wrongCheck)\""))
            #expect(!refused.body.string.contains("共 0 人"))

            let byLast6 = try await form.post(app, "/persons/search", [("idLast6", String(Self.headID.suffix(6)))])
            #expect(byLast6.body.string.contains("张建国"))
            #expect(!byLast6.body.string.contains("李秀英"))
            let byPhone = try await form.post(app, "/persons/search", [("phone", "13912345678")])
            #expect(byPhone.body.string.contains("共 1 人"))
            #expect(byPhone.body.string.contains("张建国"))
            let byName = try await AccountFixtures.get(app, "/persons?name=%E7%A7%80%E8%8B%B1", cookie: cookie)
            #expect(byName.body.string.contains("李秀英"))
        }
    }

    @Test(
        "an imported person is found by last six and phone; a re-import with a new phone moves the phone index",
        arguments: TestDatabase.available)
    func imported(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let text =
                "户编号,与户主关系,姓名,身份证号,所属区划,地址,联系电话\nH1,本人,张建国,\(Self.headID),320402001001,常州市天宁区雕庄街道1号,13912345678\n"
            #expect(try await ImportTests.importer(app).run(path: try ImportTests.write(text)).imported == 1)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let search = { (body: [String: Any]) in
                try Self.names(try await send(app, .POST, "/api/v1/persons/search", token: token, json: body))
            }
            #expect(try await search(["idLast6": String(Self.headID.suffix(6))]) == ["张建国"])
            #expect(try await search(["phone": "13912345678"]) == ["张建国"])
            let changed = text.replacingOccurrences(of: "13912345678", with: "13800001111")
            #expect(try await ImportTests.importer(app).run(path: try ImportTests.write(changed)).updated == 1)
            #expect(try await search(["phone": "13800001111"]) == ["张建国"])
            #expect(try await search(["phone": "13912345678"]).isEmpty)
        }
    }

    @Test(
        "the seeded and the migrated registry are found by last six and phone: every write path sets both indexes",
        arguments: TestDatabase.available)
    func seedAndBackfill(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await app.demoSeeder.seed(
                households: 3, seed: 7, today: CivilDate(year: 2026, month: 6, day: 1)!)
            let sql = app.sql
            let cipher = app.platform.cipher
            let rows = try await sql.raw("SELECT name, id_cipher, phone_cipher FROM persons ORDER BY id").all()
            let people = try rows.map { r in
                (
                    name: try r.decode(column: "name", as: String.self),
                    id: try cipher.decrypt(try r.decode(column: "id_cipher", as: String.self)),
                    phone: try r.decode(column: "phone_cipher", as: String?.self).map(cipher.decrypt)
                )
            }
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let check = { (label: String) in
                for person in people {
                    let byLast6 = try Self.names(
                        try await send(
                            app, .POST, "/api/v1/persons/search", token: token,
                            json: ["idLast6": String(person.id.suffix(6))]))
                    #expect(byLast6.contains(person.name), "\(label): \(person.name) by last six")
                    if let phone = person.phone {
                        let byPhone = try Self.names(
                            try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["phone": phone]))
                        #expect(byPhone.contains(person.name), "\(label): \(person.name) by phone")
                    }
                }
            }
            try await check("seeded")
            #expect(people.contains { $0.phone != nil })

            // A registry from before the indexes: the migration fills them from the encrypted numbers.
            try await sql.raw("UPDATE persons SET id_last6_index = NULL, phone_index = NULL").run()
            #expect(
                try await Self.names(
                    try await send(
                        app, .POST, "/api/v1/persons/search", token: token,
                        json: ["idLast6": String(people[0].id.suffix(6))])
                ).isEmpty)
            try await IndexPersonsByIDEndingAndPhone.backfill(sql, cipher: cipher)
            try await check("backfilled")
        }
    }
}
