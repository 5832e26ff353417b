import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng bench elderly-allowances`: on a registry of about `persons` people (seeded with
/// the demo's synthetic households when the database has fewer), times the month's senior
/// allowance run three times: the first run (every senior of the city enrolled), the same run
/// again (nothing to do), and the next month after 1 % of the enrolled died (stops, and the
/// raises of those turning 90 or 100).
struct SeniorAllowanceBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "elderly-allowances"
        let persons: Int
        let seedSeconds: Double
        let month: String
        let firstRunSeconds: Double
        let enrolled: Int
        let secondRunSeconds: Double
        let secondRunChanges: Int
        let nextMonthSeconds: Double
        let nextMonthEnrolled: Int
        let nextMonthRaised: Int
        let nextMonthStopped: Int
        let under5s: Bool
    }

    func run(persons target: Int) async throws -> Figures {
        let sql = app.sql
        let seedStarted = ContinuousClock.now
        var persons = try await count(sql)
        if persons < target {
            // About 2.5 people a household in the synthetic city.
            _ = try await app.demoSeeder.seed(
                households: max(1, (target - persons) * 2 / 5), seed: 7, today: app.platform.clock.today,
                progress: JobProgress(label: "seed"))
            persons = try await count(sql)
        }
        let seed = ContinuousClock.now - seedStarted
        let service = app.seniorAllowances(actor: .system("bench"))
        let month = app.platform.clock.today.yearMonth
        let city = SeniorAllowanceStore.city

        let firstStarted = ContinuousClock.now
        let first = try await service.run(month: month, within: city)
        let firstRun = ContinuousClock.now - firstStarted

        let secondStarted = ContinuousClock.now
        let second = try await service.run(month: month, within: city)
        let secondRun = ContinuousClock.now - secondStarted

        // Every hundredth enrolled person dies on the first of the month (outside the timed part).
        let died = month.firstDay.description
        try await sql.raw(
            """
            UPDATE persons SET deceased_on = \(bind: died) WHERE id IN (
              SELECT person_id FROM enrollments WHERE item_code = \(bind: SeniorAllowanceStore.item)
                ORDER BY id LIMIT \(unsafeRaw: String(max(1, first.enrolled / 100))))
            """
        ).run()
        let nextStarted = ContinuousClock.now
        let next = try await service.run(month: month.adding(months: 1), within: city)
        let nextRun = ContinuousClock.now - nextStarted
        return Figures(
            persons: persons, seedSeconds: seed.roundedSeconds, month: month.description,
            firstRunSeconds: firstRun.roundedSeconds, enrolled: first.enrolled,
            secondRunSeconds: secondRun.roundedSeconds,
            secondRunChanges: second.enrolled + second.raised + second.stopped,
            nextMonthSeconds: nextRun.roundedSeconds, nextMonthEnrolled: next.enrolled, nextMonthRaised: next.raised,
            nextMonthStopped: next.stopped, under5s: firstRun < .seconds(5))
    }

    private func count(_ sql: SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM persons").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
