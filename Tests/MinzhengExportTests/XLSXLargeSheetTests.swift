import Foundation
import MinzhengExport
import Testing

@Suite("XLSX large sheets")
struct XLSXLargeSheetTests {
    @Test("a 100 000-row export is written completely")
    func hundredThousandRows() throws {
        let rowCount = 100_000
        let rows: [[Spreadsheet.Cell]] = (1...rowCount).map { number in
            [
                .integer(Int64(number)), .text("姓名\(number)"), .text("3204021990\(String(number).leftPadded(to: 8))"),
                .money(fen: Int64(number) * 37), .date(year: 2024, month: 1 + number % 12, day: 1),
                .boolean(number.isMultiple(of: 2)),
            ]
        }
        let sheet = try Spreadsheet.Sheet(name: "大表", header: ["序号", "姓名", "身份证号", "金额", "日期", "在册"], rows: rows)
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try XLSXWriter.write(Spreadsheet(sheet), to: file)

        let xml = try #require(XLSXTestSupport.parts(ofFileAt: file)["xl/worksheets/sheet1.xml"])
        #expect(xml.contains("<c r=\"F100001\" t=\"b\"><v>1</v></c></row></sheetData>"))
        #expect(xml.hasSuffix("</worksheet>"))
        #expect(xml.contains("<c r=\"C100001\" t=\"inlineStr\"><is><t>320402199000100000</t></is></c>"))
        #expect(xml.contains("<c r=\"D100001\" s=\"2\"><v>37000.00</v></c>"))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
