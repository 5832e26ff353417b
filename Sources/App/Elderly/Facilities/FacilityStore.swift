import Foundation
import MinzhengCore
import SQLKit

/// The only code that names `facilities`: filing, editing, the list, the grade columns the
/// grading and the hourly round set, and the bed totals.
struct FacilityStore {
    let db: SQLDatabase
    let regions: RegionTable

    struct Filter: Sendable {
        var region: RegionScope?
        var kind: FacilityKind?
        /// 1–5, or 0 for facilities without a valid grade.
        var grade: Int?
        var name: String?
    }

    private func condition(_ scope: RegionScope, _ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = "\(scope.condition("region"))"
        if let r = f.region { sql = sql + " AND \(r.condition("region"))" }
        if let k = f.kind { sql = sql + " AND kind = \(bind: k.rawValue)" }
        if let g = f.grade {
            sql =
                g == 0
                ? sql + " AND (grade IS NULL OR grade_state <> 'valid')"
                : sql + " AND grade = \(bind: g) AND grade_state = 'valid'"
        }
        if let n = f.name, !n.isEmpty { sql = sql + " AND name LIKE \(bind: "%" + n + "%")" }
        return sql
    }

    func facility(id: UUID, within scope: RegionScope) async throws -> FacilityRecord? {
        try await db.raw(
            "SELECT \(unsafeRaw: FacilityRecord.columns) FROM facilities WHERE id = \(bind: id) AND \(scope.condition("region"))"
        ).first().map { try FacilityRecord(row: $0, regions: regions) }
    }

    func page(within scope: RegionScope, filter: Filter, page: PageRequest) async throws -> Page<FacilityRecord> {
        let cond = condition(scope, filter)
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM facilities WHERE \(cond)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let items = try await db.raw(
            """
            SELECT \(unsafeRaw: FacilityRecord.columns) FROM facilities WHERE \(cond)
            ORDER BY region, name, id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try FacilityRecord(row: $0, regions: regions) }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM facilities").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static let insertColumns = [
        "id", "name", "kind", "operator_name", "credit_code", "region", "address", "latitude", "longitude", "filed_on",
        "beds_total", "nursing_beds", "residents", "phone", "fire_acceptance", "fire_standard",
        "last_serious_incident_on", "grade", "grade_certified_on", "grade_expires_on", "grade_state", "version",
        "created_at", "updated_at",
    ]

    /// Files a facility; a demo facility may come with its grade.
    func insert(
        _ d: FacilityDraft, id: UUID, grade: (Int, GradeValidity, GradeState)? = nil, at now: Date
    ) async throws {
        let values: [any Encodable & Sendable] = [
            id, d.name, d.kind.rawValue, d.operatorName, d.creditCode.value, d.region.value, d.address, d.latitude,
            d.longitude, d.filedOn.description, d.bedsTotal, d.nursingBeds, d.residents, d.phone, d.fireSafetyAccepted,
            d.fireStandard.rawValue, d.lastSeriousIncidentOn?.description, grade?.0,
            grade?.1.certifiedOn.description, grade?.1.expiresOn.description, grade?.2.rawValue, 1, now, now,
        ]
        try await db.insert(into: "facilities").columns(Self.insertColumns).values(values.map { SQLBind($0) }).run()
    }

    /// Saves the edit when `version` is current; false when someone else saved first.
    func update(id: UUID, _ d: FacilityDraft, version: Int, at now: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE facilities SET name = \(bind: d.name), kind = \(bind: d.kind.rawValue), operator_name = \(bind: d.operatorName),
            credit_code = \(bind: d.creditCode.value), region = \(bind: d.region.value), address = \(bind: d.address),
            latitude = \(bind: d.latitude), longitude = \(bind: d.longitude), filed_on = \(bind: d.filedOn.description),
            beds_total = \(bind: d.bedsTotal), nursing_beds = \(bind: d.nursingBeds), residents = \(bind: d.residents),
            phone = \(bind: d.phone), fire_acceptance = \(bind: d.fireSafetyAccepted), fire_standard = \(bind: d.fireStandard.rawValue),
            last_serious_incident_on = \(bind: d.lastSeriousIncidentOn?.description),
            version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// The grading's decision: the grade, its dates and `valid`.
    func setGrade(id: UUID, grade: Int, validity: GradeValidity, at now: Date) async throws {
        try await db.raw(
            """
            UPDATE facilities SET grade = \(bind: grade), grade_certified_on = \(bind: validity.certifiedOn.description),
            grade_expires_on = \(bind: validity.expiresOn.description), grade_state = 'valid',
            version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: id)
            """
        ).run()
    }

    /// Grades past their expiry become `lapsed`; answers the facilities changed.
    func lapseExpired(today: CivilDate, at now: Date) async throws -> [(id: UUID, region: String)] {
        try await db.raw(
            """
            UPDATE facilities SET grade_state = 'lapsed', version = version + 1, updated_at = \(bind: now)
            WHERE grade IS NOT NULL AND grade_state <> 'lapsed' AND grade_expires_on <= \(bind: today.description)
            RETURNING id, region
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self)) }
    }

    /// Valid grades of the facilities given become `suspended`.
    func suspend(ids: [UUID], at now: Date) async throws -> [(id: UUID, region: String)] {
        guard !ids.isEmpty else { return [] }
        return try await db.raw(
            """
            UPDATE facilities SET grade_state = 'suspended', version = version + 1, updated_at = \(bind: now)
            WHERE grade_state = 'valid' AND id IN \(SQLBind.group(ids)) RETURNING id, region
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self)) }
    }

    /// Valid grades expiring before `until`, soonest first.
    func expiring(within scope: RegionScope, before until: CivilDate) async throws -> [FacilityRecord] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: FacilityRecord.columns) FROM facilities
            WHERE \(scope.condition("region")) AND grade_state = 'valid' AND grade_expires_on < \(bind: until.description)
            ORDER BY grade_expires_on, name
            """
        ).all().map { try FacilityRecord(row: $0, regions: regions) }
    }

    /// Beds per district of the scope (per street when the scope is one district or street).
    func bedTotals(within scope: RegionScope) async throws -> [(region: String, totals: BedTotals)] {
        let length = scope.prefix.utf8.count >= 6 ? 9 : 6
        return try await db.raw(
            """
            SELECT SUBSTR(region, 1, \(unsafeRaw: String(length))) AS area, COUNT(*) AS n,
            CAST(SUM(beds_total) AS BIGINT) AS beds, CAST(SUM(nursing_beds) AS BIGINT) AS nursing,
            CAST(SUM(residents) AS BIGINT) AS residents
            FROM facilities WHERE \(scope.condition("region")) GROUP BY SUBSTR(region, 1, \(unsafeRaw: String(length)))
            ORDER BY area
            """
        ).all().map { r in
            (
                try r.decode(column: "area", as: String.self),
                BedTotals(
                    facilities: try r.decode(column: "n", as: Int.self),
                    beds: try r.decode(column: "beds", as: Int.self),
                    nursingBeds: try r.decode(column: "nursing", as: Int.self),
                    residents: try r.decode(column: "residents", as: Int.self))
            )
        }
    }
}
