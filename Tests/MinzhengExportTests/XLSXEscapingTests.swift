import MinzhengExport
import Testing

@Suite("XLSX text escaping")
struct XLSXEscapingTests {
    /// The XML written for a text cell holding `text`, between `<t>` and `</t>`.
    private func written(_ text: String) throws -> String {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.text(text)]])
        let start = try #require(sheet.range(of: "<is><t>") ?? sheet.range(of: "<is><t xml:space=\"preserve\">"))
        let end = try #require(sheet.range(of: "</t></is>"))
        return String(sheet[start.upperBound..<end.lowerBound])
    }

    @Test(
        "markup characters become entities",
        arguments: [
            ("<&>\"'", "&lt;&amp;&gt;&quot;'"),
            ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
            ("</t></is></c><c><v>1</v>", "&lt;/t&gt;&lt;/is&gt;&lt;/c&gt;&lt;c&gt;&lt;v&gt;1&lt;/v&gt;"),
        ])
    func markup(text: String, expected: String) throws {
        #expect(try written(text) == expected)
    }

    @Test(
        "Chinese text and emoji pass through unchanged",
        arguments: [
            "江苏省常州市天宁区民政局",
            "👨‍👩‍👧 家庭 🏠",
            "𠀀𪚥",  // outside the Basic Multilingual Plane, as rare name characters are
        ])
    func unicode(text: String) throws {
        #expect(try written(text) == text)
    }

    @Test(
        "characters XML 1.0 forbids are dropped; tab and line breaks stay",
        arguments: [
            ("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g", "abcdefg"),
            ("bad\u{FFFE}\u{FFFF}end", "badend"),
            ("col1\tcol2\nline2", "col1\tcol2\nline2"),
            ("keep \u{FFFD} replacement", "keep \u{FFFD} replacement"),
        ])
    func illegalCharacters(text: String, expected: String) throws {
        #expect(try written(text) == expected)
    }

    @Test(
        "Excel's _xHHHH_ escapes are themselves escaped, so the text reads back unchanged",
        arguments: [
            ("_x0041_", "_x005F_x0041_"),
            ("a_x00e9_b", "a_x005F_x00e9_b"),
            ("_x12_", "_x12_"),
            ("snake_case_x", "snake_case_x"),
        ])
    func excelEscapes(text: String, expected: String) throws {
        #expect(try written(text) == expected)
    }

    @Test("leading and trailing blanks are kept")
    func blanks() throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.text("  两端空格  "), .text("中间 空格")]])
        #expect(sheet.contains("<t xml:space=\"preserve\">  两端空格  </t>"))
        #expect(sheet.contains("<t>中间 空格</t>"))
    }

    @Test("a formula-looking text stays text")
    func formulaText() throws {
        let sheet = try XLSXTestSupport.sheetXML(rows: [[.text("=HYPERLINK(\"http://x\")")]])
        #expect(sheet.contains("<t>=HYPERLINK(&quot;http://x&quot;)</t>"))
        #expect(!sheet.contains("<f>"))
    }

    @Test("sheet names are escaped in the workbook")
    func sheetNameEscaped() throws {
        let sheet = try Spreadsheet.Sheet(name: "A&B <\"1\">", header: ["h"], rows: [])
        let parts = try XLSXTestSupport.parts(of: XLSXWriter.write(Spreadsheet(sheet)))
        #expect(try #require(parts["xl/workbook.xml"]).contains("<sheet name=\"A&amp;B &lt;&quot;1&quot;&gt;\""))
    }
}
