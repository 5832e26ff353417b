import Foundation
import Testing
import MinzhengExport
import ZIPFoundation

/// Opens written workbooks the way a reader would: unzip with ZIPFoundation, look at the parts.
enum XLSXTestSupport {
    static func temporaryFile(_ suffix: String = ".xlsx") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "minzheng-export-test-\(UUID().uuidString)\(suffix)")
    }

    /// Every part of the package, by path, decoded as UTF-8 text.
    static func parts(of data: Data) throws -> [String: String] {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        return try parts(ofFileAt: file)
    }

    static func parts(ofFileAt file: URL) throws -> [String: String] {
        let archive = try Archive(url: file, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// The XML of the first worksheet of a one-sheet workbook holding `rows` under `header`.
    static func sheetXML(header: [String] = [], rows: [[Spreadsheet.Cell]]) throws -> String {
        let sheet = try Spreadsheet.Sheet(name: "Sheet1", header: header, rows: rows)
        let parts = try parts(of: XLSXWriter.write(Spreadsheet(sheet)))
        return try #require(parts["xl/worksheets/sheet1.xml"])
    }
}
