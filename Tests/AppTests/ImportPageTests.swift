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
        _ = try await AccountStore(db: app.db as! SQLDatabase).createUser(
            username: username, displayName: username, password: "correct horse battery", role: .streetOfficer, region: RegionCode(region)!, hash: app.hashPassword)
        let login = try await FormVisit.open(app, "/login")
        let answer = try await login.post(app, "/login", [("username", username), ("password", "correct horse battery"), ("next", "/import")])
        return try await FormVisit.open(app, "/import", cookie: answer.headers.setCookie?["minzheng_session"]?.string ?? login.cookie)
    }

    static func upload(_ app: Application, _ visit: FormVisit, csv: String) async throws -> TestingHTTPResponse {
        let (headers, body) = multipartForm(file: ("file", "户籍.csv", "text/csv", Array(csv.utf8)), headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
        return try await app.testing().performTest(request: TestingHTTPRequest(method: .POST, url: URI(path: "/import?_csrf=\(visit.csrf)"),
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

    @Test("an upload runs in the background; its page shows the counts, the refused rows and their CSV; others do not see it",
          arguments: TestDatabase.available)
    func backgroundJob(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let visit = try await Self.signIn(app, "officer")
            let sent = try await Self.upload(app, visit, csv: ImportTests.mixedFile)
            #expect(sent.status == .seeOther)
            let jobPath = try #require(sent.headers.first(name: .location))
            #expect(jobPath.hasPrefix("/import/jobs/"))
            let page = try await Self.finished(app, jobPath, cookie: visit.cookie)
            #expect(page.contains("导入结果"))
            #expect(!page.contains("http-equiv=\"refresh\""))
            #expect(page.contains("<span class=\"stat-value\">2</span> 人"), "A's two persons are new")
            #expect(page.contains("身份证号与第2行重复"))
            let csv = try await send(app, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == "\u{FEFF}行号 row,原因 reason")
            #expect(lines.count > 3)
            #expect(try await (app.db as! SQLDatabase).raw("SELECT COUNT(*) AS n FROM persons").first()?.decode(column: "n", as: Int.self) == 2)

            let other = try await Self.signIn(app, "colleague")
            #expect(try await send(app, .GET, jobPath, headers: ["Cookie": "minzheng_session=\(other.cookie)"]).status == .notFound)
            #expect(try await send(app, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(other.cookie)"]).status == .notFound)
        }
    }

    @Test("a file the importer refuses whole says why on the job's page; an empty upload is refused at once")
    func refusedFile() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await Self.signIn(app, "officer")
            let sent = try await Self.upload(app, visit, csv: "姓名,身份证号\n张三,\(residentID("32040219650312401"))\n")
            let page = try await Self.finished(app, try #require(sent.headers.first(name: .location)), cookie: visit.cookie)
            #expect(page.contains("role=\"alert\"") && page.contains("户编号"))
            let empty = try await Self.upload(app, visit, csv: "")
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains("请选择要上传的 CSV 文件"))
        }
    }
}
