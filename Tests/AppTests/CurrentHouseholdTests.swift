@testable import App
import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `persons.household_id` must name the household of the person's current membership after
/// every write that starts or ends one: the feeds trust it instead of the memberships.
@Suite("Current household on persons")
struct CurrentHouseholdTests {
    /// Persons whose `household_id` disagrees with their current membership, and how many have one at all.
    static func disagreements(_ app: Application) async throws -> (wrong: Int, placed: Int) {
        let sql = app.sql
        let wrong = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM persons p LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE (p.household_id IS NULL AND m.household_id IS NOT NULL) OR (p.household_id IS NOT NULL AND m.household_id IS NULL)
               OR p.household_id <> m.household_id
            """
        ).first()!.decode(column: "n", as: Int.self)
        let placed = try await sql.raw("SELECT COUNT(*) AS n FROM persons WHERE household_id IS NOT NULL").first()!
            .decode(column: "n", as: Int.self)
        return (wrong, placed)
    }

    static func householdOf(_ app: Application, person: UUID) async throws -> UUID? {
        try await app.sql.raw("SELECT household_id FROM persons WHERE id = \(bind: person)").first()!
            .decode(column: "household_id", as: UUID?.self)
    }

    @Test("creating households, adding and moving members keep it current", arguments: TestDatabase.available)
    func registryWrites(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let first = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: RegistryAPITests.household(
                    headID: residentID("32040219650312401"), memberID: residentID("32040220100101402"))
            )
            .json(HouseholdDetail.self)
            let second = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: RegistryAPITests.household(headID: residentID("32040219700101301"))
            ).json(HouseholdDetail.self)
            let moving = first.members[1].personId
            #expect(try await Self.householdOf(app, person: moving) == first.id)
            let moved = try await send(
                app, .POST, "/api/v1/households/\(second.id)/members", token: token,
                json: ["personId": moving.uuidString, "relation": "child"])
            #expect(moved.status == .ok)
            #expect(try await Self.householdOf(app, person: moving) == second.id)
            let added = try await send(
                app, .POST, "/api/v1/households/\(second.id)/members", token: token,
                json: [
                    "relation": "spouse",
                    "person": ["name": "李秀英", "idNumber": residentID("32040219720101402"), "hukou": "urban"]
                        as [String: Any],
                ])
            #expect(added.status == .ok)
            let counts = try await Self.disagreements(app)
            #expect(counts.wrong == 0)
            #expect(counts.placed == 4)
        }
    }

    @Test(
        "an import places new persons and moves a person whose household reference changed, in one file with stored ones",
        arguments: TestDatabase.available)
    func importWrites(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401"), child = residentID("32040220100101402"),
                other = residentID("32040219700101301")
            let spouse = residentID("32040219720101402")
            let header = "户编号,与户主关系,姓名,身份证号,所属区划,地址\n"
            let first = try await ImportTests.importer(app).run(
                path: try ImportTests.write(
                    header + """
                        A,本人,张建国,\(head),320402001001,常州市天宁区雕庄街道1号
                        A,子女,张小明,\(child),320402001001,常州市天宁区雕庄街道1号
                        B,本人,王强,\(other),320402001002,常州市天宁区雕庄街道2号
                        """))
            #expect(first.imported == 3)
            #expect(try await Self.disagreements(app) == (0, 3))
            // B's head row gives a new address and street; the new spouse and the moved child follow it.
            let moved = try await ImportTests.importer(app).run(
                path: try ImportTests.write(
                    header + """
                        B,本人,王强,\(other),320402002001,常州市天宁区新地址8号
                        B,配偶,李梅,\(spouse),320402001002,常州市天宁区雕庄街道2号
                        B,子女,张小明,\(child),320402001002,常州市天宁区雕庄街道2号
                        """))
            #expect((moved.imported, moved.updated, moved.rejected) == (1, 2, 0))
            let sql = app.sql
            let b = try #require(
                try await sql.raw("SELECT id, region, address, version FROM households WHERE import_ref = 'B'").first())
            let bID = try b.decode(column: "id", as: UUID.self)
            #expect(try b.decode(column: "region", as: String.self) == "320402002001")
            #expect(try b.decode(column: "address", as: String.self) == "常州市天宁区新地址8号")
            #expect(try b.decode(column: "version", as: Int.self) == 2)
            let regions = try await sql.raw("SELECT DISTINCT region FROM persons WHERE household_id = \(bind: bID)")
                .all()
            #expect(try regions.map { try $0.decode(column: "region", as: String.self) } == ["320402002001"])
            // The second import's event lists the household's change and the spouse created in it.
            struct Listing: Decodable {
                struct Change: Decodable { let id: UUID }
                let householdsCreated: [Change]
                let householdsUpdated: [Change]
                let personsCreated: [String: [String]]
            }
            let event = try #require(try await AuditTrailTests.events(app).last { $0.action == "registry.import" })
            let listing = try JSONDecoder().decode(Listing.self, from: Data(try #require(event.after).utf8))
            let spouseID = try await sql.raw("SELECT id FROM persons WHERE name = '李梅'").first()!.decode(
                column: "id", as: UUID.self)
            #expect(listing.householdsCreated.isEmpty)
            #expect(listing.householdsUpdated.map(\.id) == [bID])
            #expect(listing.personsCreated == [bID.text: [spouseID.text]])
            let row = try await sql.raw(
                """
                SELECT p.household_id, h.import_ref FROM persons p JOIN households h ON h.id = p.household_id WHERE p.name = '张小明'
                """
            ).first()
            #expect(try row?.decode(column: "import_ref", as: String.self) == "B")
            #expect(try await Self.disagreements(app) == (0, 4))
        }
    }

    @Test("the demo seed places every person", arguments: TestDatabase.available)
    func seedWrites(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let summary = try await app.demoSeeder.seed(households: 40, seed: 3, today: CivilDate("2026-11-15")!)
            let counts = try await Self.disagreements(app)
            #expect(counts.wrong == 0)
            #expect(counts.placed == summary.persons)
        }
    }

    @Test("the migration fills it from the memberships already stored", arguments: TestDatabase.available)
    func backfill(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let summary = try await app.demoSeeder.seed(households: 10, seed: 5, today: CivilDate("2026-11-15")!)
            // On one connection: another pooled SQLite connection may not have seen the drop yet.
            try await app.db.transaction { db in
                try await TrackCurrentHouseholdOnPersons().revert(on: db)
                try await TrackCurrentHouseholdOnPersons().prepare(on: db)
            }
            let counts = try await Self.disagreements(app)
            #expect(counts.wrong == 0)
            #expect(counts.placed == summary.persons)
        }
    }
}
