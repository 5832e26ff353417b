import Foundation
import MinzhengCore
import Vapor

/// The demo city's elderly care, after its households and their caseload: ability
/// assessments of older persons, home-care visits of last month and this one, the year's
/// home adaptations screened and under way, and the month's senior allowances. `serve` on an empty database and the
/// link walk seed the same.
struct DemoElderlyCare {
    struct Summary: Sendable {
        let assessments: Int
        let homeCareOrders: Int
        let adaptations: Int
        let seniorAllowances: Int
    }

    static func seed(_ app: Application, today: CivilDate) async throws -> Summary {
        let writer = app.writer(actor: .system("demo"))
        let assessments = try await app.demoAbilityAssessments.seed(today: today)
        let orders = try await DemoHomeCare(db: app.sql, writer: writer).seed(
            today: today, regions: app.platform.regions, now: app.platform.clock.now)
        let adaptations = try await DemoAdaptations(
            service: AdaptationService(
                db: app.sql, writer: writer, clock: app.platform.clock,
                folder: UploadFolder.adaptations.path(app.platform.config), cipher: app.platform.cipher)
        ).seed(today: today)
        // The month's senior allowances, as the hourly round would enroll them.
        let allowances = try await app.seniorAllowances(actor: .system("demo")).run(
            month: today.yearMonth, within: SeniorAllowanceStore.city)
        return Summary(
            assessments: assessments, homeCareOrders: orders, adaptations: adaptations,
            seniorAllowances: allowances.enrolled)
    }
}
