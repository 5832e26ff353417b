import Foundation
import Testing
import MinzhengCore

/// What the fuzz targets of `Fuzz/` found (README, "Fuzzing"): each finding is kept here, on
/// the normal suite, with the input that showed it.
@Suite("Fuzzing findings")
struct FuzzFindingsTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "fuzz-finding-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func read(_ path: String, chunkSize: Int = 1 << 20) throws -> (CSVReader.Encoding, [[String]]) {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var fields: [[String]] = []
        while let record = try reader.next() { fields.append(record.fields) }
        return (reader.encoding, fields)
    }

    /// `吊销` in GB18030.
    static let revokedGB18030: [UInt8] = [0xB5, 0xF5, 0xCF, 0xFA]

    /// fuzz-csv: the encoding was judged on the first chunk the reader had buffered, so a
    /// GB18030 file whose first chunk was ASCII was read as UTF-8 and its first Chinese field
    /// refused ("文件编码无法识别"). The input (after the chunk-size byte 0x03):
    /// `sourceRecordId,idNumber,status\nR-1,x,<吊销 in GB18030>\n`.
    @Test(
        "a GB18030 file whose first chunk is ASCII is read as GB18030, whatever the chunk size",
        arguments: [4, 16, 1 << 20])
    func gb18030AfterASCII(chunkSize: Int) throws {
        let bytes = Array("sourceRecordId,idNumber,status\nR-1,x,".utf8) + Self.revokedGB18030 + [0x0A]
        let (encoding, fields) = try Self.read(try Self.file(bytes), chunkSize: chunkSize)
        #expect(encoding == .gb18030)
        #expect(fields == [["sourceRecordId", "idNumber", "status"], ["R-1", "x", "吊销"]])
    }

    /// The same at the reader's real chunk size (1 MiB): a department's feed file of codes and
    /// digits whose Chinese status names only start after its first megabyte.
    @Test("a GB18030 file with a megabyte of ASCII before its first Chinese is read as GB18030")
    func gb18030AfterAMegabyteOfASCII() throws {
        var bytes = Array("sourceRecordId,idNumber,status\n".utf8)
        var row = 0
        while bytes.count <= 1 << 20 {
            row += 1
            bytes += Array("R-\(row),320402198001021234,active\n".utf8)
        }
        bytes += Array("R-last,320402198001021234,".utf8) + Self.revokedGB18030 + [0x0A]
        let (encoding, fields) = try Self.read(try Self.file(bytes))
        #expect(encoding == .gb18030)
        #expect(fields.count == row + 2)
        #expect(fields.last == ["R-last", "320402198001021234", "吊销"])
    }

    @Test("a UTF-8 byte-order mark is skipped whatever the chunk size", arguments: [1, 2, 3, 1 << 20])
    func byteOrderMark(chunkSize: Int) throws {
        let (encoding, fields) = try Self.read(
            try Self.file([0xEF, 0xBB, 0xBF] + Array("姓名,b\n".utf8)), chunkSize: chunkSize)
        #expect(encoding == .utf8)
        #expect(fields == [["姓名", "b"]])
    }

    /// fuzz-feed-rows, input `AQBbeyJzb3VyY2VSZWNvcmRJZCI6…` (kind medicalExpense, JSON): a row with a field named ""
    /// was refused with a problem naming the field "" (`第2行：: 未知字段…`), which a department cannot find.
    @Test("a pushed row with an empty field name is refused naming the row")
    func emptyFieldName() throws {
        let body = #"""
            [{"sourceRecordId":"R-0001","idNumber":"32040219800102123X","admissionDate":true},
             {"soId":"R-0001","idNumber":"32040219800102123X","":true},{"soucordId":6},3]
            """#
        let today = CivilDate(year: 2024, month: 6, day: 15)!
        let batch = try FeedBatch(kind: .medicalExpense, jsonData: Data(body.utf8), today: today)
        #expect(batch.records.isEmpty)
        #expect(batch.problems.map(\.row) == [1, 2, 3, 4])
        let second = try #require(batch.problems.first { $0.row == 2 })
        #expect(second.problem.field == "row")
        #expect(second.problem.message.hasPrefix("有字段名为空的字段"))
        #expect(batch.problems.allSatisfy { !$0.problem.field.isEmpty })
    }

    /// fuzz-upload, input `CWENCmIiLnBkZolQTkcNChoK` (the name `a\r\nb".pdf`, a PNG): the
    /// uploader's name was stored as sent — control characters, and folders as old browsers
    /// send them — and the download header left non-ASCII letters unencoded.
    @Test(
        "an upload's stored name is its last part, without control or bidi characters",
        arguments: [
            ("a\r\nb\".pdf", "ab\".pdf"),
            ("C:\\Users\\张三\\证明.pdf", "证明.pdf"),
            ("../../etc/passwd.png", "passwd.png"),
            ("收入\u{202E}fdp.exe", "收入fdp.exe"),
            (" \t\u{07} ", "材料.png"),
            ("dir/", "材料.png"),
            ("", "材料.png"),
            ("户口簿.jpg", "户口簿.jpg"),
        ])
    func storedName(sent: String, stored: String) throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let checked = try DocumentRules.check(fileName: sent, byteCount: 100, prefix: png, defaultName: "材料")
        #expect(checked.kind == .png)
        #expect(checked.fileName == stored)
    }

    @Test("a long name is cut to 120 characters")
    func longName() {
        let name = String(repeating: "证", count: 200) + ".pdf"
        #expect(DocumentRules.storedName(name, kind: .pdf, defaultName: "材料") == String(repeating: "证", count: 120))
    }

    @Test("the download header is ASCII: the name percent-encoded as UTF-8 (RFC 8187)")
    func inlineDisposition() {
        #expect(
            DocumentRules.inlineDisposition(fileName: "证明 1.pdf")
                == "inline; filename*=UTF-8''%E8%AF%81%E6%98%8E%201.pdf")
        #expect(DocumentRules.inlineDisposition(fileName: "a\"b;c.pdf") == "inline; filename*=UTF-8''a%22b%3Bc.pdf")
        #expect(DocumentRules.inlineDisposition(fileName: "scan_01-A.pdf") == "inline; filename*=UTF-8''scan_01-A.pdf")
    }
}
