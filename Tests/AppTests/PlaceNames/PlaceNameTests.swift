@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 地名管理: a district proposes a road name, spelt by the place-name rules; a same-sounding name
/// of the same kind in the county is refused naming the clash (not in another county); the name
/// is publicised, approved only after its publicity, announced; a renaming retires the old name
/// when announced; other districts and roles neither see nor touch the register.
@Suite("Place names")
struct PlaceNameTests {
    struct Name: Decodable {
        let id: UUID
        let version: Int
        let name: String
        let pinyin: String
        let signPinyin: String
        let county: String
        let status: String
        let approvingBody: String?
        let replacesId: UUID?
    }

    struct Sign: Decodable {
        let id: UUID
        let condition: String
        let needsRepair: Bool
    }

    struct List: Decodable {
        let items: [Name]
        let total: Int
    }

    static func step(
        _ app: Application, _ token: String, _ n: Name, _ body: [String: Any]
    ) async throws
        -> TestingHTTPResponse
    {
        var json = body
        json["version"] = n.version
        return try await send(app, .POST, "/api/v1/place-names/\(n.id)/steps", token: token, json: json)
    }

    @Test("naming: the checks, publicity, approval after it, announcement; renaming", arguments: TestDatabase.available)
    func naming(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let tianning = try await app.token(role: .districtOfficer, region: "320402")
            let proposed = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "龙城大道", "category": "road", "region": "320402001", "meaning": "常州古称龙城"])
            #expect(proposed.status == .created, "\(proposed.body.string)")
            var road = try proposed.json(Name.self)
            #expect(road.pinyin == "Lóngchéng Dàdào" && road.signPinyin == "Longcheng Dadao")
            #expect(road.county == "320402" && road.status == "proposed")

            // 隆城大道 sounds the same in the same county: refused, naming the clash.
            let alike = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "隆城大道", "category": "road", "region": "320402"])
            #expect(alike.status == .badRequest)
            let error = try alike.json(ErrorAnswer.self)
            #expect(error.field == "name" && error.error.contains("龙城大道") && error.error.contains("同音"))
            // The same name in another county, or as another kind, is fine.
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            #expect(
                try await send(
                    app, .POST, "/api/v1/place-names", token: zhonglou,
                    json: ["name": "龙城大道", "category": "road", "region": "320404"]
                ).status == .created)
            let badGeneric = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "龙城大河", "category": "road", "region": "320402"])
            #expect(try badGeneric.json(ErrorAnswer.self).field == "generic")
            let guarded = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "国际大道", "category": "road", "region": "320402"])
            #expect(try guarded.json(ErrorAnswer.self).error.contains("国际"))
            let outside = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "怀德路", "category": "road", "region": "320404"])
            #expect(try outside.json(ErrorAnswer.self).field == "region")

            // Who sees it: not the other district (404), not a street officer (403).
            #expect(try await send(app, .GET, "/api/v1/place-names/\(road.id)", token: zhonglou).status == .notFound)
            let list = try await send(app, .GET, "/api/v1/place-names?q=龙城", token: zhonglou).json(List.self)
            #expect(list.total == 1 && list.items.allSatisfy { $0.county == "320404" })
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/place-names", token: street).status == .forbidden)

            // Publicity to a later day; approval waits for its end; then the announcement.
            let today = app.platform.clock.today
            let early = try await Self.step(
                app, tianning, road, ["action": "publicise", "publicityEnds": today.description])
            #expect(try early.json(ErrorAnswer.self).field == "publicityEnds")
            let publicised = try await Self.step(
                app, tianning, road, ["action": "publicise", "publicityEnds": today.adding(days: 15).description])
            #expect(publicised.status == .ok, "\(publicised.body.string)")
            road = try publicised.json(Name.self)
            #expect(road.status == "publicised")
            let tooSoon = try await Self.step(app, tianning, road, ["action": "approve", "approvingBody": "天宁区人民政府"])
            #expect(tooSoon.status == .badRequest)
            try await app.sql.raw(
                "UPDATE place_names SET publicity_ends = \(bind: today.adding(days: -1).description) WHERE id = \(bind: road.id)"
            ).run()
            let noBody = try await Self.step(app, tianning, road, ["action": "approve"])
            #expect(try noBody.json(ErrorAnswer.self).field == "approvingBody")
            road = try await Self.step(app, tianning, road, ["action": "approve", "approvingBody": "天宁区人民政府"])
                .json(Name.self)
            #expect(road.status == "approved" && road.approvingBody == "天宁区人民政府")
            let stale = try await send(
                app, .POST, "/api/v1/place-names/\(road.id)/steps", token: tianning,
                json: ["action": "announce", "version": road.version - 1])
            #expect(stale.status == .conflict)
            road = try await Self.step(app, tianning, road, ["action": "announce"]).json(Name.self)
            #expect(road.status == "announced")
            let again = try await Self.step(app, tianning, road, ["action": "announce"])
            #expect(again.status == .conflict)

            // Its signs: put up once announced, inspected; a sign needing repair says why.
            let sign = try await send(
                app, .POST, "/api/v1/place-names/\(road.id)/signs", token: tianning,
                json: ["kind": "roadSign", "location": "龙城大道与和平路口", "installedOn": today.description])
            #expect(sign.status == .created, "\(sign.body.string)")
            let signID = try sign.json(Sign.self).id
            let vague = try await send(
                app, .POST, "/api/v1/place-name-signs/\(signID)/inspections", token: tianning,
                json: ["condition": "damaged"])
            #expect(try vague.json(ErrorAnswer.self).field == "note")
            #expect(
                try await send(
                    app, .POST, "/api/v1/place-name-signs/\(signID)/inspections", token: zhonglou,
                    json: ["condition": "good"]
                ).status == .notFound)
            let inspected = try await send(
                app, .POST, "/api/v1/place-name-signs/\(signID)/inspections", token: tianning,
                json: ["condition": "damaged", "note": "被车辆撞弯"]
            ).json(Sign.self)
            #expect(inspected.condition == "damaged" && inspected.needsRepair)

            // Renaming: proposed with `replaces`, announced → the old name is renamed and frees its sound.
            let renaming = try await send(
                app, .POST, "/api/v1/place-names", token: tianning,
                json: ["name": "晋陵大道", "category": "road", "region": "320402", "replaces": road.id.uuidString])
            #expect(renaming.status == .created, "\(renaming.body.string)")
            var renamed = try renaming.json(Name.self)
            #expect(renamed.replacesId == road.id)
            let unannounced = try await send(
                app, .POST, "/api/v1/place-names/\(renamed.id)/signs", token: tianning,
                json: ["kind": "roadSign", "location": "路口", "installedOn": today.description])
            #expect(unannounced.status == .conflict)
            try await app.sql.raw(
                "UPDATE place_names SET status = 'approved', version = version + 1 WHERE id = \(bind: renamed.id)"
            ).run()
            renamed = try await send(app, .GET, "/api/v1/place-names/\(renamed.id)", token: tianning).json(Name.self)
            #expect(try await Self.step(app, tianning, renamed, ["action": "announce"]).status == .ok)
            let old = try await send(app, .GET, "/api/v1/place-names/\(road.id)", token: tianning).json(Name.self)
            #expect(old.status == "renamed")
            #expect(
                try await send(
                    app, .POST, "/api/v1/place-names", token: tianning,
                    json: ["name": "隆城大道", "category": "road", "region": "320402"]
                ).status == .created)

            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE entity = 'place_name' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions.filter { $0 != "placeName.propose" }
                    == [
                        "placeName.publicise", "placeName.approve", "placeName.announce", "placeName.sign.add",
                        "placeName.sign.inspect", "placeName.announce", "placeName.renamed",
                    ])

            // The pages: the list with its filter, the record with its next step.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await FormVisit.open(app, "/place-names?q=大道", cookie: cookie).page.body.string
            #expect(page.contains("晋陵大道") && page.contains("Jìnlíng Dàdào"))
            let record = try await FormVisit.open(app, "/place-names/\(old.id)", cookie: cookie).page.body.string
            #expect(record.contains("已更名"))
        }
    }

    @Test("a name with a character the table cannot read needs its pinyin typed", arguments: TestDatabase.available)
    func typedPinyin(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let wujin = try await app.token(role: .districtOfficer, region: "320412")
            let missing = try await send(
                app, .POST, "/api/v1/place-names", token: wujin,
                json: ["name": "滆湖", "category": "water", "region": "320412"])
            #expect(try missing.json(ErrorAnswer.self).field == "pinyin")
            let typed = try await send(
                app, .POST, "/api/v1/place-names", token: wujin,
                json: ["name": "滆湖", "category": "water", "region": "320412", "pinyin": "Gé Hú"])
            #expect(typed.status == .created, "\(typed.body.string)")
            #expect(try typed.json(Name.self).signPinyin == "Ge Hu")
            let alike = try await send(
                app, .POST, "/api/v1/place-names", token: wujin,
                json: ["name": "革湖", "category": "water", "region": "320412"])
            #expect(try alike.json(ErrorAnswer.self).error.contains("滆湖"))
        }
    }
}
