import MinzhengCore
import MinzhengExport
import Vapor

/// CSV downloads that Excel opens as UTF-8 (byte-order mark): small ones built in memory,
/// long ones streamed page by page so that a long export needs no more memory than a short one.
enum CSVDownload {
    static func response(header: [String], rows: [[String]], fileName: String) -> Response {
        let text = CSVLine.utf8BOM + ([CSVLine.make(header)] + rows.map(CSVLine.make)).joined()
        return attachment(Response(status: .ok, body: .init(string: text)), fileName: fileName)
    }

    /// `page(offset)` gives the next rows from `offset`, at most `pageSize`; an empty page ends the file.
    static func streamed(
        header: [String], fileName: String, pageSize: Int = 2_000,
        page: @escaping @Sendable (_ offset: Int, _ limit: Int) async throws -> [[String]]
    ) -> Response {
        attachment(
            Response(
                status: .ok,
                body: .init(asyncStream: { writer in
                    do {
                        try await writer.write(.buffer(ByteBuffer(string: CSVLine.utf8BOM + CSVLine.make(header))))
                        var offset = 0
                        while true {
                            let rows = try await page(offset, pageSize)
                            guard !rows.isEmpty else { break }
                            try await writer.write(.buffer(ByteBuffer(string: rows.map(CSVLine.make).joined())))
                            offset += rows.count
                        }
                        try await writer.write(.end)
                    } catch {
                        try await writer.write(.error(error))
                    }
                })), fileName: fileName)
    }

    /// The rows a job refused, for correcting the file: with `original`, the file's own
    /// columns after the line and the reasons, ready to be imported again.
    static func refusedRows(_ rows: [RowError], original: RefusedRows?, fileName: String) -> Response {
        guard let original else {
            return response(
                header: ["行号 row", "原因 reason"], rows: rows.map { [String($0.row), $0.reason] }, fileName: fileName)
        }
        let table = original.table(reasons: Dictionary(grouping: rows, by: \.row).mapValues { $0.map(\.reason) })
        return response(header: table.header, rows: table.rows, fileName: fileName)
    }

    private static func attachment(_ response: Response, fileName: String) -> Response {
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }
}
