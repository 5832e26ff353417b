@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Audit trail")
struct AuditTrailTests {
    /// `320402********123X`, as lists show an ID number.
    static func masked(_ id: String) -> String { String(id.prefix(6)) + "********" + String(id.suffix(4)) }

    static func events(_ app: Application) async throws -> [AuditEvent] {
        try await AuditStore(db: app.sql).chain(after: 0, limit: 10_000)
    }

    @Test(
        "every registry write is one event with who, region, before and after — and no plain ID number",
        arguments: TestDatabase.available)
    func registryWrites(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .streetOfficer, region: RegistryAPITests.street, username: "officer1")
            let head = residentID("32040219650312401")
            let created = try await send(
                app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: head))
            #expect(created.status == .created)
            let household = try created.json(HouseholdDetail.self)
            let personID = try #require(household.members.first?.personId)
            let person = try await send(app, .GET, "/api/v1/persons/\(personID)", token: token).json(PersonDetail.self)
            let updated = try await send(
                app, .PATCH, "/api/v1/persons/\(personID)", token: token,
                json: ["version": person.version, "name": "张建军"])
            #expect(updated.status == .ok)

            let events = try await Self.events(app)
            #expect(
                events.map(\.action) == ["household.create", "person.create", "membership.create", "person.update"])
            #expect(
                events.allSatisfy {
                    $0.actorName == "officer1" && $0.region == RegistryAPITests.street && $0.requestID != nil
                })
            let update = try #require(events.last)
            #expect(update.entityID == personID.uuidString)
            #expect(update.before?.contains("张建国") == true)
            #expect(update.after?.contains("张建军") == true)
            #expect(events.allSatisfy { !($0.before ?? "").contains(head) && !($0.after ?? "").contains(head) })
            #expect(update.after?.contains(Self.masked(head)) == true)
            #expect(AuditChain.verify(events) == .intact(count: 4))
        }
    }

    @Test(
        "events recorded together are chained in order after the earlier ones, and the trail verifies",
        arguments: TestDatabase.available)
    func recordedTogether(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.auditedTransaction(actor: .system("test")) { _, audit in
                try await audit.record("probe.single", entity: "probe", id: "0", region: "3204")
                try await audit.record(
                    (1...3).map {
                        audit.entry("probe.batch", entity: "probe", id: String($0), region: "3204", after: ["n": $0])
                    })
            }
            let chain = try await AuditStore(db: app.sql).chain(after: 0, limit: 100).filter { $0.entity == "probe" }
            #expect(chain.map(\.entityID) == ["0", "1", "2", "3"])
            #expect(
                zip(chain, chain.dropFirst()).allSatisfy {
                    $1.sequence == $0.sequence + 1 && $1.previousHash == $0.hash
                })
            #expect(chain.last?.after == #"{"n":3}"#)
            #expect(
                try await AuditStore(db: app.sql).verify() == .intact(count: chain.last.map { Int($0.sequence) } ?? -1))
        }
    }

    @Test("a refused write leaves no record, and no event but the refusal's own", arguments: TestDatabase.available)
    func refusedWrite(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .streetOfficer, region: RegistryAPITests.street)
            let id = residentID("32040219650312401")
            _ = try await send(
                app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: id))
            let before = try await Self.events(app).count
            let duplicate = try await send(
                app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: id))
            #expect(duplicate.status == .conflict)
            // A second registration of an ID number is on record as a refused probe (issue 12).
            #expect(try await Self.events(app).dropFirst(before).map(\.action) == ["person.duplicate.refused"])
            #expect(try await send(app, .GET, "/api/v1/households", token: token).value("total", as: Int.self) == 1)
        }
    }

    @Test("seeing a full ID number on a person's page (after 显示完整号码) is audited; the list and the page show it masked")
    func identityView() async throws {
        try await withTestApp(.sqlite) { app in
            let token = try await app.token(role: .streetOfficer, region: RegistryAPITests.street)
            let head = residentID("32040219650312401")
            let household = try await send(
                app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: head)
            )
            .json(HouseholdDetail.self)
            let personID = try #require(household.members.first?.personId)
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: RegistryAPITests.street)
            let list = try await send(app, .GET, "/persons", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(!list.body.string.contains(head))
            #expect(list.body.string.contains(Self.masked(head)))
            let before = try await Self.events(app).count
            let page = try await FormVisit.open(app, "/persons/\(personID)", cookie: cookie)
            #expect(!page.page.body.string.contains(head))
            #expect(try await Self.events(app).count == before)
            let revealed = try await page.post(app, "/persons/\(personID)/reveal", [])
            #expect(revealed.body.string.contains(head))
            let view = try #require(try await Self.events(app).last)
            #expect(view.action == "person.viewIdentity")
            #expect(view.entityID == personID.uuidString)
        }
    }

    @Test("audit verify: intact, then names the row altered in the database", arguments: TestDatabase.available)
    func verify(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            for i in 1...3 {
                _ = try await send(
                    app, .POST, "/api/v1/households", token: token,
                    json: RegistryAPITests.household(headID: residentID("3204021965031240\(i)")))
            }
            let store = AuditStore(db: app.sql)
            #expect(try await store.verify(pageSize: 4) == .intact(count: 9))
            try await app.sql.raw("UPDATE audit_events SET actor_name = 'someone else' WHERE sequence = 5").run()
            #expect(try await store.verify(pageSize: 4) == .broken(sequence: 5, reason: .contentsAltered))
        }
    }

    @Test("deleting an event is named at the next one", arguments: TestDatabase.available)
    func deletion(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: RegistryAPITests.household(headID: residentID("32040219650312401")))
            try await app.sql.raw("DELETE FROM audit_events WHERE sequence = 2").run()
            #expect(try await AuditStore(db: app.sql).verify() == .broken(sequence: 3, reason: .previousHashMismatch))
        }
    }

    @Test("an import batch is one event listing what it created")
    func importBatch() async throws {
        try await withTestApp(.sqlite) { app in
            let path = try ImportTests.write(ImportTests.mixedFile)
            _ = try await ImportTests.importer(app).run(path: path)
            let events = try await Self.events(app)
            #expect(events.map(\.action) == ["registry.import"])
            let after = try #require(events.first?.after)
            struct Listing: Decodable {
                struct Household: Decodable { let id: UUID }
                let householdsCreated: [Household]
                let personsCreated: [String: [String]]
            }
            let listing = try JSONDecoder().decode(Listing.self, from: Data(after.utf8))
            let memberships = try await app.sql.raw("SELECT household_id, person_id FROM memberships").all()
            var stored: [String: Set<String>] = [:]
            for row in memberships {
                stored[try row.decode(column: "household_id", as: UUID.self).uuidString, default: []]
                    .insert(try row.decode(column: "person_id", as: UUID.self).uuidString)
            }
            #expect(listing.personsCreated.mapValues(Set.init) == stored)
            #expect(Set(listing.householdsCreated.map(\.id.uuidString)) == Set(stored.keys))
            #expect(events.first?.actorName == "test")
        }
    }

    @Test("auditors see their region's events only, filter them, and export CSV; others are refused")
    func auditorPage() async throws {
        try await withTestApp(.sqlite) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: residentID("32040219650312401")))
            let elsewhere = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320411002", headID: residentID("32041119650312401")))
            #expect(elsewhere.status == .created)
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "320402")
            let headers: HTTPHeaders = ["Cookie": "minzheng_session=\(auditor)"]
            let page = try await send(app, .GET, "/audit", headers: headers)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("共 3 条"))
            #expect(!page.body.string.contains("新北区"))
            let filtered = try await send(app, .GET, "/audit?action=person.create", headers: headers)
            #expect(filtered.body.string.contains("共 1 条"))
            let bad = try await send(app, .GET, "/audit?from=yesterday", headers: headers)
            #expect(bad.body.string.contains("日期应为 YYYY-MM-DD"))
            let csv = try await send(app, .GET, "/audit.csv?action=person.create", headers: headers)
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let text = csv.body.string
            #expect(text.hasPrefix("\u{FEFF}序号,时间（北京时间）,操作人"))
            #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            #expect(
                try await send(app, .GET, "/audit", headers: ["Cookie": "minzheng_session=\(officer)"]).status
                    == .forbidden)
        }
    }
}
