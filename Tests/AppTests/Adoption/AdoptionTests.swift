@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 收养登记: a married couple adopts a child the district's registry has on file; the child
/// joins their household as their child, the certificate is numbered, a second adoption of the
/// same child is refused, and the dissolution brings the child back.
@Suite("Adoption registration")
struct AdoptionTests {
    struct Record: Decodable {
        let id: UUID
        let kind: String
        let number: String
        let status: String
        let householdId: UUID?
        let previousHouseholdId: UUID?
    }

    static let husband = residentID("32040219850301301")
    static let wife = residentID("32040219870501302")
    static let child = residentID("32040220200601303")
    static let olderChild = residentID("32040220150601304")

    /// The couple's household and the children's, in 天宁 (320402).
    static func world(_ app: Application) async throws -> (admin: String, couple: UUID, children: UUID) {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let couple = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: [
                "region": "320402001", "address": "常州市天宁区雕庄街道收养路1号",
                "members": [
                    ["relation": "head", "name": "陈建华", "idNumber": husband],
                    ["relation": "spouse", "name": "刘丽", "idNumber": wife],
                ],
            ])
        #expect(couple.status == .created, "\(couple.body.string)")
        let children = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: [
                "region": "320402001", "address": "常州市天宁区雕庄街道福利院",
                "members": [
                    ["relation": "head", "name": "王小宝", "idNumber": child],
                    ["relation": "other", "name": "李大宝", "idNumber": olderChild],
                ],
            ])
        #expect(children.status == .created, "\(children.body.string)")
        return (
            admin, try couple.json(HouseholdDetail.self).id, try children.json(HouseholdDetail.self).id
        )
    }

    static func registration(child: String = child, adopters: [String] = [husband, wife]) -> [String: Any] {
        [
            "childIdNumber": child, "adopterIdNumbers": adopters, "placingParty": "welfareInstitution",
            "placingPartyName": "常州市儿童福利院", "assessmentPassed": true, "assessedOn": "2026-11-20",
            "assessor": "常州市收养评估中心",
        ]
    }

    @Test(
        "a couple adopts: the child joins their household, a second adoption is refused, the dissolution brings the child back",
        arguments: TestDatabase.available)
    func registerAndDissolve(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            let created = try await send(
                app, .POST, "/api/v1/adoptions", token: registrar, json: Self.registration())
            #expect(created.status == .created, "\(created.body.string)")
            let adoption = try created.json(Record.self)
            #expect(adoption.number == "SY320402-\(app.platform.clock.today.year)-000001")
            #expect(adoption.status == "inForce")
            #expect(adoption.householdId == w.couple && adoption.previousHouseholdId == w.children)
            let home = try await send(app, .GET, "/api/v1/households/\(w.couple)", token: w.admin).json(
                HouseholdDetail.self)
            #expect(home.members.contains { $0.name == "王小宝" && $0.relation == "child" })

            let again = try await send(app, .POST, "/api/v1/adoptions", token: registrar, json: Self.registration())
            #expect(again.status == .conflict)
            #expect(try again.json(ErrorAnswer.self).field == "childIdNumber")

            let noNote = try await send(
                app, .POST, "/api/v1/adoptions/\(adoption.id)/dissolution", token: registrar, json: [String: Any]())
            #expect(noNote.status == .badRequest)
            #expect(try noNote.json(ErrorAnswer.self).field == "note")
            let dissolved = try await send(
                app, .POST, "/api/v1/adoptions/\(adoption.id)/dissolution", token: registrar,
                json: ["note": "双方协议解除", "returnToPreviousHousehold": true])
            #expect(dissolved.status == .created, "\(dissolved.body.string)")
            #expect(try dissolved.json(Record.self).number.hasPrefix("JCSY320402-"))
            let before = try await send(app, .GET, "/api/v1/adoptions/\(adoption.id)", token: registrar).json(
                Record.self)
            #expect(before.status == "dissolved")
            let back = try await send(app, .GET, "/api/v1/households/\(w.children)", token: w.admin).json(
                HouseholdDetail.self)
            #expect(back.members.contains { $0.name == "王小宝" })
            // Audited, with the certificate's number and no full ID number.
            let trail = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE action IN ('adoption.register', 'adoption.dissolve')"
            ).all().map { try $0.decode(column: "after_json", as: String?.self) ?? "" }
            #expect(trail.count == 2)
            #expect(!trail.joined().contains(Self.child))
        }
    }

    @Test(
        "refusals name the field: one spouse alone, no assessment, a child of 8 without consent, outside the district, not a registrar",
        arguments: TestDatabase.available)
    func refusals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.world(app)
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            var noAssessment = Self.registration()
            noAssessment["assessmentPassed"] = false
            for (body, field) in [
                (Self.registration(adopters: [Self.husband]), "adopters"),
                (noAssessment, "assessment"),
                (Self.registration(child: Self.olderChild), "childConsents"),
                (Self.registration(child: residentID("32040220200601999")), "childIdNumber"),
            ] as [([String: Any], String)] {
                let refused = try await send(app, .POST, "/api/v1/adoptions", token: registrar, json: body)
                #expect(refused.status == .badRequest, "\(field): \(refused.body.string)")
                #expect(try refused.json(ErrorAnswer.self).field == field)
            }
            let otherDistrict = try await app.token(role: .districtOfficer, region: "320404")
            let outside = try await send(
                app, .POST, "/api/v1/adoptions", token: otherDistrict, json: Self.registration())
            #expect(try outside.json(ErrorAnswer.self).field == "childIdNumber")
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(
                try await send(app, .POST, "/api/v1/adoptions", token: street, json: Self.registration()).status
                    == .forbidden)
            // Nothing half-saved: no record, the child still in the institution's household.
            let count = try await app.sql.raw("SELECT COUNT(*) AS n FROM adoption_records").first()?.decode(
                column: "n", as: Int.self)
            #expect(count == 0)
        }
    }

    @Test("the registry's page: the form, a registration through it, the record", arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.world(app)
            let registrar = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let form = try await FormVisit.open(app, "/adoptions", cookie: registrar)
            #expect(form.page.body.string.contains("新的收养登记"))
            let refused = try await form.post(
                app, "/adoptions",
                [
                    ("childIdNumber", Self.child), ("adopter1", Self.husband), ("adopter2", Self.wife),
                    ("placingParty", "welfareInstitution"), ("placingPartyName", "常州市儿童福利院"),
                    ("assessedOn", "2026-11-20"),
                ])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("收养评估未通过"))
            let done = try await form.post(
                app, "/adoptions",
                [
                    ("childIdNumber", Self.child), ("adopter1", Self.husband), ("adopter2", Self.wife),
                    ("placingParty", "welfareInstitution"), ("placingPartyName", "常州市儿童福利院"),
                    ("assessedOn", "2026-11-20"),
                    ("assessmentPassed", "on"),
                ])
            #expect(
                done.status == .seeOther,
                "\(done.body.string.firstMatch(of: /role="alert">([^<]*)</)?.1 ?? "")")
            let record = try await AccountFixtures.get(
                app, try #require(done.headers.first(name: .location)), cookie: registrar)
            #expect(record.body.string.contains("SY320402-"))
            #expect(record.body.string.contains("解除收养关系登记"))
        }
    }
}
