import Foundation
import MinzhengCore
import SQLKit

/// What the planning view reads besides the region offices: the older residents of each
/// community, and the neighbourhood facilities of the whole city (the nearest may stand
/// across a street's or district's boundary).
struct ServiceCoverageStore {
    let db: SQLDatabase

    /// Living registry persons in a household of each community within `scope`, counting
    /// those born on or before `bornBy` (aged 60+ on the day the caller chose).
    func olderResidents(within scope: RegionScope, bornBy: CivilDate) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for r in try await db.raw(
            """
            SELECT region, CAST(SUM(CASE WHEN birth_date <= \(bind: bornBy.description) THEN 1 ELSE 0 END) AS BIGINT) AS n
            FROM persons WHERE \(scope.condition("region")) AND LENGTH(region) = 12
              AND deceased_on IS NULL AND household_id IS NOT NULL
            GROUP BY region
            """
        ).all() {
            out[try r.decode(column: "region", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// Every facility of the city that serves its neighbourhood and has coordinates.
    func centres() async throws -> [ServiceCoverage.Centre] {
        let kinds = FacilityKind.allCases.filter(\.servesNeighbourhood).map(\.rawValue)
        return try await db.raw(
            """
            SELECT name, latitude, longitude FROM facilities
            WHERE kind IN \(SQLBind.group(kinds)) AND latitude IS NOT NULL AND longitude IS NOT NULL
              AND \(RegionScope(RegionTable.changzhou).condition("region"))
            """
        ).all().compactMap { r in
            guard
                let point = GeoPoint(
                    latitude: try r.decode(column: "latitude", as: Double.self),
                    longitude: try r.decode(column: "longitude", as: Double.self))
            else { return nil }
            return ServiceCoverage.Centre(name: try r.decode(column: "name", as: String.self), location: point)
        }
    }
}
