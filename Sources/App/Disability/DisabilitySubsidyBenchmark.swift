import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng bench disability-subsidies`: on a registry of about `persons` people (seeded with
/// the demo's synthetic households when smaller), the federation's `certificates` (grades 1–4 in
/// turn, a twentieth issued for a term that runs out next month) and a dibao enrollment for the
/// households of four in seven holders; then times the month's identification three times: the
/// first run (every eligible holder proposed, one audit event each), the same run again
/// (nothing to do), and the next month after every proposal was confirmed (the yearly re-check
/// of that month's anniversaries and the expired certificates stopping).
struct DisabilitySubsidyBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "disability-subsidies"
        let persons: Int
        let certificates: Int
        let dibaoHouseholds: Int
        let setupSeconds: Double
        let month: String
        let firstRunSeconds: Double
        let proposed: Int
        let secondRunSeconds: Double
        let secondRunChanges: Int
        let recheckMonth: String
        let recheckSeconds: Double
        let recheckStopped: Int
        let under10s: Bool
    }

    func run(persons target: Int, certificates wanted: Int) async throws -> Figures {
        let sql = app.sql
        let today = app.platform.clock.today
        let month = today.yearMonth
        let setupStarted = ContinuousClock.now
        var persons = try await count("persons")
        if persons < target {
            // About 2.5 people a household in the synthetic city.
            _ = try await app.demoSeeder.seed(
                households: max(1, (target - persons) * 2 / 5), seed: 7, today: today,
                progress: JobProgress(label: "seed"))
            persons = try await count("persons")
        }
        let holders = try await sql.raw(
            """
            SELECT id, household_id, region FROM persons WHERE household_id IS NOT NULL AND deceased_on IS NULL
            ORDER BY id LIMIT \(unsafeRaw: String(max(0, wanted)))
            """
        ).all()
        var certificates: [(person: UUID, certificate: DisabilityCertificate, source: String)] = []
        var dibao: [(household: UUID, person: UUID?, region: String, item: String)] = []
        var households = Set<UUID>()
        let kinds = DisabilityKind.allCases
        for (i, r) in holders.enumerated() {
            let person = try r.decode(column: "id", as: UUID.self)
            let household = try r.decode(column: "household_id", as: UUID.self)
            let certified = today.adding(days: -(30 + i % 1800))
            let certificate = DisabilityCertificate(
                grade: DisabilityGrade(i % 4 + 1)!, kind: kinds[i % kinds.count], certifiedDate: certified,
                validUntil: i % 20 == 0 ? month.adding(months: 1).firstDay.adding(days: 9) : nil)
            certificates.append((person, certificate, "BENCH-CJR-\(i)"))
            if i % 7 < 4, households.insert(household).inserted {
                dibao.append((household, nil, try r.decode(column: "region", as: String.self), "dibao"))
            }
        }
        let bulk = PayrollBenchmark(app: app)
        try await bulk.insert(dibao, start: month.adding(months: -1))
        try await DisabilitySubsidyStore(db: sql).recordCertificates(certificates, at: app.platform.clock.now)
        let setup = ContinuousClock.now - setupStarted

        let service = app.disabilitySubsidies(actor: .system("bench"))
        let city = DisabilitySubsidyStore.city
        let firstStarted = ContinuousClock.now
        let first = try await service.run(month: month, within: city)
        let firstRun = ContinuousClock.now - firstStarted

        let secondStarted = ContinuousClock.now
        let second = try await service.run(month: month, within: city)
        let secondRun = ContinuousClock.now - secondStarted

        // Every proposal confirmed (outside the timed part): enrolled from the next month.
        let next = month.adding(months: 1)
        let proposals = try await sql.raw(
            "SELECT household_id, person_id, region, program FROM disability_subsidy_proposals WHERE status = 'open'"
        ).all()
        try await bulk.insert(
            try proposals.map {
                (
                    try $0.decode(column: "household_id", as: UUID.self),
                    try $0.decode(column: "person_id", as: UUID.self),
                    try $0.decode(column: "region", as: String.self), try $0.decode(column: "program", as: String.self)
                )
            }, start: next)
        try await sql.raw("UPDATE disability_subsidy_proposals SET status = 'confirmed' WHERE status = 'open'").run()

        let recheckStarted = ContinuousClock.now
        let recheck = try await service.run(month: next, within: city)
        let recheckRun = ContinuousClock.now - recheckStarted
        return Figures(
            persons: persons, certificates: certificates.count, dibaoHouseholds: dibao.count,
            setupSeconds: setup.roundedSeconds, month: month.description, firstRunSeconds: firstRun.roundedSeconds,
            proposed: first.proposed, secondRunSeconds: secondRun.roundedSeconds,
            secondRunChanges: second.proposed + second.stopped, recheckMonth: next.description,
            recheckSeconds: recheckRun.roundedSeconds, recheckStopped: recheck.stopped,
            under10s: firstRun < .seconds(10) && recheckRun < .seconds(10))
    }

    private func count(_ table: String) async throws -> Int {
        try await app.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(
            column: "n", as: Int.self)
            ?? 0
    }
}
