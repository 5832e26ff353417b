import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 尊老金, 免申即享: the month's run (stop, change amounts, enroll — in that order, in one
/// audited transaction) and the wrong-payment check. Built by `Application.seniorAllowances(actor:)`
/// or `Request.seniorAllowances`.
struct SeniorAllowanceService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let bulk: BulkJobs
    let clock: PlatformClock

    struct Counts: Content, Equatable {
        var enrolled = 0
        var raised = 0
        var stopped = 0
    }

    /// Brings the allowance enrollments within `scope` in line with `month`: enrolls who reached
    /// a tier, changes amounts that differ from the tier of the month, stops who died or moved
    /// out of the city (`SeniorAllowanceEnrollmentRule`). Running it again changes nothing.
    func run(month: YearMonth, within scope: RegionScope) async throws -> Counts {
        let history = try await PolicyStore(db: db).history()
        // The tiers are dated parameters that a district or street may override: the regions
        // people live in, grouped by the tiers in force for them (one group, normally).
        var groups: [SeniorAllowanceTiers: [String]] = [:]
        for region in try await SeniorAllowanceStore(db: db).personRegions(within: scope) {
            let tiers = SeniorAllowanceTiers(try history.parameters(for: region, month: month))
            groups[tiers, default: []].append(region)
        }
        let tiers = groups.map { (tiers: $0.key, regions: groups.count == 1 ? nil : $0.value) }
        let now = clock.now
        let reason = "尊老金免申即享 \(month)"
        return try await bulk.run(cacheMB: 96) { [writer] bulk in
            try await writer.transaction(on: bulk) { tx, audit in
                let store = SeniorAllowanceStore(db: tx)
                var counts = Counts()
                var stoppedIDs: [String] = []
                // Whoever died or left: their tier does not matter.
                let anyTiers = tiers.first?.tiers ?? SeniorAllowanceTiers([])
                for leaver in try await store.leavers(within: scope) {
                    guard
                        case .stop(let from) = SeniorAllowanceEnrollmentRule.decide(
                            leaver.person, enrollment: .init(amountInForce: nil), month: month, tiers: anyTiers)
                    else { continue }
                    let why = leaver.person.diedOn.map { "死亡（\($0)）" } ?? "户籍迁出常州市"
                    try await EnrollmentStore(db: tx).setStatus(
                        enrollment: leaver.enrollment, status: .ended, from: from, reason: "尊老金停发：\(why)")
                    counts.stopped += 1
                    stoppedIDs.append(leaver.enrollment.uuidString)
                }
                for group in tiers {
                    let changes = try await store.amountChanges(
                        month: month, tiers: group.tiers, within: scope, regions: group.regions)
                    try await store.apply(changes, from: month, reason: reason, at: now)
                    counts.raised += changes.count
                    counts.enrolled += try await store.enroll(
                        month: month, tiers: group.tiers, within: scope, regions: group.regions, reason: reason,
                        at: now)
                }
                // One event for the run (a first run enrolls a whole city); the few stops by id.
                if counts != Counts() {
                    try await audit.record(
                        "seniorAllowance.run", entity: "enrollment", id: nil, region: scope.prefix,
                        after: [
                            "month": month.description, "enrolled": String(counts.enrolled),
                            "raised": String(counts.raised), "stopped": String(counts.stopped),
                            "stoppedEnrollments": stoppedIDs.joined(separator: ","),
                        ])
                }
                return counts
            }
        }
    }

    /// Payments already made that should not have been, with the amount to recover.
    func wrongPayments(month: YearMonth?, within scope: RegionScope) async throws -> [SeniorAllowanceStore.WrongPayment]
    {
        try await SeniorAllowanceStore(db: db).wrongPayments(month: month, within: scope)
    }

    /// The hourly round's step: this month, the whole city (idempotent).
    static func hourly(_ app: Application) async {
        let month = app.platform.clock.today.yearMonth
        do {
            let counts = try await app.seniorAllowances(actor: .system("monitoring-timer")).run(
                month: month, within: SeniorAllowanceStore.city)
            if counts != Counts() {
                app.logger.info(
                    "senior allowance \(month): \(counts.enrolled) enrolled, \(counts.raised) raised, \(counts.stopped) stopped"
                )
            }
        } catch {
            app.logger.report(error: error)
        }
    }
}

extension Application {
    func seniorAllowances(actor: AuditActor) -> SeniorAllowanceService {
        SeniorAllowanceService(db: sql, writer: writer(actor: actor), bulk: bulkJobs, clock: platform.clock)
    }
}

extension Request {
    var seniorAllowances: SeniorAllowanceService {
        SeniorAllowanceService(db: sql, writer: writer, bulk: application.bulkJobs, clock: platform.clock)
    }
}

/// `minzheng elderly allowances [--month YYYY-MM]`.
struct ElderlyCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["allowances": AllowancesCommand()] }
    var help: String { "养老：elderly allowances（尊老金免申即享月度核对）" }

    struct AllowancesCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "month", help: "the month, YYYY-MM (default this month)")
            var month: String?
        }
        var help: String { "尊老金免申即享：按本月年龄纳入、调档，死亡或迁出停发" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let month = try commandMonth(signature.month, today: app.platform.clock.today)
            let counts = try await app.seniorAllowances(actor: .system("cli:elderly")).run(
                month: month, within: SeniorAllowanceStore.city)
            context.console.output("\(jsonLine(counts))")
        }
    }
}
