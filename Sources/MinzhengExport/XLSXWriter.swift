import Foundation

/// Writes a `Spreadsheet` as an Office Open XML workbook (.xlsx), readable by Excel, WPS,
/// LibreOffice and openpyxl. For exports too large to hold as a `Spreadsheet`, use
/// `XLSXStreamWriter`, which this is built on.
public enum XLSXWriter {
    /// The media type to send with a downloaded .xlsx file.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func write(_ spreadsheet: Spreadsheet, to url: URL) throws {
        let writer = try XLSXStreamWriter(destination: url)
        for sheet in spreadsheet.sheets {
            try writer.beginSheet(name: sheet.name, columnWidths: sheet.columnWidths, header: sheet.header)
            for row in sheet.rows { try writer.appendRow(row) }
        }
        try writer.finish()
    }

    /// The .xlsx file's bytes, e.g. for an HTTP response body.
    public static func write(_ spreadsheet: Spreadsheet) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("minzheng-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try write(spreadsheet, to: file)
        return try Data(contentsOf: file)
    }
}
