@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 21 item 6 (个人信息保护法): a resident reads and copies their own file, sees which
/// member of staff opened it and when, and asks for corrections that staff decide.
@Suite("Personal information rights: own copy, staff views, corrections")
struct PersonalInformationRightsTests {
    /// The resident of `ApplicationFlowTests.fixture`, signed in through the page.
    static func residentCookie(_ app: Application) async throws -> String {
        let login = try await FormVisit.open(app, "/login")
        let res = try await login.post(
            app, "/login",
            [("username", ApplicationFlowTests.headID), ("password", "resident password 1"), ("next", "/")])
        return try #require(res.headers.setCookie?["minzheng_session"]?.string)
    }

    @Test(
        "staff views of a person are listed on the person's own page, and the copy holds the full file",
        arguments: TestDatabase.available)
    func viewsAndCopy(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let resident = try await Self.residentCookie(app)
            let before = try await AccountFixtures.get(app, "/me", cookie: resident)
            #expect(before.status == .ok)
            #expect(before.body.string.contains("还没有工作人员查看过您的档案"))
            // A street officer opens the page, reveals the ID number; a community worker asks the API.
            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await FormVisit.open(app, "/persons/\(f.headPersonID)", cookie: officer)
            #expect(page.page.status == .ok)
            #expect(try await page.post(app, "/persons/\(f.headPersonID)/reveal", []).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/persons/\(f.headPersonID)", token: f.community).status == .ok)
            // Reading one's own page is not a staff view.
            _ = try await AccountFixtures.get(app, "/me", cookie: resident)
            let after = try await AccountFixtures.get(app, "/me", cookie: resident).body.string
            #expect(after.contains("查看档案") && after.contains("查看完整身份证号") && after.contains("接口查询档案"))
            #expect(after.contains("街道经办人") && after.contains("社区网格员"))
            let count = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM person_views WHERE person_id = \(bind: f.headPersonID)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(count == 3)

            let copy = try await AccountFixtures.get(app, "/me/data.json", cookie: resident)
            #expect(copy.status == .ok)
            #expect(copy.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: copy.body)) as? [String: Any]
            let person = try #require(json?["person"] as? [String: Any])
            #expect(person["idNumber"] as? String == ApplicationFlowTests.headID)
            #expect(person["phone"] as? String == ApplicationFlowTests.phone)
            #expect((json?["views"] as? [Any])?.count == 3)
            let members = (json?["household"] as? [String: Any])?["members"] as? [[String: Any]]
            #expect(
                members?.count == 2
                    && members?.allSatisfy { $0["idNumber"] == nil && $0["idNumberMasked"] == nil } == true)
            let audit = try await AccountFixtures.auditActions(app)
            #expect(audit.contains("person.selfExport"))
            // Staff have no "own file": the page is the resident's.
            #expect(try await AccountFixtures.get(app, "/me", cookie: officer).status == .forbidden)
            #expect(try await AccountFixtures.get(app, "/me/data.json", cookie: officer).status == .forbidden)
        }
    }

    @Test(
        "a correction request goes to the person's community and street; a refusal needs its reason",
        arguments: TestDatabase.available)
    func corrections(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let resident = try await Self.residentCookie(app)
            let me = try await FormVisit.open(app, "/me", cookie: resident)
            let empty = try await me.post(app, "/me/corrections", [("field", "phone"), ("correct", " ")])
            #expect(empty.status == .badRequest)
            #expect(
                empty.body.string.contains(
                    "id=\"c-correct\" name=\"correct\" maxlength=\"200\" value=\" \" class=\"field-error\""))
            let sent = try await me.post(
                app, "/me/corrections", [("field", "phone"), ("correct", "13800001111"), ("reason", "换了手机号")])
            #expect(sent.status == .seeOther)

            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let elsewhere = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402002")
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "3204")
            let queue = try await AccountFixtures.get(app, "/corrections", cookie: officer).body.string
            #expect(queue.contains("13800001111") && queue.contains("待处理"))
            let id = try #require(queue.firstMatch(of: /href="\/corrections\/([0-9A-F-]{36})"/)?.1)
            #expect(
                !(try await AccountFixtures.get(app, "/corrections", cookie: elsewhere).body.string.contains(
                    "13800001111")))
            #expect(try await AccountFixtures.get(app, "/corrections/\(id)", cookie: elsewhere).status == .notFound)
            #expect(try await AccountFixtures.get(app, "/corrections", cookie: auditor).status == .forbidden)

            let visit = try await FormVisit.open(app, "/corrections/\(id)", cookie: officer)
            #expect(visit.page.body.string.contains("/persons/\(f.headPersonID)"))
            let bare = try await visit.post(app, "/corrections/\(id)", [("state", "refused"), ("version", "1")])
            #expect(bare.status == .badRequest && bare.body.string.contains("不予更正须说明理由"))
            let refused = try await visit.post(
                app, "/corrections/\(id)", [("state", "refused"), ("note", "请携带新号码的实名登记证明到社区办理"), ("version", "1")])
            #expect(refused.status == .seeOther)
            #expect(
                try await visit.post(app, "/corrections/\(id)", [("state", "corrected"), ("version", "2")]).status
                    == .conflict)
            let mine = try await AccountFixtures.get(app, "/me", cookie: resident).body.string
            #expect(mine.contains("不予更正") && mine.contains("请携带新号码的实名登记证明到社区办理"))
            let audit = try await AccountFixtures.auditActions(app)
            #expect(audit.filter { $0.hasPrefix("correction.") } == ["correction.request", "correction.decide"])
        }
    }

    @Test(
        "the request form names the field a refusal is about",
        arguments: [
            ("", "13800001111", "field"), ("colour", "red", "field"), ("phone", "", "correct"),
            ("phone", String(repeating: "1", count: 201), "correct"),
        ])
    func draft(_ field: String, _ correct: String, _ refused: String) {
        do {
            _ = try CorrectionDraft.validated(field: field, correct: correct, reason: nil)
            Issue.record("accepted")
        } catch {
            #expect(error.field == refused)
        }
    }
}
