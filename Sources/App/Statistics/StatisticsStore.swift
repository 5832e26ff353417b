import Foundation
import MinzhengCore
import SQLKit

/// The SQL of the bureau's statistics (民政统计): every figure of `StatisticsCatalogue` for a
/// month, as cells by street, computed from the records (the payroll rolls, facilities,
/// adaptations, home-care visits, device rentals, children in need, 德康驿站, organisations, marriage records, funeral bills,
/// family search) inside the region filter; and the frozen months
/// (`statistics_snapshots`) with the data version they came from.
struct StatisticsStore {
    let db: SQLDatabase

    /// A record's region cut to a street: the grain of the cells.
    private static func street(_ column: String) -> SQLQueryString { "SUBSTR(\(unsafeRaw: column), 1, 9)" }

    /// Every figure of `month` under `scope`, computed now from the records.
    func cells(month: YearMonth, within scope: RegionScope) async throws -> [StatisticsCell] {
        let first = month.firstDay.description, last = month.lastDay.description
        let from = BeijingTime.startOfDay(month.firstDay)
        let until = BeijingTime.startOfDay(month.adding(months: 1).firstDay)
        var cells: [StatisticsCell] = []

        // The payroll rolls of the month: recipients and the amounts the bank paid, by programme.
        let programmes = Dictionary(uniqueKeysWithValues: PayrollProgramme.all.map { ($0.itemCode, $0) })
        for row in try await db.raw(
            """
            SELECT \(Self.street("l.region")) AS bucket, l.item_code,
              COUNT(DISTINCT l.household_id) AS households, COUNT(DISTINCT l.enrollment_id) AS persons,
              CAST(COALESCE(SUM(CASE WHEN l.status = \(bind: PayrollLineStatus.paid.rawValue) THEN l.amount_fen ELSE 0 END), 0)
                AS BIGINT) AS paid
            FROM payroll_lines l JOIN payroll_rolls r ON r.id = l.roll_id
            WHERE r.month = \(bind: month.description) AND \(scope.condition("l.region"))
            GROUP BY \(Self.street("l.region")), l.item_code
            """
        ).all() {
            guard let p = programmes[try row.decode(column: "item_code", as: String.self)] else { continue }
            let bucket = try row.decode(column: "bucket", as: String.self)
            let recipients = try row.decode(column: p.perHousehold ? "households" : "persons", as: Int64.self)
            cells.append(StatisticsCell(region: bucket, figure: p.recipientsKey, value: recipients))
            cells.append(
                StatisticsCell(region: bucket, figure: p.paidKey, value: try row.decode(column: "paid", as: Int64.self))
            )
        }
        // 低保 persons: the members of the households on the dibao roll who had not left by the month's end.
        cells += try await counts(
            StatisticsCatalogue.dibaoPersons,
            """
            SELECT \(Self.street("l.region")) AS bucket, COUNT(DISTINCT m.person_id) AS n
            FROM payroll_lines l JOIN payroll_rolls r ON r.id = l.roll_id
              JOIN memberships m ON m.household_id = l.household_id
            WHERE r.month = \(bind: month.description) AND l.item_code = 'dibao' AND \(scope.condition("l.region"))
              AND (m.left_at IS NULL OR m.left_at >= \(bind: until))
            GROUP BY \(Self.street("l.region"))
            """)
        // Facilities filed by the month's end, their beds and nursing beds.
        cells += try await columns(
            [
                ("n", StatisticsCatalogue.facilities), ("beds", StatisticsCatalogue.beds),
                ("nursing", StatisticsCatalogue.nursingBeds),
            ],
            """
            SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n,
              CAST(COALESCE(SUM(beds_total), 0) AS BIGINT) AS beds, CAST(COALESCE(SUM(nursing_beds), 0) AS BIGINT) AS nursing
            FROM facilities WHERE filed_on <= \(bind: last) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region"))
            """)
        cells += try await counts(
            StatisticsCatalogue.adaptations,
            """
            SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n FROM adaptation_cases
            WHERE completed_on >= \(bind: first) AND completed_on <= \(bind: last) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region"))
            """)
        // Home care: the month's settled visits and their subsidy, by the settlement's own split.
        cells += try await columns(
            [("n", StatisticsCatalogue.homeCareVisits), ("subsidy", StatisticsCatalogue.homeCareSubsidy)],
            """
            \(HomeCareSettlementStore.split(month: month, within: scope))
            SELECT \(Self.street("s.region")) AS bucket, COUNT(*) AS n, CAST(COALESCE(SUM(s.subsidy), 0) AS BIGINT) AS subsidy
            FROM split s WHERE \(scope.condition("s.region"))
            GROUP BY \(Self.street("s.region"))
            """)
        cells += StatisticsCells.within(scope.prefix, try await rentalCells(month: month))
        // Organisations on the register at the month's end, by kind; and those registered in the month.
        let gone = [OrganisationStatus.revoked.rawValue, OrganisationStatus.deregistered.rawValue]
        for row in try await db.raw(
            """
            SELECT \(Self.street("region")) AS bucket, kind, COUNT(*) AS n FROM organisations
            WHERE registered_on <= \(bind: last) AND \(scope.condition("region"))
              AND NOT (status IN (\(binds: gone)) AND status_since <= \(bind: last))
            GROUP BY \(Self.street("region")), kind
            """
        ).all() {
            guard let kind = OrganisationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                continue
            }
            cells.append(
                StatisticsCell(
                    region: try row.decode(column: "bucket", as: String.self),
                    figure: StatisticsCatalogue.organisations(kind), value: try row.decode(column: "n", as: Int64.self))
            )
        }
        cells += try await counts(
            StatisticsCatalogue.organisationsNew,
            """
            SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n FROM organisations
            WHERE registered_on >= \(bind: first) AND registered_on <= \(bind: last) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region"))
            """)
        // Children in need on record at the month's end, by category; 德康驿站 opened by then.
        for row in try await db.raw(
            """
            SELECT \(Self.street("region")) AS bucket, category, COUNT(*) AS n FROM child_categories
            WHERE starts_on <= \(bind: last) AND (ends_on IS NULL OR ends_on > \(bind: last)) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region")), category
            """
        ).all() {
            guard let category = ChildCategory(rawValue: try row.decode(column: "category", as: String.self)) else {
                continue
            }
            cells.append(
                StatisticsCell(
                    region: try row.decode(column: "bucket", as: String.self),
                    figure: StatisticsCatalogue.children(category), value: try row.decode(column: "n", as: Int64.self)))
        }
        cells += try await counts(
            StatisticsCatalogue.rehabStations,
            """
            SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n FROM rehab_stations
            WHERE opened_on <= \(bind: last) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region"))
            """)
        // Marriage registrations by the registry's region, and the funeral homes' bills of the month.
        for (figure, kind) in [(StatisticsCatalogue.marriages, "marriage"), (StatisticsCatalogue.divorces, "divorce")] {
            cells += try await counts(
                figure,
                """
                SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n FROM marriage_records
                WHERE kind = \(bind: kind) AND registered_on >= \(bind: first) AND registered_on <= \(bind: last)
                  AND \(scope.condition("region"))
                GROUP BY \(Self.street("region"))
                """)
        }
        cells += try await counts(
            StatisticsCatalogue.funerals,
            """
            SELECT \(Self.street("region")) AS bucket, COUNT(*) AS n FROM funeral_bills
            WHERE created_at >= \(bind: from) AND created_at < \(bind: until) AND \(scope.condition("region"))
            GROUP BY \(Self.street("region"))
            """)
        // Family search: reports by the lost person's home region, notices and reunions by the station's.
        cells += try await counts(
            StatisticsCatalogue.familySearchReports,
            """
            SELECT \(Self.street("home_region")) AS bucket, COUNT(*) AS n FROM family_search_reports
            WHERE created_at >= \(bind: from) AND created_at < \(bind: until) AND home_region IS NOT NULL
              AND \(scope.condition("home_region"))
            GROUP BY \(Self.street("home_region"))
            """)
        cells += try await counts(
            StatisticsCatalogue.familySearchNotices,
            """
            SELECT \(Self.street("station_region")) AS bucket, COUNT(*) AS n FROM family_search_notices
            WHERE published_at >= \(bind: from) AND published_at < \(bind: until) AND \(scope.condition("station_region"))
            GROUP BY \(Self.street("station_region"))
            """)
        cells += try await counts(
            StatisticsCatalogue.familySearchReunions,
            """
            SELECT \(Self.street("n.station_region")) AS bucket, COUNT(*) AS n
            FROM family_search_matches m JOIN family_search_notices n ON n.id = m.notice_id
            WHERE m.reunited_on >= \(bind: first) AND m.reunited_on <= \(bind: last)
              AND \(scope.condition("n.station_region"))
            GROUP BY \(Self.street("n.station_region"))
            """)
        return StatisticsCells.canonical(cells)
    }

    /// Device rentals, from the operators' settlement of the month and of the year's earlier
    /// months (who was subsidised before), city-wide: a person's first subsidised month is the
    /// same whichever view asks, and a view takes its regions' cells.
    private func rentalCells(month: YearMonth) async throws -> [StatisticsCell] {
        let charges = RentalMonthCharges(db: db)
        let city = RegionScope(RegionTable.changzhou)
        func statistics(_ m: YearMonth) async throws -> [RentalStatistics.Charge] {
            try await charges.charged(month: m, within: city).map {
                RentalStatistics.Charge(
                    region: $0.rental.region, person: $0.rental.personId, subsidyFen: $0.charge.subsidy.value)
            }
        }
        var earlier: Set<UUID> = []
        for m in 1..<month.month {
            earlier.formUnion(RentalStatistics.subsidised(try await statistics(YearMonth(year: month.year, month: m)!)))
        }
        return RentalStatistics.cells(try await statistics(month), earlier: earlier)
    }

    /// A query answering `bucket` and `n` as cells of one figure.
    private func counts(_ figure: String, _ query: SQLQueryString) async throws -> [StatisticsCell] {
        try await columns([("n", figure)], query)
    }

    /// A query answering `bucket` and a column for each figure, as cells.
    private func columns(
        _ figures: [(column: String, figure: String)], _ query: SQLQueryString
    ) async throws
        -> [StatisticsCell]
    {
        try await db.raw(query).all().flatMap { row in
            let bucket = try row.decode(column: "bucket", as: String.self)
            return try figures.map {
                StatisticsCell(
                    region: bucket, figure: $0.figure, value: try row.decode(column: $0.column, as: Int64.self))
            }
        }
    }

    // MARK: frozen months

    struct Snapshot: Sendable {
        let month: YearMonth
        let cells: [StatisticsCell]
        let digest: String
        let auditSequence: Int64
        /// The month's payroll rolls, `region:id:version` each.
        let payrollRolls: [String]
        let frozenBy: String
        let frozenAt: Date
    }

    /// The data version a freeze records: the audit trail's last sequence and the month's rolls.
    func dataVersion(month: YearMonth) async throws -> (auditSequence: Int64, rolls: [String]) {
        let sequence =
            try await db.raw("SELECT MAX(sequence) AS n FROM audit_events").first()?.decode(
                column: "n", as: Int64?.self) ?? 0
        let rolls = try await db.raw(
            "SELECT id, region, version FROM payroll_rolls WHERE month = \(bind: month.description) ORDER BY region, id"
        ).all().map {
            "\(try $0.decode(column: "region", as: String.self)):\(try $0.decode(column: "id", as: UUID.self)):\(try $0.decode(column: "version", as: Int.self))"
        }
        return (sequence, rolls)
    }

    func snapshot(month: YearMonth) async throws -> Snapshot? {
        try await db.raw("SELECT * FROM statistics_snapshots WHERE month = \(bind: month.description)").first().map(
            Self.snapshot)
    }

    /// The frozen months among `months` (a year's), by month.
    func snapshots(_ months: [YearMonth]) async throws -> [YearMonth: Snapshot] {
        guard !months.isEmpty else { return [:] }
        let rows = try await db.raw(
            "SELECT * FROM statistics_snapshots WHERE month IN (\(binds: months.map(\.description)))"
        ).all()
        return Dictionary(uniqueKeysWithValues: try rows.map(Self.snapshot).map { ($0.month, $0) })
    }

    private static func snapshot(_ row: SQLRow) throws -> Snapshot {
        let month = try row.decode(column: "month", as: String.self)
        let cells = try JSONDecoder().decode(
            [StatisticsCell].self, from: Data(try row.decode(column: "cells", as: String.self).utf8))
        let rolls = try JSONDecoder().decode(
            [String].self, from: Data(try row.decode(column: "payroll_rolls", as: String.self).utf8))
        return Snapshot(
            month: YearMonth(month)!, cells: cells, digest: try row.decode(column: "digest", as: String.self),
            auditSequence: try row.decode(column: "audit_sequence", as: Int64.self), payrollRolls: rolls,
            frozenBy: try row.decode(column: "frozen_by", as: String.self),
            frozenAt: try row.decode(column: "frozen_at", as: Date.self))
    }

    /// Stores the month's snapshot once; false when the month was already frozen (it stays as it was).
    func insert(_ s: Snapshot) async throws -> Bool {
        guard try await snapshot(month: s.month) == nil else { return false }
        let cells = String(decoding: try JSONEncoder().encode(s.cells), as: UTF8.self)
        let rolls = String(decoding: try JSONEncoder().encode(s.payrollRolls), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO statistics_snapshots (id, month, cells, digest, audit_sequence, payroll_rolls, frozen_by, frozen_at)
            VALUES (\(bind: UUID()), \(bind: s.month.description), \(bind: cells), \(bind: s.digest),
              \(bind: s.auditSequence), \(bind: rolls), \(bind: s.frozenBy), \(bind: s.frozenAt))
            """
        ).run()
        return true
    }
}
