import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// Many organisations and their reports at once (the demo, the benchmark): multi-row INSERTs
/// of 400 rows, the registration's history row with each organisation.
extension OrganisationStore {
    struct BulkOrganisation: Sendable {
        let id: UUID
        let draft: OrganisationDraft
        let representative: SealedRepresentative
        let unreachableSince: CivilDate?
        let reports: [Int: ReportActivity]
    }

    func insertBulk(_ organisations: [BulkOrganisation], reviewedBefore lastYear: Int, at now: Date) async throws {
        for chunk in organisations.chunked(400) {
            var rows: [SQLQueryString] = []
            var history: [SQLQueryString] = []
            for o in chunk {
                let d = o.draft
                rows.append(
                    """
                    (\(bind: o.id), \(bind: d.creditCode.value), \(bind: d.name), \(bind: d.kind.rawValue),
                      \(bind: d.region.value), \(bind: d.domicile), \(bind: d.businessScope), \(bind: d.supervisingUnit),
                      \(bind: d.registeredCapital.value), \(bind: d.registeredOn.description),
                      \(bind: o.representative.name), \(bind: o.representative.cipher), \(bind: o.representative.index),
                      \(bind: o.representative.masked), 'normal', \(bind: d.registeredOn.description), \(bind: false),
                      \(bind: o.unreachableSince?.description), 1, \(bind: now), \(bind: now))
                    """)
                history.append(
                    """
                    (\(bind: UUID()), \(bind: o.id), 'normal', \(bind: d.registeredOn.description),
                      \(bind: "成立登记（\(d.kind.chinese)）"), '演示数据', \(bind: now))
                    """)
            }
            try await db.raw(
                """
                INSERT INTO organisations (id, credit_code, name, kind, region, domicile, business_scope, supervising_unit,
                  registered_capital_fen, registered_on, rep_name, rep_id_cipher, rep_id_index, rep_id_masked, status,
                  status_since, listed_for_missed_report, unreachable_since, version, created_at, updated_at)
                VALUES \(rows.joined(separator: ", "))
                """
            ).run()
            try await db.raw(
                """
                INSERT INTO organisation_status_history (id, organisation_id, status, since, reason, recorded_by, created_at)
                VALUES \(history.joined(separator: ", "))
                """
            ).run()
        }
        let reports = organisations.flatMap { o in o.reports.map { (o.id, $0.key, $0.value) } }
        for chunk in reports.chunked(400) {
            let rows: [SQLQueryString] = chunk.map { row -> SQLQueryString in
                let (id, year, a) = row
                let outcome: String? = year < lastYear ? (a.isEmpty ? "basicallyQualified" : "qualified") : nil
                let reviewer: String? = outcome == nil ? nil : "登记管理机关"
                return """
                    (\(bind: UUID()), \(bind: id), \(bind: year), \(bind: a.activities), \(bind: a.incomeFen),
                      \(bind: a.expenditureFen), \(bind: max(0, a.incomeFen - a.expenditureFen)),
                      \(bind: a.isEmpty ? "本年度未开展活动" : "按章程开展活动 \(a.activities) 次"), \(bind: "\(year + 1)-04-15"),
                      \(bind: false), '组织秘书', \(bind: outcome), \(bind: reviewer), 1, \(bind: now))
                    """
            }
            try await db.raw(
                """
                INSERT INTO organisation_reports (id, organisation_id, year, activities, income_fen, expenditure_fen,
                  net_assets_fen, summary, submitted_on, late, submitted_by, outcome, reviewed_by, version, created_at)
                VALUES \(rows.joined(separator: ", "))
                """
            ).run()
        }
    }

    /// The demo's (or the benchmark's) organisations as the registry stores them: each through
    /// the same validation as a clerk's entry, the representative's ID sealed.
    static func bulk(
        _ synthetic: [SyntheticOrganisation], cipher: FieldCipher, today: CivilDate
    ) throws
        -> [BulkOrganisation]
    {
        try synthetic.map { s in
            let d = try RegistryInput.check { () throws(FieldProblem) in
                try OrganisationDraft.validated(s.input, today: today)
            }
            guard case .outsider(let name, let id) = d.representative else {
                throw Refusal.invalid("legalRepresentativeIdNumber", "演示数据的法定代表人应为姓名与身份证号")
            }
            return BulkOrganisation(
                id: UUID(), draft: d,
                representative: SealedRepresentative(
                    personID: nil, name: name, cipher: cipher.encrypt(id.value), index: cipher.blindIndex(id.value),
                    masked: id.masked), unreachableSince: s.unreachableSince, reports: s.reports)
        }
    }
}

/// The demo's social organisations (about 3 000 over the city, 12 years of annual reports), then
/// the credit run of each June since three years ago and of this month, so that the abnormal and
/// serious-violation lists, the proposals to revoke and the sweep all show on a fresh `serve`.
enum DemoOrganisations {
    static let count = 3_000

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM organisations").first()?.decode(column: "n", as: Int.self)
            ?? 0
        guard existing == 0 else { return }
        let outcome = try await seed(app, count: count)
        app.logger.info(
            "Demo organisations: \(count) registered, \(outcome.listedAbnormal) abnormal, \(outcome.listedSerious) serious, \(outcome.revocationProposed) revocations proposed"
        )
    }

    /// The rows in one audited transaction (`organisation.seed`).
    static func insert(
        _ app: Application, _ rows: [OrganisationStore.BulkOrganisation], reviewedBefore lastDue: Int, actor: String
    ) async throws {
        let now = app.platform.clock.now
        try await app.writer(actor: .system(actor)).transaction { tx, audit in
            try await OrganisationStore(db: tx).insertBulk(rows, reviewedBefore: lastDue, at: now)
            try await audit.record(
                "organisation.seed", entity: "organisation", id: nil, region: RegionTable.changzhou.value,
                after: ["organisations": "\(rows.count)", "reports": "\(rows.reduce(0) { $0 + $1.reports.count })"])
        }
    }

    /// Inserts `count` organisations and runs the credit rules; the runs' changes added up.
    @discardableResult
    static func seed(_ app: Application, count: Int) async throws -> OrganisationCreditRun.Outcome {
        let today = app.platform.clock.today
        let synthetic = SyntheticOrganisations.generate(seed: 1, count: count, years: 12, today: today)
        let rows = try OrganisationStore.bulk(synthetic, cipher: app.platform.cipher, today: today)
        let p = try await PolicyStore(db: app.sql).parameters(for: RegionTable.changzhou.value, month: today.yearMonth)
            .organisations
        let lastDue =
            OrganisationCredit.dueYears(registeredOn: CivilDate(year: 1900, month: 1, day: 1)!, on: today, p)
            .last ?? today.year - 1
        try await insert(app, rows, reviewedBefore: lastDue, actor: "demo")
        var total = OrganisationCreditRun.Outcome()
        var months = (1...3).reversed().compactMap {
            YearMonth(year: today.year - $0, month: p.reportDeadlineMonth + 1)
        }
        months.append(today.yearMonth)
        let run = app.organisationCredit(actor: .system("demo"))
        for month in months where month <= today.yearMonth {
            let r = try await run.run(month: month, within: OrganisationStore.city)
            total.listedAbnormal += r.listedAbnormal
            total.listedSerious += r.listedSerious
            total.revocationProposed += r.revocationProposed
            total.removedAbnormal += r.removedAbnormal
            total.reminded += r.reminded
        }
        total.month = today.yearMonth.description
        return total
    }
}

/// `minzheng bench organisation-sweep`: the dormant sweep over the whole city, timed. Brings the
/// registry to `organisations` organisations with `years` years of reports (added with the
/// benchmark's own seed when there are fewer), then sweeps three times; the median is the figure.
struct OrganisationSweepBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "organisation-sweep"
        let organisations: Int
        let reports: Int
        let candidates: Int
        let byEvidence: [String: Int]
        let seedSeconds: Double
        let sweepSeconds: [Double]
        let medianSeconds: Double
        let targetUnder5s: Bool
    }

    func run(organisations: Int, years: Int) async throws -> Figures {
        let sql = app.sql
        let today = app.platform.clock.today
        let count = { (table: String) async throws -> Int in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
                ?? 0
        }
        let existing = try await count("organisations")
        let started = ContinuousClock.now
        if existing < organisations {
            let p = try await PolicyStore(db: sql).parameters(for: RegionTable.changzhou.value, month: today.yearMonth)
                .organisations
            let lastDue =
                OrganisationCredit.dueYears(registeredOn: CivilDate(year: 1900, month: 1, day: 1)!, on: today, p)
                .last ?? today.year - 1
            // In slices of 10 000, so memory stays flat at 100 000 organisations.
            var made = 0
            let missing = organisations - existing
            while made < missing {
                let n = min(10_000, missing - made)
                let synthetic = SyntheticOrganisations.generate(
                    seed: 7 + UInt64(made / 10_000), count: n, years: years, today: today, fullHistory: true,
                    firstNumber: existing + made)
                let rows = try OrganisationStore.bulk(synthetic, cipher: app.platform.cipher, today: today)
                try await DemoOrganisations.insert(app, rows, reviewedBefore: lastDue, actor: "bench")
                made += n
            }
        }
        let seedSeconds = (ContinuousClock.now - started).inSeconds
        let p = try await PolicyStore(db: sql).parameters(for: RegionTable.changzhou.value, month: today.yearMonth)
            .organisations
        var timings: [Double] = []
        var found: [OrganisationStore.DormantCandidate] = []
        for _ in 0..<3 {
            let t = ContinuousClock.now
            found = try await OrganisationStore(db: sql).dormant(within: OrganisationStore.city, on: today, p)
            timings.append(((ContinuousClock.now - t).inSeconds * 1000).rounded() / 1000)
        }
        var byEvidence: [String: Int] = [:]
        for c in found { for e in c.evidence { byEvidence[e.kind.rawValue, default: 0] += 1 } }
        let median = timings.sorted()[timings.count / 2]
        return Figures(
            organisations: try await count("organisations"), reports: try await count("organisation_reports"),
            candidates: found.count, byEvidence: byEvidence, seedSeconds: (seedSeconds * 100).rounded() / 100,
            sweepSeconds: timings, medianSeconds: median, targetUnder5s: median < 5)
    }
}
