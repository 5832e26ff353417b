import Foundation
import MinzhengExport
import Testing

@Suite("XLSX limits and writer misuse")
struct XLSXLimitsTests {
    @Test("a text longer than Excel's 32 767 characters is an error naming the cell")
    func textTooLong() {
        let text = String(repeating: "字", count: 32_768)
        #expect(throws: SpreadsheetError.textTooLong(sheet: "Sheet1", row: 2, column: 1, length: 32_768)) {
            try XLSXTestSupport.sheetXML(header: ["备注"], rows: [[.text(text)]])
        }
        #expect(throws: Never.self) { try XLSXTestSupport.sheetXML(rows: [[.text(String(text.dropFirst()))]]) }
    }

    @Test("column widths must be within 0…255")
    func columnWidth() {
        #expect(throws: SpreadsheetError.invalidColumnWidth(sheet: "s", column: 2, width: 300)) {
            try Spreadsheet.Sheet(name: "s", columnWidths: [10, 300], header: [], rows: [])
        }
    }

    @Test("more than 16 384 columns is an error")
    func tooManyColumns() {
        let row = Array(repeating: Spreadsheet.Cell.empty, count: 16_385)
        #expect(throws: SpreadsheetError.tooManyColumns(sheet: "Sheet1", row: 1, count: 16_385)) {
            try XLSXTestSupport.sheetXML(rows: [row])
        }
    }

    @Test("more rows than Excel's 1 048 576 is an error, header included")
    func tooManyRows() {
        let rows = Array(repeating: [Spreadsheet.Cell](), count: 1_048_576)
        #expect(throws: SpreadsheetError.tooManyRows(sheet: "s", count: 1_048_577)) {
            try Spreadsheet.Sheet(name: "s", header: ["h"], rows: rows)
        }
    }

    @Test("the stream writer refuses rows before a sheet, a repeated name, and use after finish")
    func streamMisuse() throws {
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try XLSXStreamWriter(destination: file)
        #expect(throws: SpreadsheetError.rowBeforeFirstSheet) { try writer.appendRow([.integer(1)]) }
        try writer.beginSheet(name: "一", header: ["h"])
        #expect(throws: SpreadsheetError.duplicateSheetName("一")) { try writer.beginSheet(name: "一", header: []) }
        try writer.appendRow([.integer(1)])
        try writer.finish()
        #expect(throws: SpreadsheetError.writerFinished) { try writer.appendRow([.integer(2)]) }
        #expect(throws: SpreadsheetError.writerFinished) { try writer.finish() }
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test("finishing without any sheet is an error and writes nothing")
    func streamWithoutSheets() throws {
        let file = XLSXTestSupport.temporaryFile()
        let writer = try XLSXStreamWriter(destination: file)
        #expect(throws: SpreadsheetError.noSheets) { try writer.finish() }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
