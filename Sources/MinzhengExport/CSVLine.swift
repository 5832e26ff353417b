import Foundation

/// One line of a CSV export that Excel opens as intended: fields with a comma, quote or
/// line break are quoted, and a field that Excel would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with an apostrophe so that an
/// exported value can never execute (CSV injection).
public enum CSVLine {
    public static func make(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A line for a file only this application reads back (a workbook converted for the
    /// importer): quoted where needed, every value exactly as it is.
    public static func plain(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Excel reads a UTF-8 file as UTF-8 only when it starts with this byte-order mark.
    public static let utf8BOM = "\u{FEFF}"
}
