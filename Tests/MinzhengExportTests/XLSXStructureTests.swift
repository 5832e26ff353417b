import Foundation
import MinzhengExport
import Testing

@Suite("XLSX package structure")
struct XLSXStructureTests {
    private static func sampleWorkbook() throws -> Spreadsheet {
        let people = try Spreadsheet.Sheet(
            name: "低保对象",
            columnWidths: [10, 22.5],
            header: ["姓名", "身份证号", "月保障金", "认定日期", "在册", "备注", "人数"],
            rows: [
                [
                    .text("张三"), .text("110101199003077777"), .money(fen: 123_456),
                    .date(year: 2024, month: 2, day: 29),
                    .boolean(true), .empty, .integer(3),
                ]
            ]
        )
        let summary = try Spreadsheet.Sheet(name: "汇总", header: [], rows: [[.text("合计"), .money(fen: 123_456)]])
        return try Spreadsheet(sheets: [people, summary])
    }

    @Test("the package holds exactly the parts Excel needs")
    func partsExist() throws {
        let parts = try XLSXTestSupport.parts(of: XLSXWriter.write(Self.sampleWorkbook()))
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        let contentTypes = try #require(parts["[Content_Types].xml"])
        #expect(contentTypes.contains("PartName=\"/xl/worksheets/sheet2.xml\""))
        #expect(contentTypes.contains("PartName=\"/xl/styles.xml\""))
        #expect(try #require(parts["_rels/.rels"]).contains("Target=\"xl/workbook.xml\""))
        let relationships = try #require(parts["xl/_rels/workbook.xml.rels"])
        #expect(
            relationships.contains(
                "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\""
            ))
        #expect(
            relationships.contains(
                "Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""))
    }

    @Test("the workbook lists the sheets in order, the first one selected")
    func workbookSheets() throws {
        let parts = try XLSXTestSupport.parts(of: XLSXWriter.write(Self.sampleWorkbook()))
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(
            workbook.contains(
                "<sheet name=\"低保对象\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"汇总\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(try #require(parts["xl/worksheets/sheet1.xml"]).contains("tabSelected=\"1\""))
        #expect(try #require(parts["xl/worksheets/sheet2.xml"]).contains("tabSelected") == false)
    }

    @Test("each kind of cell is written with its type and format")
    func cells() throws {
        let parts = try XLSXTestSupport.parts(of: XLSXWriter.write(Self.sampleWorkbook()))
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c>"))
        #expect(sheet.contains("<c r=\"C2\" s=\"2\"><v>1234.56</v></c>"))
        #expect(sheet.contains("<c r=\"D2\" s=\"3\"><v>45351</v></c>"))  // 2024-02-29
        #expect(sheet.contains("<c r=\"E2\" t=\"b\"><v>1</v></c>"))
        #expect(!sheet.contains("r=\"F2\""), "an empty cell is left out")
        #expect(sheet.contains("<c r=\"G2\"><v>3</v></c>"))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains("formatCode=\"#,##0.00\""))
        #expect(styles.contains("formatCode=\"yyyy-mm-dd\""))
    }

    @Test("the header row is bold and frozen; column widths are set")
    func headerAndWidths() throws {
        let parts = try XLSXTestSupport.parts(of: XLSXWriter.write(Self.sampleWorkbook()))
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(
            sheet.contains(
                "<cols><col min=\"1\" max=\"1\" width=\"10.0\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"22.5\" customWidth=\"1\"/></cols>"
            ))
        let summary = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(!summary.contains("<pane"), "no header, nothing to freeze")
        #expect(summary.contains("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>合计</t></is></c>"))
    }

    @Test("writing to a file replaces what was there")
    func writesToFile() throws {
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("old".utf8).write(to: file)
        try XLSXWriter.write(Self.sampleWorkbook(), to: file)
        #expect(try XLSXTestSupport.parts(ofFileAt: file)["xl/workbook.xml"] != nil)
    }

    @Test("an ID number stays text, never a number Excel would round to 1.10101E+17")
    func identityNumberIsText() throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.text("110101199003077777"), .text("6222021234567890123")]])
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>110101199003077777</t></is></c>"))
        #expect(sheet.contains("<c r=\"B1\" t=\"inlineStr\"><is><t>6222021234567890123</t></is></c>"))
        #expect(!sheet.contains("<v>110101199003077777</v>"))
        #expect(sheet.contains("numberStoredAsText=\"1\""), "Excel should not flag IDs with a warning triangle")
    }

    @Test("columns past Z are lettered as Excel does")
    func columnLetters() throws {
        let row = Array(repeating: Spreadsheet.Cell.integer(1), count: 28)
        let sheet = try XLSXTestSupport.sheetXML(rows: [row])
        #expect(sheet.contains("<c r=\"Z1\">"))
        #expect(sheet.contains("<c r=\"AA1\">"))
        #expect(sheet.contains("<c r=\"AB1\">"))
    }
}
