import Foundation
import MinzhengCore

/// A horizontal bar chart as inline SVG: readable on a phone, no script, no library.
/// Labels and values are escaped.
enum BarChartSVG {
    /// Bars of amounts in fen, shown in yuan; `format` shows other quantities.
    static func render(bars: [(label: String, fen: Int64)], format: (Int64) -> String = { Fen($0).formatted }) -> String
    {
        guard let largest = bars.map(\.fen).max(), largest > 0 else { return "" }
        let rowHeight = 28, labelWidth = 90, barWidth = 220, valueWidth = 150
        let width = labelWidth + barWidth + valueWidth
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(bars.count * rowHeight + 8)\" role=\"img\" class=\"chart\" aria-label=\"图表\">"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 4
            let length = max(1, Int(Double(barWidth) * Double(bar.fen) / Double(largest)))
            svg += "<text x=\"0\" y=\"\(y + 18)\" font-size=\"13\">\(SVGText.escape(bar.label))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"18\" fill=\"#1f6feb\"><title>\(SVGText.escape(bar.label)) \(SVGText.escape(format(bar.fen)))</title></rect>"
            svg +=
                "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 18)\" font-size=\"12\">\(SVGText.escape(format(bar.fen)))</text>"
        }
        return svg + "</svg>"
    }
}

/// Text put into SVG markup, escaped so that it cannot end an element or an attribute.
enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
