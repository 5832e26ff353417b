import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// While `serve` runs, the monitoring routines run by themselves, shortly after start and
/// then every hour: this month's visits to special groups are created, overdue visit
/// tasks escalate to their street, and the alone-and-unvisited watch raises its alerts.
/// Each step is idempotent (a person gets one scheduled task a month, one open alert per
/// rule, an escalated task stays escalated), so restarts and reruns add nothing.
/// `minzheng monitoring schedule|watch` run the same steps by hand.
final class MonitoringTimer: LifecycleHandler, Sendable {
    private let interval: TimeAmount
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(interval: TimeAmount = .hours(1)) {
        self.interval = interval
    }

    func didBoot(_ app: Application) throws {
        let loop = app.eventLoopGroup.next()
        let repeated = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: interval) { _ in
            loop.makeFutureWithTask { await Self.runOnce(app) }
        }
        task.withLockedValue { $0 = repeated }
    }

    func shutdown(_ app: Application) {
        task.withLockedValue { $0?.cancel() }
    }

    /// One round; a failing step is logged and the next round tries again.
    static func runOnce(_ app: Application) async {
        let actor = AuditActor.system("monitoring-timer")
        let today = app.platform.clock.today
        do {
            let writer = app.writer(actor: actor)
            let scheduled = try await VisitSchedule.schedule(month: today.yearMonth, writer: writer)
            let escalated = try await VisitTasks.escalateOverdue(today: today, writer: writer)
            let alerts = try await VisitSchedule.watch(today: today, writer: writer)
            _ = try await FacilityRound.run(db: app.sql, today: today, now: app.platform.clock.now, writer: writer)
            if scheduled + escalated + alerts > 0 {
                app.logger.info(
                    "monitoring: \(scheduled) scheduled visits, \(escalated) overdue tasks escalated, \(alerts) alone-and-unvisited alerts"
                )
            }
        } catch {
            app.logger.report(error: error)
        }
        await SeniorAllowanceService.hourly(app)
    }
}
