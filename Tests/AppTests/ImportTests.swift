@testable import App
import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Testing
import VaporTesting

@Suite("Household import")
struct ImportTests {
    static func write(_ text: String, encoding: String.Encoding = .utf8, bom: Bool = false) throws -> String {
        let path = NSTemporaryDirectory() + "import-\(UUID().uuidString).csv"
        var data = text.data(using: encoding)!
        if bom { data = Data([0xEF, 0xBB, 0xBF]) + data }
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func importer(_ app: Application, scope: RegionCode = RegionTable.changzhou) -> HouseholdImporter {
        // 29 November 2026: the day the test files' ages are reckoned from.
        app.platform.clock = .fixed(CivilDate(year: 2026, month: 11, day: 29)!)
        return app.householdImporter(actor: .system("test"), scope: scope)
    }

    /// Household A (2 good rows), household B (one bad checksum → whole household out),
    /// household C (no head), household D (row duplicating A's head).
    static var mixedFile: String {
        let a1 = residentID("32040219650312401"), a2 = residentID("32040219680101402")
        let b1 = residentID("32040219700101301"), b2 = residentID("32040220100101402")
        let badB2 = String(b2.dropLast()) + (b2.last == "0" ? "1" : "0")
        let c1 = residentID("32040219800101501")
        return """
            姓名,身份证号,户编号,与户主关系,所属区划,地址,联系电话,户籍性质
            张建国,\(a1),A,本人,320402001001,"常州市天宁区雕庄街道1号, 1幢",13912345678,城镇
            李秀英,\(a2.lowercased()),A,spouse,320402001001,"常州市天宁区雕庄街道1号, 1幢",,urban
            王强,\(b1),B,户主,320402001,常州市天宁区雕庄街道2号,,农村
            王小明,\(badB2),B,子女,320402001,常州市天宁区雕庄街道2号,,
            赵六,\(c1),C,配偶,320402001,常州市天宁区雕庄街道3号,,
            钱七,\(a1),D,本人,320402001,常州市天宁区雕庄街道4号,,
            """
    }

    /// A CSV text as an office's Excel sheet, written by the project's own writer: digits
    /// that are no ID number (phone, region) as numbers, everything else as text.
    static func workbook(_ csv: String) throws -> String {
        let reader = try CSVReader(path: try write(csv))
        let header = try #require(try reader.next()).fields
        var rows: [[Spreadsheet.Cell]] = []
        while let record = try reader.next() {
            rows.append(
                record.fields.map { field in
                    field.count <= 12 && !field.isEmpty && field.allSatisfy(\.isASCII)
                        ? Int64(field).map(Spreadsheet.Cell.integer) ?? .text(field) : .text(field)
                })
        }
        let path = NSTemporaryDirectory() + "import-\(UUID().uuidString).xlsx"
        try XLSXWriter.write(
            Spreadsheet(try Spreadsheet.Sheet(name: "户籍", header: header, rows: rows)), to: URL(fileURLWithPath: path))
        return path
    }

    @Test(
        "an .xlsx workbook imports like the same CSV; its refused rows keep the sheet's row numbers and values",
        arguments: TestDatabase.available)
    func workbook(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let summary = try await Self.importer(app).run(path: try Self.workbook(Self.mixedFile))
            #expect(summary.imported == 2)
            #expect(summary.rejected == 4)
            #expect(summary.errors.map(\.row) == [4, 5, 6, 7])
            #expect(summary.errors[1].reason.contains("校验位"))
            let table = try #require(summary.refusedRows).table(reasons: [:])
            #expect(table.header == ["原文件行号", "未导入原因", "姓名", "身份证号", "户编号", "与户主关系", "所属区划", "地址", "联系电话", "户籍性质"])
            #expect(table.rows.map(\.[0]) == ["4", "5", "6", "7"])
            #expect(
                table.rows[0][2...] == [
                    "王强", residentID("32040219700101301"), "B", "户主", "320402001", "常州市天宁区雕庄街道2号", "", "农村",
                ])
            let persons = try await app.sql.raw("SELECT COUNT(*) AS n FROM persons").first()!.decode(
                column: "n", as: Int.self)
            #expect(persons == 2)
        }
    }

    @Test(
        "a PDF, an old .xls or UTF-16 text named .csv is refused whole, saying what it is",
        arguments: [
            (Array("%PDF-1.4\n".utf8), "这是一个 PDF 文件"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], ".xls 旧格式请在 Excel 或 WPS 中另存为 .xlsx 或 CSV"),
            ([0xFF, 0xFE, 0x37, 0x62, 0x16, 0x7F, 0xF7, 0x53], "这不是文本格式的 CSV 文件"),  // 户编号 in UTF-16
        ] as [([UInt8], String)])
    func foreignFile(bytes: [UInt8], message: String) async throws {
        try await withTestApp(.sqlite) { app in
            let path = NSTemporaryDirectory() + "import-\(UUID().uuidString).csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let refusal = await #expect(throws: FieldProblem.self) { _ = try await Self.importer(app).run(path: path) }
            #expect(refusal?.message.contains(message) == true, "\(refusal?.message ?? "")")
            #expect(refusal?.message.contains("未知的列名") == false)
        }
    }

    @Test(
        "rows with errors are named, their households rejected whole, the rest saved; re-import changes nothing",
        arguments: TestDatabase.available)
    func mixed(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let path = try Self.write(Self.mixedFile)
            let first = try await Self.importer(app).run(path: path)
            #expect(first.imported == 2)
            #expect(first.updated == 0)
            #expect(first.rejected == 4)
            #expect(first.errors.map(\.row) == [4, 5, 6, 7])
            #expect(first.errors[1].reason.contains("校验位"))
            #expect(first.errors[0].reason.contains("全户2人"))
            #expect(first.errors[2].reason.contains("没有户主"))
            #expect(first.errors[3].reason.contains("与第2行重复"))
            let again = try await Self.importer(app).run(path: path)
            #expect(again.imported == 0)
            #expect(again.updated == 0)
            let count = try await app.sql.raw("SELECT COUNT(*) AS n FROM persons").first()!.decode(
                column: "n", as: Int.self)
            #expect(count == 2)
        }
    }

    @Test(
        "GB18030 and UTF-8 with BOM read the same; a changed phone counts as updated", arguments: TestDatabase.available
    )
    func encodings(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let id = residentID("32040219650312401")
            let text = "户编号,与户主关系,姓名,身份证号,所属区划,地址,联系电话\nH1,本人,张建国,\(id),320402001001,常州市天宁区雕庄街道1号,13912345678\n"
            let gb = try await Self.importer(app).run(
                path: try Self.write(text, encoding: String.Encoding(rawValue: 0x8000_0632)))
            #expect(gb.imported == 1)
            let page = try await RegistryStore(
                db: app.sql, cipher: app.platform.cipher, regions: app.platform.regions,
                clock: app.platform.clock
            )
            .persons(
                within: RegionScope(RegionTable.changzhou), matching: .init(terms: PersonSearchTerms(name: "张建国")),
                page: PageRequest(page: 1, perPage: 10))
            #expect(page.total == 1)
            let utf8 = try await Self.importer(app).run(
                path: try Self.write(text.replacingOccurrences(of: "13912345678", with: "13800001111"), bom: true))
            #expect(utf8.imported == 0)
            #expect(utf8.updated == 1)
        }
    }

    @Test("a missing required column stops the import before any row")
    func header() async throws {
        try await withTestApp(.sqlite) { app in
            let path = try Self.write("户编号,姓名,身份证号\nA,张三,\(residentID("32040219650312401"))\n")
            await #expect(throws: FieldProblem.self) { _ = try await Self.importer(app).run(path: path) }
        }
    }

    @Test("a street officer cannot import households of another street")
    func scope() async throws {
        try await withTestApp(.sqlite) { app in
            let summary = try await Self.importer(app, scope: RegionCode("320404001")!).run(
                path: try Self.write(Self.mixedFile))
            #expect(summary.imported == 0)
            #expect(summary.errors.contains { $0.reason.contains("不在您的管辖范围") })
        }
    }

    @Test("no plain ID number or phone number in the SQLite file after an import")
    func encryptedAtRest() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await Self.importer(app).run(path: try Self.write(Self.mixedFile))
            try await app.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            guard case .sqlite(let file) = app.platform.config.database else { Issue.record("not sqlite"); return }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            let idNumber = residentID("32040219650312401")
            #expect(bytes.range(of: Data(idNumber.utf8)) == nil)
            #expect(bytes.range(of: Data("13912345678".utf8)) == nil)
            #expect(bytes.range(of: Data("张建国".utf8)) != nil)
        }
    }
}
