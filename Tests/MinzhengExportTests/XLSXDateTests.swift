import MinzhengExport
import Testing

@Suite("XLSX dates")
struct XLSXDateTests {
    @Test(
        "days become Excel serial numbers, including around Excel's fictitious 1900-02-29",
        arguments: [
            (1900, 1, 1, "1"),
            (1900, 2, 28, "59"),
            (1900, 3, 1, "61"),
            (1970, 1, 1, "25569"),
            (2000, 2, 29, "36585"),
            (2024, 2, 29, "45351"),
            (9999, 12, 31, "2958465"),
        ])
    func serial(year: Int, month: Int, day: Int, expected: String) throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.date(year: year, month: month, day: day)]])
        #expect(sheet.contains("<c r=\"A1\" s=\"3\"><v>\(expected)</v></c>"))
    }

    @Test("a real day that Excel cannot hold as a date is written as text")
    func beforeExcelEpoch() throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.date(year: 1899, month: 12, day: 31)]])
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>1899-12-31</t></is></c>"))
    }

    @Test(
        "an impossible day is an error naming the cell",
        arguments: [(2023, 2, 29), (2024, 13, 1), (2024, 4, 31), (2024, 1, 0)])
    func impossible(year: Int, month: Int, day: Int) throws {
        #expect(
            throws: SpreadsheetError.invalidDate(sheet: "Sheet1", row: 2, column: 2, year: year, month: month, day: day)
        ) {
            try XLSXTestSupport.sheetXML(
                header: ["a", "b"], rows: [[.empty, .date(year: year, month: month, day: day)]])
        }
    }
}
