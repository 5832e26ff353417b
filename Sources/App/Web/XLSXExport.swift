import Foundation
import MinzhengExport

/// A list exported as a one-sheet .xlsx, read page by page so that a whole region's list
/// takes no more memory than one page (`XLSXStreamWriter`).
enum XLSXExport {
    /// `page(offset, limit)` gives the next rows; an empty page ends the sheet. Returns the
    /// temporary file (for `FileDownload.send`) and the number of rows written.
    static func write(
        sheet: String, columnWidths: [Double], header: [String], pageSize: Int = 2_000,
        page: (_ offset: Int, _ limit: Int) async throws -> [[Spreadsheet.Cell]]
    ) async throws -> (path: String, rows: Int) {
        let path = NSTemporaryDirectory() + "minzheng-export-\(UUID().uuidString).xlsx"
        let writer = try XLSXStreamWriter(destination: URL(fileURLWithPath: path))
        try writer.beginSheet(name: sheet, columnWidths: columnWidths, header: header)
        var rows = 0
        while true {
            let next = try await page(rows, pageSize)
            guard !next.isEmpty else { break }
            for row in next { try writer.appendRow(row) }
            rows += next.count
        }
        try writer.finish()
        return (path, rows)
    }
}
