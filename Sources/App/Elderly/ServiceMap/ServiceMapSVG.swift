import Foundation
import MinzhengCore

/// The service map drawn on the server as inline SVG: no map tiles, no script, nothing
/// fetched from outside. Every matching facility is a dot (all in one path, so that
/// thousands stay small), the listed ones are numbered as in the list below it, district
/// names sit in the middle of their facilities, the starting point is a ring, and a scale
/// bar says how far a kilometre is.
enum ServiceMapSVG {
    static func render(
        dots: [GeoPoint], numbered: [GeoPoint], districts: [(name: String, point: GeoPoint)], origin: GeoPoint?
    ) -> String {
        // Nearest first: the frame closes in on the start and this page's facilities (the
        // others outside it are cut off by the drawing's edge); otherwise the whole match.
        let framed = origin.map { numbered + [$0] } ?? dots + numbered
        guard let map = MapProjection(around: framed.isEmpty ? districts.map(\.point) : framed) else { return "" }
        // Whole drawing units: a 600-unit map is finer than a phone's pixels, and integer
        // text is what keeps thousands of dots cheap (no `String(format:)` per dot).
        func xy(_ p: GeoPoint) -> String {
            let (x, y) = map.place(p)
            return "\(Int(x.rounded())) \(Int(y.rounded()))"
        }
        let (w, h) = (Int(map.width), Int(map.height))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" class=\"service-map\" role=\"img\" aria-label=\"养老服务设施分布图：\(dots.count) 处\">"
        svg += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#f4f7f4\"/>"
        for d in districts {
            let (x, y) = map.place(d.point)
            guard x >= 0, y >= 0, x <= map.width, y <= map.height else { continue }
            svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" class=\"district\" text-anchor=\"middle\">", x, y)
            svg += SVGText.escape(d.name) + "</text>"
        }
        if !dots.isEmpty {
            svg += "<path class=\"dots\" d=\""
            for dot in dots { svg += "M\(xy(dot))h0" }
            svg += "\"/>"
        }
        for (i, p) in numbered.enumerated() {
            let (x, y) = map.place(p)
            svg += String(
                format:
                    "<g class=\"pin\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text></g>",
                x, y, x, y + 4, i + 1)
        }
        if let origin {
            let (x, y) = map.place(origin)
            svg += String(
                format: "<circle class=\"origin\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\"><title>出发点</title></circle>", x, y)
        }
        let km = map.scaleBarKilometres
        let length = Double(km) * map.unitsPerKilometre
        svg += String(
            format:
                "<g class=\"scale\"><path d=\"M12 %d h%.1f\"/><text x=\"12\" y=\"%d\">%d 公里</text><text x=\"%d\" y=\"22\" text-anchor=\"end\">北 ↑</text></g>",
            h - 12, length, h - 18, km, w - 10)
        return svg + "</svg>"
    }

}
