import Foundation

/// Places points of a city on a drawing: equirectangular, longitude shrunk by the cosine of
/// the middle latitude so that a kilometre is as long east–west as north–south (at city
/// scale the error is far below a dot's size). North is up.
public struct MapProjection: Sendable, Equatable {
    public let south: Double, north: Double, west: Double, east: Double
    /// The drawing's size in its own units (an SVG viewBox).
    public let width: Double, height: Double
    private let scale: Double

    /// The box around `points` with `margin` (a share of its span) on every side, drawn
    /// `width` wide; nil without points. A single point gets a box of about 2 km.
    public init?(around points: [GeoPoint], width: Double = 600, margin: Double = 0.06) {
        guard let first = points.first else { return nil }
        var (s, n, w, e) = (first.latitude, first.latitude, first.longitude, first.longitude)
        for p in points.dropFirst() {
            s = min(s, p.latitude)
            n = max(n, p.latitude)
            w = min(w, p.longitude)
            e = max(e, p.longitude)
        }
        let latPad = max((n - s) * margin, 0.01), lonPad = max((e - w) * margin, 0.01)
        south = s - latPad
        north = n + latPad
        west = w - lonPad
        east = e + lonPad
        let shrink = cos((south + north) / 2 * .pi / 180)
        self.width = width
        scale = width / ((east - west) * shrink)
        height = ((north - south) * scale).rounded()
    }

    /// Where `point` falls on the drawing (it may fall outside for a point outside the box).
    public func place(_ point: GeoPoint) -> (x: Double, y: Double) {
        let shrink = cos((south + north) / 2 * .pi / 180)
        return ((point.longitude - west) * shrink * scale, (north - point.latitude) * scale)
    }

    /// Drawing units per kilometre.
    public var unitsPerKilometre: Double { scale / 111.195 }

    /// A round scale-bar length (1, 2, 5, 10, 20 … km) near a fifth of the drawing's width.
    public var scaleBarKilometres: Int {
        let wanted = width / 5 / unitsPerKilometre
        return [1, 2, 5, 10, 20, 50, 100].last { Double($0) <= wanted } ?? 1
    }
}
