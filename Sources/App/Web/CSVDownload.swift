import MinzhengExport
import Vapor

/// A small CSV built in memory as a download that Excel opens as UTF-8 (byte-order mark).
/// Long exports stream instead (`/audit.csv`, `/tasks.csv`).
enum CSVDownload {
    static func response(header: [String], rows: [[String]], fileName: String) -> Response {
        let text = CSVLine.utf8BOM + ([CSVLine.make(header)] + rows.map(CSVLine.make)).joined()
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }

    /// The rows a job refused, for correcting the file.
    static func refusedRows(_ rows: [(row: Int, reason: String)], fileName: String) -> Response {
        response(header: ["行号 row", "原因 reason"], rows: rows.map { [String($0.row), $0.reason] }, fileName: fileName)
    }
}
