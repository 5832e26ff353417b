import Foundation
import MinzhengCore
import SQLKit

/// The only code that names `region_locations`: where a street's or a community's office is.
struct RegionLocationStore {
    let db: SQLDatabase

    /// The recorded locations of the codes within `scope` at `level` (all levels for nil).
    func locations(within scope: RegionScope, level: RegionCode.Level? = nil) async throws -> [String: GeoPoint] {
        var sql: SQLQueryString =
            "SELECT code, latitude, longitude FROM region_locations WHERE \(scope.condition("code"))"
        if let level { sql = sql + " AND LENGTH(code) = \(bind: level.rawValue)" }
        var out: [String: GeoPoint] = [:]
        for r in try await db.raw(sql).all() {
            if let p = GeoPoint(
                latitude: try r.decode(column: "latitude", as: Double.self),
                longitude: try r.decode(column: "longitude", as: Double.self))
            {
                out[try r.decode(column: "code", as: String.self)] = p
            }
        }
        return out
    }

    func location(of code: RegionCode) async throws -> GeoPoint? {
        try await locations(within: RegionScope(code), level: code.level)[code.value]
    }

    /// Records (or moves) a region's office; answers the location it had before.
    @discardableResult
    func set(_ code: RegionCode, to point: GeoPoint, by actor: String, at now: Date) async throws -> GeoPoint? {
        let before = try await location(of: code)
        if before == nil {
            try await db.insert(into: "region_locations")
                .columns("code", "latitude", "longitude", "set_by", "updated_at")
                .values(
                    SQLBind(code.value), SQLBind(point.latitude), SQLBind(point.longitude), SQLBind(actor), SQLBind(now)
                ).run()
        } else {
            try await db.raw(
                """
                UPDATE region_locations SET latitude = \(bind: point.latitude), longitude = \(bind: point.longitude),
                set_by = \(bind: actor), updated_at = \(bind: now) WHERE code = \(bind: code.value)
                """
            ).run()
        }
        return before
    }
}
