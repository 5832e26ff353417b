@testable import App
import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `minzheng seed` cut off by a crash keeps its committed batches; running it again must
/// complete it to what an uninterrupted run writes (found by scripts/crash-test.sh: the rerun
/// failed on the first batch's ID numbers, already registered, so a killed seed could never
/// be completed).
@Suite("Seeding resumes after a crash")
struct SeedResumeTests {
    static let today = CivilDate("2026-11-15")!

    /// The seeder in batches of two households, so that a few households make several batches.
    static func seeder(_ app: Application) -> DemoSeeder {
        var seeder = app.demoSeeder
        seeder.batchHouseholds = 2
        return seeder
    }

    /// What the registry holds, without ids, keys or timestamps.
    static func registry(_ app: Application) async throws -> [String] {
        let persons = try await app.sql.raw(
            """
            SELECT p.name, p.birth_date, p.id_masked, p.region, m.relation, h.address FROM persons p
            JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL JOIN households h ON h.id = m.household_id
            """
        ).all().map { r in
            try ["name", "birth_date", "id_masked", "region", "relation", "address"].map {
                try r.decode(column: $0, as: String.self)
            }.joined(separator: "|")
        }
        let means = try await app.sql.raw("SELECT COUNT(*) AS n FROM household_means").first()!.decode(
            column: "n", as: Int.self)
        return persons.sorted() + ["means: \(means)"]
    }

    @Test("a seed cut off after its first batch is completed by running it again", arguments: TestDatabase.available)
    func resumes(_ db: TestDatabase) async throws {
        var uninterrupted: [String] = []
        try await withTestApp(db) { app in
            let summary = try await Self.seeder(app).seed(households: 6, seed: 11, today: Self.today)
            #expect(summary.households == 6)
            uninterrupted = try await Self.registry(app)
        }
        try await withTestApp(db) { app in
            // What a run of 6 killed after its first batch leaves: that batch, with its audit event.
            _ = try await Self.seeder(app).seed(households: 2, seed: 11, today: Self.today)
            let rerun = try await Self.seeder(app).seed(households: 6, seed: 11, today: Self.today)
            #expect(rerun.alreadySeeded == 2)
            #expect(rerun.households == 4)
            #expect(try await Self.registry(app) == uninterrupted)
            // Once complete, running it again changes nothing; another seed still adds its own.
            let again = try await Self.seeder(app).seed(households: 6, seed: 11, today: Self.today)
            #expect(again.households == 0 && again.persons == 0 && again.alreadySeeded == 6)
            #expect(try await Self.registry(app) == uninterrupted)
            let other = try await Self.seeder(app).seed(households: 3, seed: 12, today: Self.today)
            #expect(other.households == 3 && other.alreadySeeded == 0)
            guard case .intact = try await AuditStore(db: app.sql).verify() else {
                Issue.record("the audit chain is broken")
                return
            }
        }
    }
}
