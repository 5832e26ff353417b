import MinzhengExport
import Testing

@Suite("CSV export lines")
struct CSVLineTests {
    @Test(
        "quoting and formula neutralising",
        arguments: [
            (["a", "b"], "a,b\r\n"),
            (["常州, 天宁区", "x"], "\"常州, 天宁区\",x\r\n"),
            (["say \"hi\""], "\"say \"\"hi\"\"\"\r\n"),
            (["=SUM(A1)"], "'=SUM(A1)\r\n"),
            (["-5", "+1", "@x"], "'-5,'+1,'@x\r\n"),
            (["two\nlines"], "\"two\nlines\"\r\n"),
            ([""], "\r\n"),
        ])
    func line(fields: [String], expected: String) {
        #expect(CSVLine.make(fields) == expected)
    }
}
