import Foundation
import MinzhengExport
import Testing
import ZIPFoundation

/// Issue 13: offices' Excel lists are read back row by row for the household import.
@Suite("Reading .xlsx workbooks")
struct XLSXReaderTests {
    static func rows(of file: URL) throws -> [(Int, [String])] {
        var rows: [(Int, [String])] = []
        try XLSXReader.readFirstSheet(at: file) { rows.append(($0, $1)) }
        return rows
    }

    /// A ZIP file of the given parts, as text.
    static func zip(_ parts: [String: String], to file: URL) throws {
        let archive = try Archive(url: file, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test("what the project's writer writes reads back as text: header, inline strings, numbers, empty cells")
    func roundTrip() throws {
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let sheet = try Spreadsheet.Sheet(
            name: "户籍", header: ["户编号", "姓名", "联系电话", "区划"],
            rows: [
                [.text("A"), .text("张建国 & <李>"), .integer(13_912_345_678), .integer(320_402_001_001)],
                [.text("B"), .empty, .text("0519-88001234"), .text("320402001")],
            ])
        try XLSXWriter.write(Spreadsheet(sheet), to: file)
        let rows = try Self.rows(of: file)
        #expect(rows.map(\.0) == [1, 2, 3])
        #expect(rows[0].1 == ["户编号", "姓名", "联系电话", "区划"])
        #expect(rows[1].1 == ["A", "张建国 & <李>", "13912345678", "320402001001"])
        #expect(rows[2].1 == ["B", "", "0519-88001234", "320402001"])
    }

    /// A workbook as Excel saves it: shared strings (rich text runs, a phonetic guide), the
    /// sheet found through the workbook's relationships, a skipped cell and a skipped row.
    @Test("Excel's shared strings, rich text, sheet relationships, skipped cells and rows")
    func excelStyle() throws {
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let parts = [
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml":
                #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels":
                #"<Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>"#,
            "xl/sharedStrings.xml":
                #"<sst><si><t>姓名</t></si><si><r><t>王</t></r><r><t>秀菊</t></r><rPh><t>おう</t></rPh></si><si><t xml:space="preserve"> 常州 </t></si></sst>"#,
            "xl/worksheets/data.xml": """
            <worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3"><v>1.3912345678E10</v></c><c r="D3" t="b"><v>1</v></c></row>
            </sheetData></worksheet>
            """,
        ]
        try Self.zip(parts, to: file)
        let rows = try Self.rows(of: file)
        #expect(rows.map(\.0) == [1, 3])
        #expect(rows[0].1 == ["姓名", "", " 常州 "])
        #expect(rows[1].1 == ["", "王秀菊", "13912345678", "TRUE"])
    }

    @Test(
        "a file that is no workbook says what it is",
        arguments: [
            (["word/document.xml": "<document/>"], XLSXReader.ReadError.notAWorkbook(wordDocument: true)),
            (["photo.jpg": "x"], .notAWorkbook(wordDocument: false)),
            (
                ["xl/workbook.xml": #"<workbook><sheets><sheet name="名单" r:id="rId1"/></sheets></workbook>"#],
                .damaged(part: "xl/worksheets/sheet1.xml")
            ),
        ])
    func notAWorkbook(parts: [String: String], error: XLSXReader.ReadError) throws {
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.zip(parts, to: file)
        #expect(throws: error) { _ = try Self.rows(of: file) }
    }
}
