@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("What-if of a standard change over the registry")
struct SimulationTests {
    static let month = YearMonth("2026-12")!

    static func seeded(_ app: Application, households: Int = 400) async throws -> DemoSeeder.Summary {
        try await app.demoSeeder.seed(households: households, seed: 7, today: CivilDate("2026-11-15")!)
    }

    static func counts(_ app: Application) async throws -> [Int] {
        let sql = app.sql
        var counts: [Int] = []
        for table in ["households", "persons", "household_means", "policy_parameters", "audit_events"] {
            counts.append(
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(
                    column: "n", as: Int.self) ?? -1)
        }
        return counts
    }

    @Test(
        "the current standard changes nothing; a higher one adds money, districts sum to the whole, nothing is written",
        arguments: TestDatabase.available)
    func simulates(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let summary = try await Self.seeded(app)
            #expect(summary.householdsWithMeans > 0)
            #expect(summary.householdsWithMeans < summary.households)
            let before = try await Self.counts(app)
            let runner = SimulationRunner(db: app.sql, cipher: app.platform.cipher)
            let city = RegionScope(RegionTable.changzhou)

            let same = try await runner.run(try StandardChange(newStandard: 100000, from: Self.month), within: city)
            #expect(same.overall.householdsAssessed == summary.householdsWithMeans)
            #expect(same.overall.difference == .zero)
            #expect(
                same.overall.householdsEntering + same.overall.householdsLeaving + same.overall.householdsChanging == 0)

            let higher = try await runner.run(try StandardChange(newStandard: 120000, from: Self.month), within: city)
            #expect(higher.overall.difference > .zero)
            #expect(higher.overall.householdsLeaving == 0)
            #expect(higher.overall.householdsChanging > 0)
            #expect(higher.districts.reduce(Fen.zero) { $0 + $1.totals.difference } == higher.overall.difference)
            #expect(
                higher.districts.reduce(0) { $0 + $1.totals.householdsAssessed } == higher.overall.householdsAssessed)
            #expect(higher.districts.allSatisfy { $0.district.hasPrefix("3204") && $0.district.count == 6 })

            let lower = try await runner.run(try StandardChange(newStandard: 80000, from: Self.month), within: city)
            #expect(lower.overall.difference < .zero)
            #expect(lower.overall.householdsLeaving + lower.overall.householdsChanging > 0)
            #expect(lower.overall.householdsEntering == 0)

            // A district officer's run covers its own district only.
            let district = try #require(higher.districts.first)
            let scoped = try await runner.run(
                try StandardChange(newStandard: 120000, from: Self.month),
                within: RegionScope(RegionCode(district.district)!))
            #expect(scoped.districts.map(\.district) == [district.district])
            #expect(scoped.overall == district.totals)

            #expect(try await Self.counts(app) == before)
        }
    }

    @Test("declared means are stored encrypted")
    func meansEncrypted() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await Self.seeded(app, households: 50)
            let stored = try await app.sql.select().column("means_cipher").from("household_means").all()
                .map { try $0.decode(column: "means_cipher", as: String.self) }
            #expect(!stored.isEmpty)
            #expect(stored.allSatisfy { !$0.contains("personId") && !$0.contains("monthlyFen") })
        }
    }

    @Test("the page: a city administrator sees districts and a total; a street officer is refused")
    func page() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await Self.seeded(app, households: 200)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let res = try await send(
                app, .GET, "/policy-simulation?standard=1200&from=2026-12",
                headers: ["Cookie": "minzheng_session=\(admin)"])
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.contains("测算结果：2026-12 起标准调整为 ¥1,200.00"))
            #expect(html.contains("合计"))
            #expect(html.contains("天宁区") || html.contains("新北区") || html.contains("武进区"))
            let bad = try await send(
                app, .GET, "/policy-simulation?standard=abc&from=2026-12",
                headers: ["Cookie": "minzheng_session=\(admin)"])
            #expect(bad.body.string.contains("新的低保标准应为大于 0 的金额"))
            let street = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let refused = try await send(
                app, .GET, "/policy-simulation?standard=1200&from=2026-12",
                headers: ["Cookie": "minzheng_session=\(street)"])
            #expect(refused.status == .forbidden)
        }
    }
}
