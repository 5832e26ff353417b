import Foundation

/// A point on the earth in WGS-84 degrees, as a phone reports it and as facilities are filed.
public struct GeoPoint: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// Nil unless both are finite and on the globe (±90, ±180).
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Both given or neither: nil for neither, a refusal naming the field for one alone or a
    /// value off the globe.
    public static func optional(latitude: Double?, longitude: Double?) throws(FieldProblem) -> GeoPoint? {
        switch (latitude, longitude) {
        case (nil, nil): return nil
        case (nil, _): throw FieldProblem("latitude", "请同时提供纬度和经度")
        case (_, nil): throw FieldProblem("longitude", "请同时提供纬度和经度")
        case let (lat?, lon?):
            guard lat.isFinite, abs(lat) <= 90 else { throw FieldProblem("latitude", "纬度应在 -90 到 90 之间") }
            guard let point = GeoPoint(latitude: lat, longitude: lon) else {
                throw FieldProblem("longitude", "经度应在 -180 到 180 之间")
            }
            return point
        }
    }

    /// The same from degrees typed as text (a form, a query): empty counts as not given, and
    /// a value that is not a number is refused naming its field.
    public static func typed(latitude: String?, longitude: String?) throws(FieldProblem) -> GeoPoint? {
        func degrees(_ text: String?, _ field: String) throws(FieldProblem) -> Double? {
            let typed = (text ?? "").trimmedWhitespace
            if typed.isEmpty { return nil }
            guard let value = Double(typed) else { throw FieldProblem(field, "请填写数字（度），收到 \(typed)") }
            return value
        }
        return try optional(latitude: degrees(latitude, "latitude"), longitude: degrees(longitude, "longitude"))
    }

    static let earthRadiusMetres = 6_371_008.8

    /// The great-circle distance (haversine), in metres.
    public func metres(to other: GeoPoint) -> Double {
        let φ1 = latitude * .pi / 180, φ2 = other.latitude * .pi / 180
        let dφ = φ2 - φ1, dλ = (other.longitude - longitude) * .pi / 180
        let a = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * Self.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }

    /// How many degrees of longitude make as many metres as one degree of latitude here: the
    /// factor that turns a plain squared-degree distance into one that orders points by
    /// their true distance at city scale (a database can sort by it without trigonometry).
    public var longitudeScale: Double { cos(latitude * .pi / 180) }

    /// A distance as people read it: "850 米", "3.2 公里".
    public static func text(metres: Double) -> String {
        metres < 1_000 ? "\(Int((metres / 10).rounded()) * 10) 米" : String(format: "%.1f 公里", metres / 1_000)
    }
}
