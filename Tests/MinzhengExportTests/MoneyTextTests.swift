import MinzhengExport
import Testing

@Suite("Money amounts in yuan")
struct MoneyTextTests {
    @Test(
        "fen become an exact two-decimal yuan string",
        arguments: [
            (Int64(0), "0.00"),
            (1, "0.01"),
            (10, "0.10"),
            (100, "1.00"),
            (123_456, "1234.56"),
            (999_999_999_999, "9999999999.99"),
            (-1, "-0.01"),
            (-123_456, "-1234.56"),
            (Int64.max, "92233720368547758.07"),
            (Int64.min, "-92233720368547758.08"),
        ])
    func yuan(fen: Int64, expected: String) {
        #expect(MoneyText.yuan(fromFen: fen) == expected)
    }

    @Test("amounts are written to the sheet as numbers in the money format")
    func inSheet() throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [
            [.money(fen: 1), .money(fen: 999_999_999_999), .money(fen: -50)]
        ])
        #expect(sheet.contains("<c r=\"A1\" s=\"2\"><v>0.01</v></c>"))
        #expect(sheet.contains("<c r=\"B1\" s=\"2\"><v>9999999999.99</v></c>"))
        #expect(sheet.contains("<c r=\"C1\" s=\"2\"><v>-0.50</v></c>"))
    }
}
