import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng bench payroll`: on a seeded registry, creates enrollments over the households
/// whose means are on file (a dibao per household, then person programs per member until
/// the count is reached), then times generating a roll and the standard-change
/// recalculation report. `Benchmarks/payroll.sh` adds sqlite3's own `INSERT … SELECT`.
struct PayrollBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "payroll"
        let enrollments: Int
        let setupSeconds: Double
        let generateSeconds: Double
        let rollLines: Int
        let recalculateSeconds: Double
        let recalculateAssessed: Int
        let recalculateChanged: Int
        let month: String
    }

    func run(enrollments target: Int) async throws -> Figures {
        let sql = app.sql
        let month = app.platform.clock.today.yearMonth
        let setupStarted = ContinuousClock.now
        let created = try await createEnrollments(target, start: month.adding(months: -1))
        let setup = ContinuousClock.now - setupStarted

        let generateStarted = ContinuousClock.now
        let roll = try await app.payroll(actor: .system("bench")).generate(
            month: month, region: RegionTable.changzhou, replace: true)
        let generate = ContinuousClock.now - generateStarted

        // A 10 % higher standard from next month, as the report before applying it.
        let from = month.adding(months: 1)
        let standard = try await PolicyStore(db: sql).history().parameters(
            for: RegionTable.changzhou.value, month: from
        ).dibaoStandard
        _ = try await PolicyStore(db: sql).addVersion(
            PolicyParameterRow(
                regionCode: RegionTable.changzhou.value, key: .dibaoStandard, fromMonth: from,
                value: standard.value * 11 / 10), note: "bench", createdBy: "bench",
            at: app.platform.clock.now)
        let recalcStarted = ContinuousClock.now
        let report = try await RecalculationRunner(db: sql, cipher: app.platform.cipher, clock: app.platform.clock)
            .run(
                from: from, within: RegionScope(RegionTable.changzhou), applyingAs: nil,
                progress: JobProgress(label: "recalculate"))
        let recalc = ContinuousClock.now - recalcStarted
        return Figures(
            enrollments: created, setupSeconds: setup.roundedSeconds, generateSeconds: generate.roundedSeconds,
            rollLines: roll.lineCount,
            recalculateSeconds: recalc.roundedSeconds, recalculateAssessed: report.assessed,
            recalculateChanged: report.changed,
            month: month.description)
    }

    /// Bulk inserts (outside the timed part) through the same writers as the seeder.
    func createEnrollments(_ target: Int, start: YearMonth) async throws -> Int {
        let sql = app.sql
        let personPrograms = ["seniorAllowance", "livingSubsidy", "nursingSubsidy", "childInDistress", "orphan"]
        let rows = try await sql.raw(
            """
            SELECT h.id AS household, h.region, m.person_id FROM household_means hm JOIN households h ON h.id = hm.household_id
            JOIN memberships m ON m.household_id = h.id AND m.left_at IS NULL ORDER BY h.id
            """
        ).all()
        struct Member { let household: UUID; let region: String; let person: UUID }
        let members = try rows.map {
            Member(
                household: try $0.decode(column: "household", as: UUID.self),
                region: try $0.decode(column: "region", as: String.self),
                person: try $0.decode(column: "person_id", as: UUID.self))
        }
        guard !members.isEmpty else { throw Refusal.invalid("households", "没有申报了经济状况的家庭：先运行 minzheng seed") }
        var plan: [(household: UUID, person: UUID?, region: String, item: String)] = []
        var seen = Set<UUID>()
        for m in members where seen.insert(m.household).inserted { plan.append((m.household, nil, m.region, "dibao")) }
        var round = 0
        while plan.count < target, round < personPrograms.count {
            for m in members where plan.count < target {
                plan.append((m.household, m.person, m.region, personPrograms[round]))
            }
            round += 1
        }
        plan = Array(plan.prefix(target))
        try await insert(plan, start: start)
        return plan.count
    }

    /// Active enrollments from `start` with their amounts, 20 000 a transaction (a benchmark's
    /// untimed setup; the disability-subsidy benchmark uses it for its dibao households).
    func insert(
        _ plan: [(household: UUID, person: UUID?, region: String, item: String)], start: YearMonth
    )
        async throws
    {
        var enrollments = BulkInsert(
            table: "enrollments",
            columns: [
                "id", "item_code", "household_id", "person_id", "region", "monthly_fen",
                "start_month", "status", "version", "created_at",
            ])
        var amounts = BulkInsert(
            table: "enrollment_amounts",
            columns: ["id", "enrollment_id", "from_month", "monthly_fen", "reason", "created_at"])
        let now = app.platform.clock.now
        for (i, p) in plan.enumerated() {
            let id = UUID.random()
            let fen = Int64(5000 + (i % 200) * 500)
            enrollments.append([
                BulkValue(id), BulkValue(p.item), BulkValue(p.household), p.person.map(BulkValue.init) ?? .null,
                BulkValue(p.region),
                BulkValue(fen), BulkValue(start.description), BulkValue("active"), BulkValue(1), BulkValue(now),
            ])
            amounts.append([
                BulkValue(UUID.random()), BulkValue(id), BulkValue(start.description), BulkValue(fen),
                BulkValue("bench"), BulkValue(now),
            ])
            if enrollments.pendingCount >= 20_000 {
                try await flush(&enrollments, &amounts)
            }
        }
        try await flush(&enrollments, &amounts)
    }

    private func flush(_ enrollments: inout BulkInsert, _ amounts: inout BulkInsert) async throws {
        let (e, a) = (enrollments, amounts)
        try await app.db.transaction { tx in
            var (e, a) = (e, a)
            try await e.flush(on: tx.sql)
            try await a.flush(on: tx.sql)
        }
        enrollments.clear()
        amounts.clear()
    }
}
