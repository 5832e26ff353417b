import Foundation
import MinzhengCore
import SQLKit

/// The SQL of 尊老金 (免申即享): the month's run as set-based statements over `persons`,
/// `enrollments` and `enrollment_amounts` (`SeniorAllowanceEnrollmentRule`, as SQL), and the
/// check of payments already made that should not have been.
struct SeniorAllowanceStore {
    let db: SQLDatabase

    static let item = AssistanceItemCode.seniorAllowance.rawValue
    /// The city: a person whose household is outside it has moved away.
    static let city = RegionScope(RegionTable.changzhou)

    /// The regions people live in within `scope` (their tiers may differ by region).
    func personRegions(within scope: RegionScope) async throws -> [String] {
        try await db.raw("SELECT DISTINCT region FROM persons WHERE \(scope.condition("region"))").all().map {
            try $0.decode(column: "region", as: String.self)
        }
    }

    /// `SeniorAllowanceTiers.amount`, as SQL over `p.birth_date` (ISO text): the amount of the
    /// highest tier whose bound the birth date is on or before; callers keep the lowest bound.
    private static func amountCase(_ tiers: SeniorAllowanceTiers, month: YearMonth) -> SQLQueryString {
        let bounds = tiers.bornOnOrBefore(in: month)
        var sql: SQLQueryString = "CASE"
        for (bound, amount) in bounds.dropLast() {
            sql = sql + " WHEN p.birth_date <= \(bind: bound.description) THEN \(unsafeRaw: String(amount.value))"
        }
        return sql + " ELSE \(unsafeRaw: String(bounds.last?.amount.value ?? 0)) END"
    }

    private static func lowestBound(_ tiers: SeniorAllowanceTiers, month: YearMonth) -> String {
        tiers.bornOnOrBefore(in: month).last?.bound.description ?? "0000-00-00"
    }

    /// `region IN (…)` when the run covers only some regions (tiers that differ by region), else nothing.
    private static func regions(_ column: String, _ regions: [String]?) -> SQLQueryString {
        guard let regions else { return "" }
        return " AND \(unsafeRaw: column) IN \(SQLBind.group(regions))"
    }

    /// A new random id, made by the database (PostgreSQL's `gen_random_uuid()`; on SQLite the
    /// upper-case text form SQLKit binds ids as).
    private var newID: SQLQueryString {
        if db.dialect.name == "postgresql" { return "gen_random_uuid()" }
        return """
            upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(6)))
            """
    }

    /// Enrolls, from `month`, every living person of the city within `scope` (and `regions`)
    /// whose age reaches a tier on the first of the month and who has no allowance enrollment
    /// that is not ended (whether from an application or an earlier run); their amounts on
    /// record from then. Answers how many.
    func enroll(
        month: YearMonth, tiers: SeniorAllowanceTiers, within scope: RegionScope, regions: [String]?,
        reason: String, at now: Date
    ) async throws -> Int {
        let m = month.description
        // SQLite would walk the region index for the city-wide range and fetch every person from
        // it (1.7 s for a million, against 0.2 s for a plain scan): `+` keeps it to the table.
        let region = db.dialect.name == "sqlite" ? "+p.region" : "p.region"
        try await db.raw(
            """
            INSERT INTO enrollments (id, item_code, household_id, person_id, region, monthly_fen, start_month, status, version, created_at)
            SELECT \(newID), \(bind: Self.item), p.household_id, p.id, p.region, \(Self.amountCase(tiers, month: month)),
              \(bind: m), \(bind: EnrollmentStatus.active.rawValue), 1, \(bind: now)
            FROM persons p
            WHERE p.birth_date <= \(bind: Self.lowestBound(tiers, month: month)) AND p.deceased_on IS NULL AND p.household_id IS NOT NULL
              AND \(scope.condition(region)) AND \(Self.city.condition(region))\(Self.regions("p.region", regions))
              AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.item_code = \(bind: Self.item)
                AND e.status <> \(bind: EnrollmentStatus.ended.rawValue))
            """
        ).run()
        // The new enrollments are the allowance enrollments without an amount on record yet.
        let fresh: SQLQueryString = """
            FROM enrollments e WHERE e.item_code = \(bind: Self.item) AND \(scope.condition("e.region"))
              AND NOT EXISTS (SELECT 1 FROM enrollment_amounts a WHERE a.enrollment_id = e.id)
            """
        let count =
            try await db.raw("SELECT COUNT(*) AS n \(fresh)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return 0 }
        try await db.raw(
            """
            INSERT INTO enrollment_amounts (id, enrollment_id, from_month, monthly_fen, reason, created_at)
            SELECT \(newID), e.id, e.start_month, e.monthly_fen, \(bind: reason), \(bind: now) \(fresh)
            """
        ).run()
        return count
    }

    struct AmountChange: Sendable {
        let enrollment: UUID
        let fromMonth: String
        let current: Int64
        let target: Int64
    }

    /// Allowance enrollments not ended, of living people of the city, whose latest amount is in
    /// force in `month` and differs from their tier's then.
    func amountChanges(
        month: YearMonth, tiers: SeniorAllowanceTiers, within scope: RegionScope, regions: [String]?
    ) async throws -> [AmountChange] {
        let m = month.description
        let target = Self.amountCase(tiers, month: month)
        return try await db.raw(
            """
            SELECT e.id, a.from_month, a.monthly_fen, CAST(\(target) AS BIGINT) AS target
            FROM enrollments e JOIN persons p ON p.id = e.person_id
            JOIN enrollment_amounts a ON a.enrollment_id = e.id AND a.from_month <= \(bind: m) AND a.to_month IS NULL
            WHERE e.item_code = \(bind: Self.item) AND e.status <> \(bind: EnrollmentStatus.ended.rawValue)
              AND \(scope.condition("e.region")) AND p.deceased_on IS NULL AND \(Self.city.condition("p.region"))\(Self.regions("p.region", regions))
              AND p.birth_date <= \(bind: Self.lowestBound(tiers, month: month)) AND a.monthly_fen <> \(target)
            """
        ).all().map { r in
            AmountChange(
                enrollment: try r.decode(column: "id", as: UUID.self),
                fromMonth: try r.decode(column: "from_month", as: String.self),
                current: try r.decode(column: "monthly_fen", as: Int64.self),
                target: try r.decode(column: "target", as: Int64.self))
        }
    }

    /// Writes `changes` from `month` the way `EnrollmentStore.setAmount` does (the amount in
    /// force until then ends the month before; one from the month itself is replaced), a chunk
    /// of enrollments per statement.
    func apply(_ changes: [AmountChange], from month: YearMonth, reason: String, at now: Date) async throws {
        let m = month.description
        let before = month.adding(months: -1).description
        for chunk in changes.chunked(500) {
            let ids = chunk.map(\.enrollment)
            try await db.raw(
                "DELETE FROM enrollment_amounts WHERE enrollment_id IN \(SQLBind.group(ids)) AND from_month >= \(bind: m)"
            ).run()
            try await db.raw(
                """
                UPDATE enrollment_amounts SET to_month = \(bind: before)
                WHERE enrollment_id IN \(SQLBind.group(ids)) AND to_month IS NULL
                """
            ).run()
            var insert = db.insert(into: "enrollment_amounts").columns(
                "id", "enrollment_id", "from_month", "monthly_fen", "reason", "created_at")
            for c in chunk {
                insert = insert.values(
                    SQLBind(UUID.random()), SQLBind(c.enrollment), SQLBind(m), SQLBind(c.target), SQLBind(reason),
                    SQLBind(now))
            }
            try await insert.run()
            // The enrollment shows its latest amount; the tiers are few, so one update per amount.
            for (amount, group) in Dictionary(grouping: chunk, by: \.target) {
                try await db.raw(
                    """
                    UPDATE enrollments SET monthly_fen = \(bind: amount), version = version + 1
                    WHERE id IN \(SQLBind.group(group.map(\.enrollment)))
                    """
                ).run()
            }
        }
    }

    /// An allowance enrollment not ended whose person died or moved out of the city.
    struct Leaver: Sendable {
        let enrollment: UUID
        let person: SeniorAllowanceEnrollmentRule.Person
    }

    /// The allowance enrollments not ended within `scope` whose person died or now lives outside
    /// the city, with the day they moved (their joining the household outside it).
    func leavers(within scope: RegionScope) async throws -> [Leaver] {
        try await db.raw(
            """
            SELECT e.id, p.birth_date, p.deceased_on, p.region, m.joined_at
            FROM enrollments e JOIN persons p ON p.id = e.person_id
            LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE e.item_code = \(bind: Self.item) AND e.status <> \(bind: EnrollmentStatus.ended.rawValue)
              AND \(scope.condition("e.region")) AND (p.deceased_on IS NOT NULL OR NOT \(Self.city.condition("p.region")))
            """
        ).all().compactMap { r in
            guard let person = try Self.person(r) else { return nil }
            return Leaver(enrollment: try r.decode(column: "id", as: UUID.self), person: person)
        }
    }

    /// A person as the rule sees them, from a row with `birth_date`, `deceased_on`, the person's
    /// region (`regionColumn`) and `joined_at` (the current membership's); nil without a person.
    static func person(_ r: SQLRow, regionColumn: String = "region") throws -> SeniorAllowanceEnrollmentRule.Person? {
        guard let born = try r.decode(column: "birth_date", as: String?.self).flatMap(CivilDate.init) else {
            return nil
        }
        var moved: CivilDate?
        if let region = try r.decode(column: regionColumn, as: String?.self), !region.hasPrefix(city.prefix) {
            moved =
                try r.decode(column: "joined_at", as: Date?.self).map(BeijingTime.day(of:))
                ?? CivilDate(year: 1, month: 1, day: 1)
        }
        return SeniorAllowanceEnrollmentRule.Person(
            born: born, diedOn: try r.decode(column: "deceased_on", as: String?.self).flatMap(CivilDate.init),
            movedOutOn: moved)
    }

    // MARK: the wrong-payment check

    /// One allowance payment that should not have been made.
    struct WrongPayment: Codable, Sendable {
        let lineId: Int64
        let rollId: UUID
        let month: String
        let enrollmentId: UUID
        let personId: UUID?
        let name: String?
        let idMasked: String?
        let region: String
        let reason: String
        let detail: String?
        let amountToRecoverFen: Int64
    }

    /// Allowance lines of approved (or closed) rolls, sent or paid, of `month` (every month when
    /// nil) within `scope`, paid for a month after the payee's death or move out of the city, or
    /// paid a second time to one person for one month (every line after the first), oldest first.
    func wrongPayments(month: YearMonth?, within scope: RegionScope, limit: Int = 10_000) async throws -> [WrongPayment]
    {
        let sent = SQLBind.group([PayrollLineStatus.pending.rawValue, PayrollLineStatus.paid.rawValue])
        let locked = SQLBind.group([RollState.approved.rawValue, RollState.closed.rawValue])
        var monthFilter: SQLQueryString = ""
        if let month { monthFilter = " AND r.month = \(bind: month.description)" }
        let rows = try await db.raw(
            """
            SELECT l.id AS line_id, l.roll_id, r.month, l.enrollment_id, l.payee_id, l.region, l.amount_fen,
              p.name, p.id_masked, p.birth_date, p.deceased_on, p.region AS person_region, m.joined_at,
              CASE WHEN EXISTS (
                SELECT 1 FROM payroll_lines l2 JOIN payroll_rolls r2 ON r2.id = l2.roll_id
                WHERE l2.payee_id = l.payee_id AND l2.item_code = l.item_code AND r2.month = r.month AND l2.id < l.id
                  AND l2.status IN \(sent) AND r2.state IN \(locked)
              ) THEN 1 ELSE 0 END AS duplicate
            FROM payroll_lines l JOIN payroll_rolls r ON r.id = l.roll_id
            LEFT JOIN persons p ON p.id = l.payee_id
            LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE l.item_code = \(bind: Self.item) AND l.status IN \(sent) AND r.state IN \(locked)
              AND \(scope.condition("l.region"))\(monthFilter)
              AND (p.deceased_on IS NOT NULL OR NOT \(Self.city.condition("p.region")) OR EXISTS (
                SELECT 1 FROM payroll_lines l2 JOIN payroll_rolls r2 ON r2.id = l2.roll_id
                WHERE l2.payee_id = l.payee_id AND l2.item_code = l.item_code AND r2.month = r.month AND l2.id < l.id
                  AND l2.status IN \(sent) AND r2.state IN \(locked)))
            ORDER BY r.month, l.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        var result: [WrongPayment] = []
        for r in rows {
            guard let month = YearMonth(try r.decode(column: "month", as: String.self)) else { continue }
            let person = try Self.person(r, regionColumn: "person_region")
            let reason: (String, String?)
            if let person, !SeniorAllowanceEnrollmentRule.payable(person, in: month) {
                if let died = person.diedOn, died.yearMonth.adding(months: 1) <= month {
                    reason = ("deceased", "死亡日期 \(died)")
                } else {
                    reason = ("movedOut", person.movedOutOn.map { "迁出常州市 \($0)" })
                }
            } else if try r.decode(column: "duplicate", as: Int.self) == 1 {
                reason = ("duplicate", "同月重复发放")
            } else {
                continue
            }
            result.append(
                WrongPayment(
                    lineId: try r.decode(column: "line_id", as: Int64.self),
                    rollId: try r.decode(column: "roll_id", as: UUID.self), month: month.description,
                    enrollmentId: try r.decode(column: "enrollment_id", as: UUID.self),
                    personId: try r.decode(column: "payee_id", as: UUID?.self),
                    name: try r.decode(column: "name", as: String?.self),
                    idMasked: try r.decode(column: "id_masked", as: String?.self),
                    region: try r.decode(column: "region", as: String.self), reason: reason.0, detail: reason.1,
                    amountToRecoverFen: try r.decode(column: "amount_fen", as: Int64.self)))
        }
        return result
    }
}
