@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `region_counts` (`CountRegistryByRegion`): kept in step with every insert, move and delete of
/// households and persons, an unfiltered list's exact total, and the region a page chosen by its
/// number starts in — the same rows as reading the whole order and skipping.
@Suite("Region counts: exact totals and page jumps that skip only within a region")
struct RegionCountsTests {
    /// Households per street or community (none in 320411003), each with a head and, every other
    /// one, a spouse.
    static let streets: [(String, Int)] = [
        ("320402001", 7), ("320402001003", 2), ("320402002", 1), ("320411002", 9), ("320412001", 6),
    ]

    static func fill(_ app: Application, token: String) async throws {
        var n = 0
        for (street, households) in streets {
            for _ in 0..<households {
                n += 1
                let number = String(format: "%02d", n)
                var members: [[String: Any]] = [
                    ["relation": "head", "name": "户主\(number)", "idNumber": residentID("320402197001014\(number)")]
                ]
                if n % 2 == 0 {
                    members.append(
                        ["relation": "配偶", "name": "配偶\(number)", "idNumber": residentID("320402197101014\(number)")])
                }
                let created = try await send(
                    app, .POST, "/api/v1/households", token: token,
                    json: ["region": street, "address": "测试路\(number)号", "members": members])
                #expect(created.status == .created, "\(created.body.string)")
            }
        }
    }

    /// The counts held against counting the tables.
    static func checkCounts(_ app: Application, _ when: String) async throws {
        for table in CountRegistryByRegion.tables {
            let held = try await app.sql.raw(
                "SELECT region, n FROM region_counts WHERE list = \(bind: table) AND n <> 0 ORDER BY region"
            ).all().map {
                "\(try $0.decode(column: "region", as: String.self))=\(try $0.decode(column: "n", as: Int.self))"
            }
            let counted = try await app.sql.raw(
                "SELECT region, COUNT(*) AS n FROM \(unsafeRaw: table) GROUP BY region ORDER BY region"
            ).all().map {
                "\(try $0.decode(column: "region", as: String.self))=\(try $0.decode(column: "n", as: Int.self))"
            }
            #expect(held == counted, "\(table) \(when)")
        }
    }

    @Test(
        "the counts follow creation, a move of a person and of a household, and deletes",
        arguments: TestDatabase.available)
    func countsFollowWrites(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await Self.fill(app, token: token)
            try await Self.checkCounts(app, "after creation")
            // A person moves into a household of another street.
            let person = try await app.sql.raw("SELECT id FROM persons WHERE name = '配偶02'").first()!.decode(
                column: "id", as: UUID.self)
            let target = try await app.sql.raw("SELECT id FROM households WHERE region = '320412001' LIMIT 1").first()!
                .decode(column: "id", as: UUID.self)
            let moved = try await send(
                app, .POST, "/api/v1/households/\(target)/members", token: token,
                json: ["personId": person.uuidString, "relation": "其他"])
            #expect(moved.status == .ok, "\(moved.body.string)")
            try await Self.checkCounts(app, "after a person's move")
            // A household changes street.
            let household = try await app.sql.raw("SELECT id FROM households WHERE region = '320402002'").first()!
                .decode(column: "id", as: UUID.self)
            let version = try await send(app, .GET, "/api/v1/households/\(household)", token: token).value(
                "version", as: Int.self)
            let changed = try await send(
                app, .PATCH, "/api/v1/households/\(household)", token: token,
                json: ["version": version, "region": "320411003"])
            #expect(changed.status == .ok, "\(changed.body.string)")
            try await Self.checkCounts(app, "after a household's move")
            // Deletes (no page deletes a household; the rows go as a restore or a purge would).
            try await app.sql.raw("DELETE FROM memberships WHERE household_id = \(bind: household)").run()
            try await app.sql.raw("DELETE FROM households WHERE id = \(bind: household)").run()
            try await Self.checkCounts(app, "after a delete")
            let listed = try await CityScaleReadsTests.list(app, "/api/v1/households?perPage=5", token: token)
            #expect(listed.total == 24 && listed.totalExact)
        }
    }

    @Test(
        "every page by its number, in every scope and page size, is the rows of the whole order skipped to it",
        arguments: TestDatabase.available)
    func pagesByNumber(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await Self.fill(app, token: token)
            for (table, order, counts) in [
                ("households", ["region", "address", "id"], "households"),
                ("persons", ["region", "name", "id"], "persons"),
            ] {
                for prefix in ["3204", "320402", "320402001", "320411002", "320411003"] {
                    let scope = RegionScope(RegionCode(prefix)!)
                    let all = try await app.sql.raw(
                        """
                        SELECT id FROM \(unsafeRaw: table) WHERE \(scope.condition("region"))
                        ORDER BY \(unsafeRaw: order.joined(separator: ", "))
                        """
                    ).all().map { try $0.decode(column: "id", as: UUID.self) }
                    for perPage in [1, 4, 10] {
                        let list = SeekList(
                            db: app.sql, from: "\(unsafeRaw: table) t", id: "t.id", region: "t.region", scope: scope,
                            order: order.map { "t.\($0)" }, cursor: (table, Array(order.dropLast())),
                            cap: 3, regionCounts: counts)
                        let pages = max(1, (all.count + perPage - 1) / perPage)
                        for page in 1...(pages + 1) {
                            let read = try await list.read(try PageRequest(page: page, perPage: perPage))
                            let shown = min(page, pages)
                            let expected = Array(all.dropFirst((shown - 1) * perPage).prefix(perPage))
                            #expect(read.ids == expected, "\(table) \(prefix) \(perPage) a page \(page)")
                            #expect(read.page == shown && read.count == ListCount(value: all.count, exact: true))
                        }
                    }
                }
            }
            // A filter is not in the counts: that list counts by walking, held to the cap.
            var filtered = SeekList(
                db: app.sql, from: "households h", id: "h.id", region: "h.region",
                scope: RegionScope(RegionCode("3204")!),
                order: ["h.region", "h.address", "h.id"], cap: 3, regionCounts: "households")
            filtered.filter = "h.address LIKE '测试路%'"
            #expect(
                try await filtered.read(try PageRequest(page: 1, perPage: 2)).count == ListCount(value: 3, exact: false)
            )
        }
    }
}
