import Foundation
import MinzhengExport
import Testing

@Suite("XLSX read back by openpyxl")
struct XLSXOpenpyxlTests {
    @Test(
        "openpyxl reads the values, types, formats and layout we wrote",
        .enabled(if: OpenpyxlReader.isAvailable, Comment(rawValue: OpenpyxlReader.unavailableMessage)))
    func readBack() throws {
        let people = try Spreadsheet.Sheet(
            name: "低保对象 & 特困",
            columnWidths: [12, 24],
            header: ["姓名", "身份证号", "银行账号", "月保障金", "认定日期", "人数", "在册", "备注"],
            rows: [
                [
                    .text("张三"), .text("110101199003077777"), .text("6222021234567890123"), .money(fen: 123_456),
                    .date(year: 2024, month: 2, day: 29), .integer(3), .boolean(true), .text("<&>\"' 👨‍👩‍👧 𠀀"),
                ],
                [
                    .text("  李四  "), .text("11010119900307777X"), .empty, .money(fen: 1),
                    .date(year: 1900, month: 2, day: 28), .integer(-42), .boolean(false), .text("a\u{1}b\nc\td"),
                ],
                [.text("=1+1"), .empty, .empty, .money(fen: 999_999_999_999), .empty, .empty, .empty, .empty],
                [.empty, .empty, .empty, .money(fen: -5), .empty, .empty, .empty, .empty],
            ]
        )
        let plain = try Spreadsheet.Sheet(name: "Summary", header: [], rows: [[.text("合计"), .money(fen: 0)]])
        let file = XLSXTestSupport.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try XLSXWriter.write(Spreadsheet(sheets: [people, plain]), to: file)

        let book = try OpenpyxlReader.read(file)
        #expect(book.sheetNames == ["低保对象 & 特困", "Summary"])
        let sheet = try #require(book.sheets["低保对象 & 特困"])
        #expect(
            sheet.cells[0] == ["str:姓名", "str:身份证号", "str:银行账号", "str:月保障金", "str:认定日期", "str:人数", "str:在册", "str:备注"])
        #expect(
            sheet.cells[1] == [
                "str:张三", "str:110101199003077777", "str:6222021234567890123", "float:1234.56",
                "datetime:2024-02-29T00:00:00", "int:3", "bool:True", "str:<&>\"' 👨‍👩‍👧 𠀀",
            ])
        #expect(
            sheet.cells[2] == [
                "str:  李四  ", "str:11010119900307777X", "NoneType:None", "float:0.01",
                "datetime:1900-02-28T00:00:00", "int:-42", "bool:False", "str:ab\nc\td",
            ])
        #expect(sheet.cells[3].prefix(4) == ["str:=1+1", "NoneType:None", "NoneType:None", "float:9999999999.99"])
        #expect(sheet.cells[4][3] == "float:-0.05")
        #expect(sheet.numberFormats[1][3] == "#,##0.00")
        #expect(sheet.numberFormats[1][4] == "yyyy-mm-dd")
        #expect(sheet.boldHeader == Array(repeating: true, count: 8))
        #expect(sheet.freezePanes == "A2")
        #expect(sheet.columnWidths == ["A": 12, "B": 24])

        let summary = try #require(book.sheets["Summary"])
        #expect(summary.cells == [["str:合计", "float:0.0"]])
        #expect(summary.freezePanes == nil)
        #expect(summary.boldHeader == [false, false])
    }
}
