import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// While `serve` runs, the monitoring routines run by themselves, shortly after start and
/// then every hour: this month's visits to special groups are created, overdue visit
/// tasks escalate to their street, and the alone-and-unvisited watch raises its alerts.
/// Each step is idempotent (a person gets one scheduled task a month, one open alert per
/// rule, an escalated task stays escalated), so restarts and reruns add nothing. The round
/// also opens the booking slots of the day that booking newly reaches.
/// `minzheng monitoring schedule|watch` run the same steps by hand.
/// With several servers on one database, each server's timer fires and the one holding the
/// lease (`TimerLeaseStore`) runs the round: the round runs once an hour, not once per server.
final class MonitoringTimer: LifecycleHandler, Sendable {
    private let interval: TimeAmount
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(interval: TimeAmount = .hours(1)) {
        self.interval = interval
    }

    func didBoot(_ app: Application) throws {
        let loop = app.eventLoopGroup.next()
        let interval = self.interval
        let repeated = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: interval) { _ in
            loop.makeFutureWithTask { _ = await Self.runIfLeased(app, interval: interval) }
        }
        task.withLockedValue { $0 = repeated }
    }

    func shutdown(_ app: Application) {
        task.withLockedValue { $0?.cancel() }
    }

    static let lease = "hourly-round"

    /// The round, if this server takes the lease for most of `interval` (so that a server
    /// firing later in the hour skips it); true when it ran.
    static func runIfLeased(_ app: Application, interval: TimeAmount) async -> Bool {
        let now = app.platform.clock.now
        let until = now.addingTimeInterval(TimeInterval(interval.nanoseconds) / 1e9 * 0.9)
        do {
            let store = TimerLeaseStore(db: app.sql, turn: app.writeTurn)
            guard try await store.take(Self.lease, holder: app.serverInstance, until: until, at: now) else {
                return false
            }
        } catch {
            app.logger.report(error: error)
            return false
        }
        await runOnce(app)
        return true
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
        await DisabilitySubsidyRun.hourly(app)
        await FamilySearchService.nightly(app)
        await ChildRound.hourly(app)
        await OrganisationCreditRun.hourly(app)
        await StatisticsFreeze.hourly(app)
        do {
            // Booking reaches one more day each day: its slots are opened ahead of it; popular
            // dates are drawn at their opening, and unconfirmed bookings and divorce
            // applications past their windows lapse.
            try await app.bookingRules.reload(from: app.sql)
            let bookings = app.bookingService(actor: actor)
            _ = try await bookings.openSlots()
            _ = try await bookings.drawDue()
            _ = try await bookings.lapseUnconfirmed()
            _ = try await app.marriageService(actor: actor).lapseDivorces()
        } catch {
            app.logger.report(error: error)
        }
        do {
            let shared = try await SharedStateRound.run(db: app.db, turn: app.writeTurn, now: app.platform.clock.now)
            if shared.interruptedJobs > 0 {
                app.logger.warning(
                    "\(shared.interruptedJobs) background jobs cut off by a stopped server, marked failed")
            }
        } catch {
            app.logger.report(error: error)
        }
    }
}
