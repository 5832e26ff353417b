import Foundation
import MinzhengCore
import SQLKit

/// Monthly payment rolls: generation as one `INSERT … SELECT` inside one transaction (so
/// a crash leaves no half roll, and a million lines take seconds), maker–checker approval,
/// and the bank's return file.
struct PayrollStore {
    let db: SQLDatabase

    struct Roll: Codable, Sendable {
        let id: UUID
        let month: String
        let region: String
        let state: String
        let lineCount: Int
        let totalFen: Int64
        let generatedBy: String
        let generatedAt: Date
        let approvedBy: String?
        let version: Int
    }

    /// One payment as a person's page lists it.
    struct Payment: Codable, Sendable {
        let month: String
        let itemCode: String
        let amountFen: Int64
        let status: String
    }

    /// What was paid to the person, or for their household's own benefits, newest first.
    func payments(person: UUID, household: UUID?, within scope: RegionScope, limit: Int = 36) async throws -> [Payment]
    {
        try await db.raw(
            """
            SELECT r.month, l.item_code, l.amount_fen, l.status FROM payroll_lines l JOIN payroll_rolls r ON r.id = l.roll_id
            WHERE (l.payee_id = \(bind: person)
              OR (l.household_id = \(bind: household) AND l.enrollment_id IN (SELECT e.id FROM enrollments e WHERE e.person_id IS NULL)))
              AND \(scope.condition("l.region")) ORDER BY r.month DESC, l.id DESC LIMIT \(bind: limit)
            """
        ).all().map { r in
            Payment(
                month: try r.decode(column: "month", as: String.self),
                itemCode: try r.decode(column: "item_code", as: String.self),
                amountFen: try r.decode(column: "amount_fen", as: Int64.self),
                status: try r.decode(column: "status", as: String.self))
        }
    }

    func roll(id: UUID) async throws -> Roll? {
        try await db.select().columns("*").from("payroll_rolls").where("id", .equal, id).first().map(Self.roll)
    }

    func roll(month: YearMonth, region: RegionCode) async throws -> Roll? {
        try await db.select().columns("*").from("payroll_rolls").where("month", .equal, month.description)
            .where("region", .equal, region.value).first().map(Self.roll)
    }

    func rolls(within scope: RegionScope) async throws -> [Roll] {
        try await db.raw("SELECT * FROM payroll_rolls WHERE \(scope.condition("region")) ORDER BY month DESC, region")
            .all().map(Self.roll)
    }

    static func roll(_ r: SQLRow) throws -> Roll {
        Roll(
            id: try r.decode(column: "id", as: UUID.self), month: try r.decode(column: "month", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            state: try r.decode(column: "state", as: String.self),
            lineCount: try r.decode(column: "line_count", as: Int.self),
            totalFen: try r.decode(column: "total_fen", as: Int64.self),
            generatedBy: try r.decode(column: "generated_by", as: String.self),
            generatedAt: try r.decode(column: "generated_at", as: Date.self),
            approvedBy: try r.decode(column: "approved_by", as: String?.self),
            version: try r.decode(column: "version", as: Int.self))
    }

    /// Generates the roll of `month` for `region` inside the caller's transaction: every
    /// enrollment payable that month at the amount in force then, plus the failed lines of
    /// earlier rolls (which those rolls then count as carried). Refused when the month has
    /// a roll, unless it is a draft and `replace` is set.
    func generate(
        month: YearMonth, region: RegionCode, by user: String, replace: Bool, at now: Date
    ) async throws -> UUID {
        if let existing = try await roll(month: month, region: region) {
            guard existing.state == RollState.draft.rawValue else {
                throw Refusal(
                    .conflict, "\(month) 的发放名册已审核（状态：\(PayrollText.state(existing.state))），不能重新生成", field: "month")
            }
            guard replace else {
                throw Refusal(.conflict, "\(month) 的发放名册已生成（草稿）；如需重新生成，请使用 --replace（页面上为“重新生成”）", field: "month")
            }
            // The draft's carried-over lines go back to failed, to be carried by the new draft.
            try await db.raw(
                """
                UPDATE payroll_lines SET status = \(bind: PayrollLineStatus.failed.rawValue)
                WHERE id IN (SELECT carried_from FROM payroll_lines WHERE roll_id = \(bind: existing.id) AND carried_from IS NOT NULL)
                """
            ).run()
            try await db.delete(from: "payroll_lines").where("roll_id", .equal, existing.id).run()
            try await db.delete(from: "payroll_rolls").where("id", .equal, existing.id).run()
        }
        let id = UUID.random()
        let scope = RegionScope(region)
        let monthText = month.description
        let firstDay = month.firstDay.description
        try await db.insert(into: "payroll_rolls")
            .columns(
                "id", "month", "region", "state", "line_count", "total_fen", "generated_by", "generated_at", "version"
            )
            .values(
                SQLBind(id), SQLBind(monthText), SQLBind(region.value), SQLBind(RollState.draft.rawValue), SQLBind(0),
                SQLBind(Int64(0)), SQLBind(user),
                SQLBind(now), SQLBind(1)
            )
            .run()
        let pending = PayrollLineStatus.pending.rawValue
        let stopping = SQLBind.group(PaymentRule.stoppingStatuses.map(\.rawValue))
        // `PaymentRule.pays`, as SQL.
        try await db.raw(
            """
            INSERT INTO payroll_lines (roll_id, enrollment_id, item_code, household_id, payee_id, region, amount_fen, status)
            SELECT \(bind: id), e.id, e.item_code, e.household_id, COALESCE(e.person_id, m.person_id), e.region, a.monthly_fen, \(bind: pending)
            FROM enrollments e
            JOIN enrollment_amounts a ON a.enrollment_id = e.id AND a.from_month <= \(bind: monthText)
              AND (a.to_month IS NULL OR a.to_month >= \(bind: monthText))
            LEFT JOIN memberships m ON m.household_id = e.household_id AND m.relation = 'head' AND m.left_at IS NULL
            LEFT JOIN persons p ON p.id = e.person_id
            WHERE \(scope.condition("e.region"))
              AND e.start_month <= \(bind: monthText) AND (e.end_month IS NULL OR e.end_month >= \(bind: monthText))
              AND NOT (e.status IN \(stopping) AND (e.status_from IS NULL OR e.status_from <= \(bind: monthText)))
              AND (p.deceased_on IS NULL OR p.deceased_on >= \(bind: firstDay))
            """
        ).run()
        // Failed payments of earlier rolls are paid again in this one (`PaymentRule.carries`).
        let failed = PayrollLineStatus.failed.rawValue
        try await db.raw(
            """
            INSERT INTO payroll_lines (roll_id, enrollment_id, item_code, household_id, payee_id, region, amount_fen, status, carried_from)
            SELECT \(bind: id), l.enrollment_id, l.item_code, l.household_id, l.payee_id, l.region, l.amount_fen, \(bind: pending), l.id
            FROM payroll_lines l JOIN payroll_rolls r ON r.id = l.roll_id
            WHERE l.status = \(bind: failed) AND r.month < \(bind: monthText) AND \(scope.condition("l.region"))
            """
        ).run()
        try await db.raw(
            """
            UPDATE payroll_lines SET status = \(bind: PayrollLineStatus.carried.rawValue)
            WHERE status = \(bind: failed) AND id IN (SELECT carried_from FROM payroll_lines WHERE roll_id = \(bind: id) AND carried_from IS NOT NULL)
            """
        ).run()
        let totals = try await db.raw(
            "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS total FROM payroll_lines WHERE roll_id = \(bind: id)"
        ).first()
        let lines = try totals?.decode(column: "n", as: Int.self) ?? 0
        // An empty roll would be approved, exported and audited for nothing: the caller's
        // transaction rolls back and says why (a draft it was to replace stays).
        guard lines > 0 else {
            throw Refusal(.conflict, "\(region.value) 在 \(month) 没有可发放的待遇（无在册且未暂停、未终止的救助对象），未生成名册", field: "month")
        }
        try await db.update("payroll_rolls").set("line_count", to: lines)
            .set("total_fen", to: try totals?.decode(column: "total", as: Int64.self) ?? 0).where("id", .equal, id)
            .run()
        try await closeFinishedRolls()
        return id
    }

    /// Locks a draft roll as approved when `version` is still its own; false when it is not.
    func approve(roll id: UUID, version: Int, by name: String, at now: Date) async throws -> Bool {
        try await !db.update("payroll_rolls").set("state", to: RollState.approved.rawValue).set("approved_by", to: name)
            .set("approved_at", to: now)
            .set("version", to: version + 1).where("id", .equal, id).where("version", .equal, version)
            .returning("id").all().isEmpty
    }

    /// The bank's answer for one line of `roll`; false when no such line is open to one (not
    /// the roll's, or carried into a later roll).
    func recordBankResult(line: Int64, roll: UUID, paid: Bool, reason: String?) async throws -> Bool {
        let answer: PayrollLineStatus = paid ? .paid : .failed
        let open: [PayrollLineStatus] = [.pending, .failed, .paid]
        return try await !db.update("payroll_lines").set("status", to: answer.rawValue).set("reason", to: reason)
            .where("id", .equal, line).where("roll_id", .equal, roll).where("status", .in, open.map(\.rawValue))
            .returning("id").all().isEmpty
    }

    /// A failed payment, for the officer to correct.
    struct FailedLine: Sendable {
        let id: Int64
        let payee: String?
        let amountFen: Int64
        let reason: String?
    }

    /// The first `limit` failed payments of a roll, with the payee's name.
    func failedLines(roll: UUID, limit: Int) async throws -> [FailedLine] {
        try await db.raw(
            """
            SELECT l.id, l.amount_fen, l.reason, p.name FROM payroll_lines l LEFT JOIN persons p ON p.id = l.payee_id
            WHERE l.roll_id = \(bind: roll) AND l.status = \(bind: PayrollLineStatus.failed.rawValue) ORDER BY l.id LIMIT \(bind: limit)
            """
        ).all().map { r in
            FailedLine(
                id: try r.decode(column: "id", as: Int64.self), payee: try r.decode(column: "name", as: String?.self),
                amountFen: try r.decode(column: "amount_fen", as: Int64.self),
                reason: try r.decode(column: "reason", as: String?.self))
        }
    }

    func failedCount(roll: UUID) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM payroll_lines WHERE roll_id = \(bind: roll) AND status = \(bind: PayrollLineStatus.failed.rawValue)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The ids of a roll's lines, in order (a bank return file names them).
    func lineIDs(roll: UUID) async throws -> [Int64] {
        try await db.raw("SELECT id FROM payroll_lines WHERE roll_id = \(bind: roll) ORDER BY id").all().map {
            try $0.decode(column: "id", as: Int64.self)
        }
    }

    /// A roll whose every line is paid or carried over is closed.
    func closeFinishedRolls() async throws {
        try await db.raw(
            """
            UPDATE payroll_rolls SET state = \(bind: RollState.closed.rawValue)
            WHERE state = \(bind: RollState.approved.rawValue) AND NOT EXISTS (
              SELECT 1 FROM payroll_lines l WHERE l.roll_id = payroll_rolls.id
                AND l.status NOT IN \(SQLBind.group([PayrollLineStatus.paid.rawValue, PayrollLineStatus.carried.rawValue])))
            """
        ).run()
    }

    /// Totals by program and by district (the first six digits of the region).
    func totals(roll: UUID) async throws -> [(item: String, district: String, lines: Int, totalFen: Int64)] {
        let district: SQLExpression = SQLFunction(
            "SUBSTR", args: SQLColumn("region"), SQLLiteral.numeric("1"), SQLLiteral.numeric("6"))
        return try await db.select().column(SQLColumn("item_code")).column(
            SQLAlias(district, as: SQLIdentifier("district"))
        )
        .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
        // PostgreSQL sums a BIGINT as NUMERIC: cast back so both databases answer an integer.
        .column(SQLAlias(SQLRaw("CAST(SUM(amount_fen) AS BIGINT)"), as: SQLIdentifier("total")))
        .from("payroll_lines").where("roll_id", .equal, roll)
        .groupBy("item_code").groupBy(district).orderBy(district).orderBy("item_code").all()
        .map {
            (
                try $0.decode(column: "item_code", as: String.self), try $0.decode(column: "district", as: String.self),
                try $0.decode(column: "n", as: Int.self), try $0.decode(column: "total", as: Int64.self)
            )
        }
    }
}
