import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The public side of `facilities`: what the service map searches and shows to anyone. It
/// reads only what a resident may see (no credit code, no inspections), and a grade only
/// while it is valid.
struct ServiceMapStore {
    let db: SQLDatabase
    let regions: RegionTable

    struct Filter: Sendable, Equatable {
        /// A district or street of the city; nil for the whole city.
        var region: RegionCode?
        var kind: FacilityKind?
        /// At least this grade, valid now.
        var minimumGrade: Int?
        var freeBedsOnly = false
    }

    private func condition(_ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = "\(RegionScope(f.region ?? RegionTable.changzhou).condition("region"))"
        if let k = f.kind { sql = sql + " AND kind = \(bind: k.rawValue)" }
        if let g = f.minimumGrade { sql = sql + " AND grade >= \(bind: g) AND grade_state = 'valid'" }
        if f.freeBedsOnly { sql = sql + " AND beds_total > residents" }
        return sql
    }

    static let listingColumns =
        "id, name, kind, region, address, latitude, longitude, beds_total, nursing_beds, residents, phone, grade, grade_state"

    /// One page of the facilities that match, nearest to `origin` first (those without
    /// coordinates last), or by district, street and name without an origin. The order is
    /// computed by the database from plain arithmetic (`GeoPoint.longitudeScale`), so it works
    /// the same on SQLite and PostgreSQL and only the page's rows leave the database.
    func search(_ filter: Filter, from origin: GeoPoint?, page: PageRequest) async throws -> Page<MapListing> {
        let cond = condition(filter)
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM facilities WHERE \(cond)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let order: SQLQueryString
        if let origin {
            let (lat, lon, k) = (origin.latitude, origin.longitude, origin.longitudeScale)
            order = """
                CASE WHEN latitude IS NULL OR longitude IS NULL THEN 1 ELSE 0 END,
                (latitude - \(bind: lat)) * (latitude - \(bind: lat))
                + (longitude - \(bind: lon)) * \(bind: k) * (longitude - \(bind: lon)) * \(bind: k), name, id
                """
        } else {
            order = "region, name, id"
        }
        let items = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.listingColumns) FROM facilities WHERE \(cond)
            ORDER BY \(order) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try MapListing(row: $0, regions: regions, origin: origin) }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    /// Where every matching facility is, for the dots of the map.
    func points(_ filter: Filter) async throws -> [GeoPoint] {
        try await db.raw(
            """
            SELECT latitude, longitude FROM facilities
            WHERE \(condition(filter)) AND latitude IS NOT NULL AND longitude IS NOT NULL
            """
        ).all().compactMap { r in
            GeoPoint(
                latitude: try r.decode(column: "latitude", as: Double.self),
                longitude: try r.decode(column: "longitude", as: Double.self))
        }
    }

    /// The middle of each district's facilities: where the map writes the district's name.
    func districtMiddles() async throws -> [(district: RegionCode, point: GeoPoint)] {
        try await db.raw(
            """
            SELECT SUBSTR(region, 1, 6) AS district, AVG(latitude) AS lat, AVG(longitude) AS lon FROM facilities
            WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND \(RegionScope(RegionTable.changzhou).condition("region"))
            GROUP BY SUBSTR(region, 1, 6) ORDER BY district
            """
        ).all().compactMap { r in
            guard let code = RegionCode(try r.decode(column: "district", as: String.self)),
                let point = GeoPoint(
                    latitude: try r.decode(column: "lat", as: Double.self),
                    longitude: try r.decode(column: "lon", as: Double.self))
            else { return nil }
            return (code, point)
        }
    }

    /// Every facility of the city with coordinates: its id, kind, region and place.
    func placed() async throws -> [(id: UUID, kind: FacilityKind, region: String, point: GeoPoint)] {
        try await db.raw(
            """
            SELECT id, kind, region, latitude, longitude FROM facilities
            WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND \(RegionScope(RegionTable.changzhou).condition("region"))
            ORDER BY region, name, id
            """
        ).all().compactMap { r in
            guard let kind = FacilityKind(rawValue: try r.decode(column: "kind", as: String.self)),
                let point = GeoPoint(
                    latitude: try r.decode(column: "latitude", as: Double.self),
                    longitude: try r.decode(column: "longitude", as: Double.self))
            else { return nil }
            return (
                try r.decode(column: "id", as: UUID.self), kind, try r.decode(column: "region", as: String.self), point
            )
        }
    }

    /// One facility of the city as the public sees it.
    func listing(id: UUID) async throws -> MapListing? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.listingColumns) FROM facilities
            WHERE id = \(bind: id) AND \(RegionScope(RegionTable.changzhou).condition("region"))
            """
        ).first().map { try MapListing(row: $0, regions: regions, origin: nil) }
    }
}

/// A facility on the public map: what a resident needs to choose and to call.
struct MapListing: Content, Sendable {
    let id: UUID
    let name: String
    let kind: String
    let kindName: String
    let regionName: String
    /// The street it stands in, whose adviser answers questions about it.
    let street: String
    let address: String
    let latitude: Double?
    let longitude: Double?
    let bedsTotal: Int
    let nursingBeds: Int
    let freeBeds: Int
    let phone: String?
    /// The grade while it is valid; a suspended or lapsed grade is not shown.
    let grade: Int?
    /// From the origin of the search, when there was one.
    let metres: Int?
    let distance: String?

    init(row: SQLRow, regions: RegionTable, origin: GeoPoint?) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        kindName = FacilityKind(rawValue: kind)?.chinese ?? kind
        let region = try row.decode(column: "region", as: String.self)
        regionName = RegionCode(region).map { regions.fullName(of: $0) } ?? region
        street = String(region.prefix(9))
        address = try row.decode(column: "address", as: String.self)
        let (lat, lon) = (
            try row.decode(column: "latitude", as: Double?.self), try row.decode(column: "longitude", as: Double?.self)
        )
        (latitude, longitude) = (lat, lon)
        bedsTotal = try row.decode(column: "beds_total", as: Int.self)
        nursingBeds = try row.decode(column: "nursing_beds", as: Int.self)
        freeBeds = max(0, bedsTotal - (try row.decode(column: "residents", as: Int.self)))
        phone = try row.decode(column: "phone", as: String?.self)
        let state = try row.decode(column: "grade_state", as: String?.self)
        grade = state == GradeState.valid.rawValue ? try row.decode(column: "grade", as: Int?.self) : nil
        let point = lat.flatMap { lat in lon.flatMap { GeoPoint(latitude: lat, longitude: $0) } }
        let exact = origin.flatMap { o in point.map { o.metres(to: $0) } }
        metres = exact.map { Int($0.rounded()) }
        distance = exact.map(GeoPoint.text(metres:))
    }

    var location: GeoPoint? { latitude.flatMap { lat in longitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } } }
}
