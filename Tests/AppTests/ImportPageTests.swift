@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The upload page: the import runs in the background and its page follows it to the result.
@Suite("Household import page")
struct ImportPageTests {
    static func signIn(_ app: Application, _ username: String, region: String = "320402001") async throws -> FormVisit {
        _ = try await AccountStore(db: app.sql).createUser(
            username: username, displayName: username, password: "correct horse battery", role: .streetOfficer,
            region: RegionCode(region)!, hash: app.hashPassword)
        let login = try await FormVisit.open(app, "/login")
        let answer = try await login.post(
            app, "/login", [("username", username), ("password", "correct horse battery"), ("next", "/import")])
        return try await FormVisit.open(
            app, "/import", cookie: answer.headers.setCookie?["minzheng_session"]?.string ?? login.cookie)
    }

    static func upload(_ app: Application, _ visit: FormVisit, csv: String) async throws -> TestingHTTPResponse {
        try await upload(app, visit, file: ("户籍.csv", "text/csv", Array(csv.utf8)))
    }

    static func upload(
        _ app: Application, _ visit: FormVisit, file: (name: String, type: String, bytes: [UInt8])
    ) async throws -> TestingHTTPResponse {
        let (headers, body) = multipartForm(
            file: ("file", file.name, file.type, file.bytes), headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
        return try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/import?_csrf=\(visit.csrf)"),
                headers: headers, body: body))
    }

    /// A background job's page once the job has ended (it reloads itself while running).
    static func finished(_ app: Application, _ path: String, cookie: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let page = try await send(app, .GET, path, headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(page.status == .ok)
            let text = page.body.string
            if !text.contains("正在处理") || ContinuousClock.now > deadline { return text }
            #expect(text.contains("http-equiv=\"refresh\""))
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Uploads a CSV file and waits for its job: the job's path and its finished page.
    static func imported(
        _ app: Application, _ visit: FormVisit, csv: String
    ) async throws -> (path: String, page: String) {
        let sent = try await upload(app, visit, csv: csv)
        #expect(sent.status == .seeOther)
        let path = try #require(sent.headers.first(name: .location))
        #expect(path.hasPrefix("/import/jobs/"))
        return (path, try await finished(app, path, cookie: visit.cookie))
    }

    @Test(
        "an upload runs in the background; its page shows the counts, the refused rows and their CSV; others do not see it",
        arguments: TestDatabase.available)
    func backgroundJob(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let visit = try await Self.signIn(app, "officer")
            let (jobPath, page) = try await Self.imported(app, visit, csv: ImportTests.mixedFile)
            #expect(page.contains("导入结果"))
            #expect(!page.contains("http-equiv=\"refresh\""))
            #expect(page.contains("<span class=\"stat-value\">2</span> 人"), "A's two persons are new")
            #expect(page.contains("身份证号与第2行重复"))
            let csv = try await send(
                app, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == "\u{FEFF}原文件行号,未导入原因,姓名,身份证号,户编号,与户主关系,所属区划,地址,联系电话,户籍性质")
            #expect(lines.count == 5)
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM persons").first()?.decode(column: "n", as: Int.self)
                    == 2)

            let other = try await Self.signIn(app, "colleague")
            #expect(
                try await send(app, .GET, jobPath, headers: ["Cookie": "minzheng_session=\(other.cookie)"]).status
                    == .notFound)
            #expect(
                try await send(
                    app, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(other.cookie)"]
                ).status == .notFound)
        }
    }

    @Test("a file the importer refuses whole says why on the job's page")
    func refusedFile() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await Self.signIn(app, "officer")
            let page = try await Self.imported(app, visit, csv: "姓名,身份证号\n张三,\(residentID("32040219650312401"))\n").page
            #expect(page.contains("role=\"alert\"") && page.contains("户编号"))
        }
    }

    @Test(
        "the refused-rows CSV holds the refused households' own rows; corrected in place, it imports them",
        arguments: TestDatabase.available)
    func correctedReupload(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let visit = try await Self.signIn(app, "officer")
            let jobPath = try await Self.imported(app, visit, csv: ImportTests.mixedFile).path
            let refused = try await send(
                app, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(visit.cookie)"]
            ).body.string
            let rows = refused.split(separator: "\r\n").dropFirst()
            #expect(rows.map { String($0.prefix(2)) } == ["4,", "5,", "6,", "7,"], "B's two rows, C's and D's")
            #expect(rows.first?.contains("全户2人未导入") == true, "王强's own row is fine: his household's is not")
            #expect(rows.dropFirst().first?.contains("校验位") == true)

            // The clerk corrects the three mistakes in that file and uploads it as it is.
            let b2 = residentID("32040220100101402")
            let corrected =
                refused
                .replacingOccurrences(of: String(b2.dropLast()) + (b2.last == "0" ? "1" : "0"), with: b2)
                .replacingOccurrences(
                    of: "赵六,\(residentID("32040219800101501")),C,配偶", with: "赵六,\(residentID("32040219800101501")),C,本人"
                )
                .replacingOccurrences(
                    of: "钱七,\(residentID("32040219650312401"))", with: "钱七,\(residentID("32040219900101601"))")
            let page = try await Self.imported(app, visit, csv: corrected).page
            #expect(page.contains("<span class=\"stat-value\">4</span> 人"), "B's two, C and D are new")
            #expect(!page.contains("被拒绝的行"))
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM persons").first()?.decode(column: "n", as: Int.self)
                    == 6)
        }
    }

    @Test(
        "an .xlsx upload imports; a PDF, an old .xls or no file goes back to the form saying what it is, no token in the address"
    )
    func fileKinds() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await Self.signIn(app, "officer")
            #expect(visit.page.body.string.contains(#"type="file" required accept=".xlsx"#))
            let workbook = try Array(
                Data(contentsOf: URL(fileURLWithPath: try ImportTests.workbook(ImportTests.mixedFile))))
            let sent = try await Self.upload(
                app, visit,
                file: ("户籍.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
            let page = try await Self.finished(
                app, try #require(sent.headers.first(name: .location)), cookie: visit.cookie)
            #expect(page.contains("<span class=\"stat-value\">2</span> 人"))

            for (file, kind, message) in [
                (("名单.pdf", "application/pdf", Array("%PDF-1.4\n".utf8)), "pdf", "这是一个 PDF 文件"),
                (
                    ("名单.xls", "application/vnd.ms-excel", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
                    "legacyOffice", ".xls 旧格式请在 Excel 或 WPS 中另存为 .xlsx 或 CSV"
                ),
                (("", "application/octet-stream", []), "noFile", "请选择要上传的文件"),
            ] as [((String, String, [UInt8]), String, String)] {
                let refused = try await Self.upload(app, visit, file: file)
                #expect(refused.status == .seeOther)
                let location = try #require(refused.headers.first(name: .location))
                #expect(location == "/import?refused=\(kind)")
                let form = try await send(app, .GET, location, headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
                #expect(form.body.string.contains(message), "\(kind)")
                #expect(form.body.string.contains(#"class="field-error" aria-invalid="true""#))
            }
        }
    }
}
