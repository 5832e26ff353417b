@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 地名查询 and the county's sign list: anyone finds an announced name by its characters or its
/// pinyin, with its story, never a proposal or the office's notes; a renamed name points to its
/// successor. The place-name office lists the signs of its county needing repair, oldest problem
/// first, and takes them as .xlsx.
@Suite("Place-name directory and sign list")
struct PlaceNameDirectoryTests {
    struct Entry: Decodable {
        let id: UUID
        let name: String
        let signPinyin: String
        let status: String
        let redStory: String?
        let formerName: String?
        let successorName: String?
    }

    struct Entries: Decodable {
        let items: [Entry]
        let total: Int
    }

    /// Proposes a name through the API, then puts it at `status` as the workflow would have.
    static func name(
        _ app: Application, _ token: String, _ fields: [String: Any], status: String = "announced"
    ) async throws -> UUID {
        let proposed = try await send(app, .POST, "/api/v1/place-names", token: token, json: fields)
        #expect(proposed.status == .created, "\(proposed.body.string)")
        let id = try proposed.value("id", as: UUID.self)
        try await app.sql.raw(
            """
            UPDATE place_names SET status = \(bind: status), announced_on = '2026-06-01', approving_body = '天宁区人民政府',
              decision_note = '内部说明：勿外传' WHERE id = \(bind: id)
            """
        ).run()
        return id
    }

    @Test(
        "the public directory: words or pinyin, only announced names, renamed ones on request",
        arguments: TestDatabase.available)
    func directory(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let tianning = try await app.token(role: .districtOfficer, region: "320402")
            let zhongshan = try await Self.name(
                app, tianning,
                ["name": "中山路", "category": "road", "region": "320402001", "red": true, "redStory": "1925 年工人夜校旧址所在"])
            let proposal = try await Self.name(
                app, tianning, ["name": "和平北路", "category": "road", "region": "320402"], status: "proposed")
            let old = try await Self.name(app, tianning, ["name": "龙城大道", "category": "road", "region": "320402"])
            let successor = try await Self.name(
                app, tianning,
                ["name": "晋陵大道", "category": "road", "region": "320402", "replaces": old.uuidString])
            try await app.sql.raw("UPDATE place_names SET status = 'renamed' WHERE id = \(bind: old)").run()

            // No sign-in: characters or letters, any case and spacing.
            for q in ["中山", "zhongshan", "Zhongshan Lu", "ZHONGSHANLU"] {
                let found = try await send(
                    app, .GET,
                    "/api/v1/place-name-directory?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(found.status == .ok, "\(q): \(found.body.string)")
                #expect(try found.json(Entries.self).items.map(\.name) == ["中山路"], "\(q)")
            }
            let all = try await send(app, .GET, "/api/v1/place-name-directory").json(Entries.self)
            #expect(Set(all.items.map(\.name)) == ["中山路", "晋陵大道"] && all.total == 2)
            let withFormer = try await send(app, .GET, "/api/v1/place-name-directory?former=1").json(Entries.self)
            #expect(withFormer.items.first { $0.name == "龙城大道" }?.successorName == "晋陵大道")
            let red = try await send(app, .GET, "/api/v1/place-name-directory?red=1").json(Entries.self)
            #expect(red.items.map(\.name) == ["中山路"])
            let other = try await send(app, .GET, "/api/v1/place-name-directory?county=320404").json(Entries.self)
            #expect(other.total == 0)

            // One name: what was announced, never the office's notes or who proposed it.
            let entry = try await send(app, .GET, "/api/v1/place-name-directory/\(zhongshan)")
            #expect(try entry.json(Entry.self).redStory == "1925 年工人夜校旧址所在")
            #expect(!entry.body.string.contains("内部说明") && !entry.body.string.contains("proposedBy"))
            #expect(
                try await send(app, .GET, "/api/v1/place-name-directory/\(successor)").json(Entry.self).formerName
                    == "龙城大道")
            #expect(try await send(app, .GET, "/api/v1/place-name-directory/\(proposal)").status == .notFound)

            // Bad filters name their field.
            for (query, field) in [
                ("county=110101", "county"), ("county=abc", "county"), ("category=lane", "category"),
            ] {
                let bad = try await send(app, .GET, "/api/v1/place-name-directory?\(query)")
                #expect(try bad.status == .badRequest && bad.json(ErrorAnswer.self).field == field, "\(query)")
            }

            // The pages, signed out.
            let list = try await send(app, .GET, "/place-name-directory?q=zhongshan")
            #expect(list.status == .ok && list.body.string.contains("中山路") && !list.body.string.contains("晋陵大道"))
            let page = try await send(app, .GET, "/place-name-directory/\(old)").body.string
            #expect(page.contains("已更名") && page.contains("晋陵大道") && !page.contains("内部说明"))
            let refused = try await send(app, .GET, "/place-name-directory?county=999999")
            #expect(refused.status == .badRequest && refused.body.string.contains("县（市、区）代码"))
        }
    }

    @Test("the county's signs needing repair, oldest problem first, and their .xlsx", arguments: TestDatabase.available)
    func signList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let tianning = try await app.token(role: .districtOfficer, region: "320402")
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            let road = try await Self.name(app, tianning, ["name": "中山路", "category": "road", "region": "320402"])
            let other = try await Self.name(app, zhonglou, ["name": "延陵西路", "category": "road", "region": "320404"])
            func sign(_ token: String, _ name: UUID, _ location: String) async throws -> UUID {
                try await send(
                    app, .POST, "/api/v1/place-names/\(name)/signs", token: token,
                    json: ["kind": "roadSign", "location": location, "installedOn": "2025-01-10"]
                ).value("id", as: UUID.self)
            }
            func inspect(_ token: String, _ sign: UUID, _ condition: String, on day: String, note: String?) async throws
            {
                var body: [String: Any] = ["condition": condition, "inspectedOn": day]
                if let note { body["note"] = note }
                let answer = try await send(
                    app, .POST, "/api/v1/place-name-signs/\(sign)/inspections", token: token, json: body)
                #expect(answer.status == .ok, "\(answer.body.string)")
            }
            let faded = try await sign(tianning, road, "中山路与和平路口")
            let broken = try await sign(tianning, road, "中山路东端")
            let fine = try await sign(tianning, road, "中山路西端")
            let elsewhere = try await sign(zhonglou, other, "延陵西路口")
            try await inspect(tianning, faded, "faded", on: "2026-05-01", note: "字迹褪色")
            try await inspect(tianning, broken, "damaged", on: "2026-03-01", note: "被车辆撞弯")
            try await inspect(tianning, fine, "good", on: "2026-04-01", note: nil)
            try await inspect(zhonglou, elsewhere, "missing", on: "2026-02-01", note: "标志丢失")

            struct Listing: Decodable {
                struct Sign: Decodable {
                    let id: UUID
                    let conditionName: String
                }
                let sign: Sign
                let placeName: String
                let lastNote: String?
            }
            struct Listings: Decodable {
                let items: [Listing]
                let total: Int
            }
            let repair = try await send(app, .GET, "/api/v1/place-name-signs", token: tianning).json(Listings.self)
            #expect(repair.items.map(\.sign.id) == [broken, faded])
            #expect(repair.items.map(\.lastNote) == ["被车辆撞弯", "字迹褪色"])
            let every = try await send(app, .GET, "/api/v1/place-name-signs?condition=all", token: tianning)
                .json(Listings.self)
            #expect(every.total == 3)
            let city = try await app.token(role: .cityAdmin, region: "3204")
            let cityRepair = try await send(app, .GET, "/api/v1/place-name-signs", token: city).json(Listings.self)
            #expect(cityRepair.items.map(\.sign.id) == [elsewhere, broken, faded])
            let missing = try await send(app, .GET, "/api/v1/place-name-signs?condition=missing", token: tianning)
            #expect(try missing.json(Listings.self).total == 0)
            let bad = try await send(app, .GET, "/api/v1/place-name-signs?condition=broken", token: tianning)
            #expect(try bad.status == .badRequest && bad.json(ErrorAnswer.self).field == "condition")
            for (role, region) in [
                (Role.communityWorker, "320402001001"), (.streetOfficer, "320402001"), (.auditor, "3204"),
            ] {
                let token = try await app.token(role: role, region: region)
                #expect(
                    try await send(app, .GET, "/api/v1/place-name-signs", token: token).status == .forbidden, "\(role)")
            }

            // The page and the .xlsx; the export is on record.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await AccountFixtures.get(app, "/place-name-signs", cookie: cookie)
            #expect(page.status == .ok && page.body.string.contains("被车辆撞弯") && !page.body.string.contains("标志丢失"))
            let file = try await AccountFixtures.get(app, "/place-name-signs.xlsx?condition=repair", cookie: cookie)
            #expect(file.status == .ok && file.headers.contentType?.description.contains("spreadsheetml") == true)
            let exported = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE action = 'placeName.sign.export'"
            ).all()
            #expect(exported.count == 1)
        }
    }
}
