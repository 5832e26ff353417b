import MinzhengExport
import Testing

@Suite("Sheet name rules")
struct SheetNameTests {
    private func sheet(_ name: String) throws -> Spreadsheet.Sheet {
        try Spreadsheet.Sheet(name: name, header: ["h"], rows: [])
    }

    @Test(
        "names Excel accepts",
        arguments: [
            "低保对象", "2024年第1季度", "A", String(repeating: "名", count: 31), "O'Brien", "a-b_c (d) #1", "Historical",
        ])
    func accepted(name: String) throws {
        #expect(try sheet(name).name == name)
    }

    @Test("an empty name is refused")
    func empty() {
        #expect(throws: SpreadsheetError.sheetNameEmpty) { try sheet("") }
    }

    @Test("more than 31 characters is refused, counted as Excel counts (UTF-16)")
    func tooLong() {
        let name = String(repeating: "名", count: 32)
        #expect(throws: SpreadsheetError.sheetNameTooLong(name, length: 32)) { try sheet(name) }
        // An emoji is two UTF-16 units, so 16 of them are 32.
        let emoji = String(repeating: "😀", count: 16)
        #expect(throws: SpreadsheetError.sheetNameTooLong(emoji, length: 32)) { try sheet(emoji) }
    }

    @Test(
        "characters Excel forbids are refused, naming the character", arguments: ["[", "]", ":", "*", "?", "/", "\\"])
    func forbidden(character: String) throws {
        let name = "低保\(character)名单"
        let error = #expect(throws: SpreadsheetError.self) { try sheet(name) }
        #expect(error == .sheetNameHasForbiddenCharacter(name, Character(character)))
        #expect(error?.description.contains("\"\(character)\"") == true)
    }

    @Test("control characters are refused and shown by code point")
    func control() {
        let error = #expect(throws: SpreadsheetError.self) { try sheet("a\u{1}b") }
        #expect(error?.description.contains("U+1") == true)
    }

    @Test("an apostrophe may not start or end a name", arguments: ["'低保", "低保'"])
    func apostrophe(name: String) {
        #expect(throws: SpreadsheetError.sheetNameStartsOrEndsWithApostrophe(name)) { try sheet(name) }
    }

    @Test("History is reserved by Excel")
    func reserved() {
        #expect(throws: SpreadsheetError.sheetNameReserved("history")) { try sheet("history") }
    }

    @Test("names must be unique, ignoring case")
    func duplicate() throws {
        let sheets = [try sheet("Summary"), try sheet("低保"), try sheet("SUMMARY")]
        let error = #expect(throws: SpreadsheetError.self) { try Spreadsheet(sheets: sheets) }
        #expect(error == .duplicateSheetName("SUMMARY"))
        #expect(
            error?.description
                == "Two sheets are named \"SUMMARY\"; Excel needs unique names (ignoring upper/lower case).")
    }

    @Test("a workbook needs a sheet")
    func noSheets() {
        #expect(throws: SpreadsheetError.noSheets) { try Spreadsheet(sheets: []) }
    }
}
