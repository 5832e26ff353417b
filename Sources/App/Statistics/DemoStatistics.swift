import Foundation
import MinzhengCore
import Vapor

/// The demo's statistics: the finished months of the last year that have payroll rolls are
/// frozen as the month-end round would have done, so a fresh `serve` shows frozen months (with
/// their data version) beside months computed from the records.
enum DemoStatistics {
    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM statistics_snapshots").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let frozen = try await seed(app)
        app.logger.info("Demo statistics: \(frozen.count) months frozen")
    }

    /// Freezes the finished months of the last twelve that have a payroll roll; the months frozen.
    static func seed(_ app: Application) async throws -> [String] {
        let now = app.platform.clock.today.yearMonth
        let months = (1...12).map { now.adding(months: -$0) }.reversed()
        let paid = Set(
            try await app.sql.raw("SELECT DISTINCT month FROM payroll_rolls").all().map {
                try $0.decode(column: "month", as: String.self)
            })
        let freeze = StatisticsFreeze(writer: app.writer(actor: .system("demo")), clock: app.platform.clock)
        var frozen: [String] = []
        for month in months where paid.contains(month.description) {
            if try await freeze.freeze(month).frozen { frozen.append(month.description) }
        }
        return frozen
    }
}
