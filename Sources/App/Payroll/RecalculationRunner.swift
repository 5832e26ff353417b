import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 调标: reassesses every active enrollment that the policy engine decides, under the
/// parameters in force from a month, streaming households page by page. It first only
/// reports (old and new amounts, the cost difference); with `apply` it writes the new
/// amounts from that month — keeping the old ones as history — and starts gradual exits.
struct RecalculationRunner {
    let db: SQLDatabase
    let cipher: FieldCipher
    let clock: PlatformClock
    let pageSize = 5_000

    struct Change: Content, Sendable {
        let enrollmentId: UUID
        let itemCode: String
        let region: String
        let oldFen: Int64
        let newFen: Int64?
        let outcome: String
        let lastMonth: String?
    }

    struct Report: Content, Sendable {
        let from: String
        var assessed = 0
        var skipped = 0
        var changed = 0
        var costDifferenceFen: Int64 = 0
        var applied = false
        /// The first changes, for a page; the command prints them all with `--list`.
        var sample: [Change] = []
    }

    private struct Enrollment {
        let id: UUID
        let item: String
        let program: PolicyProgram
        let household: UUID
        let person: UUID?
        let region: String
        let amount: Int64
        let application: UUID?
    }

    func run(
        from month: YearMonth, within scope: RegionScope, applyingAs writer: AuditedWriter?,
        progress: JobProgress? = nil, onChange: ((Change) -> Void)? = nil
    ) async throws -> Report {
        try await reassess(
            from: month, within: scope, households: nil, applied: writer != nil, progress: progress,
            onChange: onChange
        ) { changes in
            guard let writer else { return }
            let now = clock.now
            try await writer.transaction { tx, audit in
                try await Self.apply(changes, from: month, reason: "调标 \(month)", on: tx, audit: audit, at: now)
            }
        }
    }

    /// The enrollments of these households reassessed from `month` and the changes written
    /// inside the caller's transaction (`db` is its connection): what a registry fact the
    /// rules read — a member's self-care set by an ability assessment — changes at once.
    @discardableResult
    func follow(
        households: [UUID], from month: YearMonth, reason: String, audit: AuditRecorder
    ) async throws
        -> Report
    {
        let now = clock.now
        return try await reassess(
            from: month, within: RegionScope(RegionTable.changzhou), households: households, applied: true,
            progress: nil, onChange: nil
        ) { changes in
            try await Self.apply(changes, from: month, reason: reason, on: db, audit: audit, at: now)
        }
    }

    private func reassess(
        from month: YearMonth, within scope: RegionScope, households only: [UUID]?, applied: Bool,
        progress: JobProgress?, onChange: ((Change) -> Void)?, apply: ([Change]) async throws -> Void
    ) async throws -> Report {
        let history = try await PolicyStore(db: db).history()
        let programs: [String: PolicyProgram] = Dictionary(
            uniqueKeysWithValues: PolicyProgram.allCases.map { ($0.rawValue, $0) })
        var report = Report(from: month.description, applied: applied)
        var cursor: (UUID, UUID)?
        let total =
            progress == nil
            ? 0 : try await count(month: month, scope: scope, programs: Array(programs.keys), households: only)
        var parametersByRegion: [String: PolicyParameters] = [:]
        let decoder = JSONDecoder()
        while true {
            let page = try await enrollments(
                month: month, scope: scope, after: cursor, programs: programs, households: only)
            guard let last = page.last else { break }
            cursor = (last.household, last.id)
            let households = Array(Set(page.map(\.household)))
            let facts = try await RegistryMemberFactsQuery(db: db).members(of: households)
            let means = try await HouseholdMeansStore(db: db, cipher: cipher).means(of: households)
            let atApproval = try await applicationMeans(Array(Set(page.compactMap(\.application))), decoder: decoder)
            var assessments: [UUID: (Assessment, [String])] = [:]
            var changes: [Change] = []
            for e in page {
                guard let declared = means[e.household], let members = facts[e.household] else {
                    report.skipped += 1; continue
                }
                if parametersByRegion[e.region] == nil {
                    parametersByRegion[e.region] = try? history.parameters(for: e.region, month: month)
                }
                guard let parameters = parametersByRegion[e.region] else { report.skipped += 1; continue }
                if assessments[e.household] == nil {
                    let request = HouseholdEconomyCheck.request(
                        region: e.region, month: month, members: members, means: declared)
                    assessments[e.household] = (
                        PolicyEngine.assess(request, parameters: parameters),
                        HouseholdEconomyCheck.memberOrder(month: month, members: members)
                    )
                }
                let (assessment, order) = assessments[e.household]!
                let member = e.person.flatMap { order.firstIndex(of: $0.uuidString) }
                if e.person != nil, member == nil { report.skipped += 1; continue }
                report.assessed += 1
                // Earned income now (the means on file) against what was declared when the enrollment was granted.
                let rose =
                    e.application.flatMap { atApproval[$0] }.map { Self.earned(declared) > Self.earned($0) } ?? false
                let outcome = StandardChangeRecalculation.outcome(
                    program: e.program, member: member, current: Fen(e.amount),
                    assessment: assessment, earnedIncomeRose: rose, parameters: parameters)
                guard outcome.isChange else { continue }
                let change: Change
                switch outcome {
                case .newAmount(let old, let new):
                    change = Change(
                        enrollmentId: e.id, itemCode: e.item, region: e.region, oldFen: old.value, newFen: new.value,
                        outcome: "newAmount", lastMonth: nil)
                case .gradualExit(let monthly, let lastMonth):
                    change = Change(
                        enrollmentId: e.id, itemCode: e.item, region: e.region, oldFen: monthly.value,
                        newFen: monthly.value,
                        outcome: "gradualExit", lastMonth: lastMonth.description)
                case .ends(let old):
                    change = Change(
                        enrollmentId: e.id, itemCode: e.item, region: e.region, oldFen: old.value, newFen: nil,
                        outcome: "ends", lastMonth: nil)
                case .unchanged:
                    continue
                }
                report.changed += 1
                report.costDifferenceFen += outcome.difference.value
                if report.sample.count < 200 { report.sample.append(change) }
                onChange?(change)
                changes.append(change)
            }
            if !changes.isEmpty { try await apply(changes) }
            progress?.update(done: report.assessed + report.skipped, total: total)
        }
        return report
    }

    /// Writes one page's changes with their audit event.
    private static func apply(
        _ changes: [Change], from month: YearMonth, reason: String, on tx: SQLDatabase, audit: AuditRecorder,
        at now: Date
    ) async throws {
        let store = EnrollmentStore(db: tx)
        for c in changes {
            switch c.outcome {
            case "newAmount":
                try await store.setAmount(
                    enrollment: c.enrollmentId, monthlyFen: c.newFen ?? 0, from: month, reason: reason,
                    at: now)
            case "gradualExit":
                try await store.startGradualExit(
                    enrollment: c.enrollmentId, from: month, lastMonth: c.lastMonth,
                    reason: "收入增加，进入渐退期")
            default:
                try await store.setStatus(
                    enrollment: c.enrollmentId, status: .ended, from: month, reason: "调标后不再符合条件")
            }
        }
        try await audit.record(
            "payroll.recalculate", entity: "enrollment", id: nil, region: RegionTable.changzhou.value,
            after: [
                "from": month.description, "changes": String(changes.count),
                "enrollments": changes.map(\.enrollmentId.uuidString).joined(separator: ","),
            ])
    }

    private func count(
        month: YearMonth, scope: RegionScope, programs: [String], households: [UUID]?
    ) async throws
        -> Int
    {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM enrollments e WHERE \(scope.condition("e.region")) AND e.status = 'active'
              AND e.item_code IN \(SQLBind.group(programs)) AND e.start_month <= \(bind: month.description)
              AND (e.end_month IS NULL OR e.end_month >= \(bind: month.description))\(Self.only(households))
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Active enrollments of engine programs, with the amount in force in `month`, in
    /// (household, id) order after `cursor`.
    private func enrollments(
        month: YearMonth, scope: RegionScope, after cursor: (UUID, UUID)?,
        programs: [String: PolicyProgram], households: [UUID]?
    ) async throws -> [Enrollment] {
        let m = month.description
        var after: SQLQueryString = ""
        if let (household, id) = cursor {
            // A row-value comparison, which both databases answer from the (household_id, id)
            // index: an OR of the two halves made every page scan and sort the whole table.
            after = " AND (e.household_id, e.id) > (\(bind: household), \(bind: id))"
        }
        return try await db.raw(
            """
            SELECT e.id, e.item_code, e.household_id, e.person_id, e.region, e.application_id, a.monthly_fen FROM enrollments e
            JOIN enrollment_amounts a ON a.enrollment_id = e.id AND a.from_month <= \(bind: m) AND (a.to_month IS NULL OR a.to_month >= \(bind: m))
            WHERE \(scope.condition("e.region")) AND e.status = 'active' AND e.item_code IN \(SQLBind.group(Array(programs.keys)))
              AND e.start_month <= \(bind: m) AND (e.end_month IS NULL OR e.end_month >= \(bind: m))\(after)\(Self.only(households))
            ORDER BY e.household_id, e.id LIMIT \(unsafeRaw: String(pageSize))
            """
        ).all().compactMap { r in
            let item = try r.decode(column: "item_code", as: String.self)
            guard let program = programs[item] else { return nil }
            return Enrollment(
                id: try r.decode(column: "id", as: UUID.self), item: item, program: program,
                household: try r.decode(column: "household_id", as: UUID.self),
                person: try r.decode(column: "person_id", as: UUID?.self),
                region: try r.decode(column: "region", as: String.self),
                amount: try r.decode(column: "monthly_fen", as: Int64.self),
                application: try r.decode(column: "application_id", as: UUID?.self))
        }
    }

    /// Restricts a query of `enrollments e` to some households (nil: all).
    private static func only(_ households: [UUID]?) -> SQLQueryString {
        guard let households else { return "" }
        return " AND e.household_id IN \(SQLBind.group(households))"
    }

    /// Wages and business income of all members, a month.
    static func earned(_ means: DeclaredMeans) -> Int64 {
        means.members.flatMap(\.incomes).filter { $0.kind.isEarned }.reduce(0) { $0 + $1.monthlyFen }
    }

    /// What the applications behind the enrollments declared.
    private func applicationMeans(_ ids: [UUID], decoder: JSONDecoder) async throws -> [UUID: DeclaredMeans] {
        var result: [UUID: DeclaredMeans] = [:]
        for chunk in ids.chunked(1000) {
            for r in try await db.raw(
                "SELECT id, means_cipher FROM applications WHERE id IN \(SQLBind.group(chunk)) AND means_cipher IS NOT NULL"
            ).all() {
                let json = try cipher.decrypt(try r.decode(column: "means_cipher", as: String.self))
                result[try r.decode(column: "id", as: UUID.self)] = try decoder.decode(
                    DeclaredMeans.self, from: Data(json.utf8))
            }
        }
        return result
    }
}
