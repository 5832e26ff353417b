@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 寻亲 pages: the public notices (no sign-in, only what may be published, a taken-down notice
/// shown as such only), a family's own reports and matches (another family 404), the
/// caseworkers' queue through its forms, and the photos on a report (the family and staff only).
@Suite("Family search: public notices, a family's pages, the queue, photos")
struct FamilySearchPagesTests {
    static let day = CivilDate(year: 2026, month: 12, day: 1)!

    static func notice(_ overrides: [String: Any] = [:]) -> [String: Any] {
        FamilySearchTests.notice.merging(overrides) { _, new in new }
    }

    /// Publishes a notice through the API; answers its id.
    static func publish(_ app: Application, token: String, _ body: [String: Any]) async throws -> UUID {
        let r = try await send(app, .POST, "/api/v1/family-search/notices", token: token, json: body)
        #expect(r.status == .created, "\(r.body.string)")
        struct Created: Decodable { let id: UUID }
        return try r.json(Created.self).id
    }

    static func form() -> [(String, String)] {
        [
            ("name", "张建国"), ("nicknames", "阿国"), ("sex", "male"), ("birthDate", "1948-05-02"), ("age", ""),
            ("heightCm", "168"), ("dialect", "常州话"), ("homeRegion", "320402"), ("lostOn", "2026-10-03"),
            ("place", "320402"), ("placeText", "南大街"), ("features", "左脸有痣，右腿跛"), ("contactName", "张小明"),
            ("contactPhone", "13912345678"),
        ]
    }

    static func photoUpload(
        _ app: Application, report: UUID, visit: FormVisit, name: String, type: String, bytes: [UInt8]
    ) async throws -> TestingHTTPResponse {
        let (headers, body) = multipartForm(
            file: ("file", name, type, bytes), headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
        return try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/family-search/reports/\(report)/photos?_csrf=\(visit.csrf)"),
                headers: headers, body: body))
    }

    @Test(
        "the public notices need no sign-in, search by sex, age, height, region and date, and show a taken-down notice only as such",
        arguments: TestDatabase.available)
    func publicNotices(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.day)
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            let old = try await Self.publish(app, token: staff, Self.notice())
            let girl = try await Self.publish(
                app, token: staff,
                [
                    "sex": "female", "estimatedAge": 12, "heightCm": 150, "foundOn": "2026-11-20", "place": "320404",
                    "features": "右手背有烫伤疤", "clothing": "红色校服",
                ])
            let gone = try await Self.publish(
                app, token: staff,
                Self.notice(["name": "李桂英", "sex": "female", "features": "门牙缺一颗", "clothing": "黑色外套"]))
            try await app.sql.raw(
                "UPDATE family_search_notices SET status = 'identified' WHERE id = \(bind: gone)"
            ).run()

            let list = try await send(app, .GET, "/family-search/notices")
            #expect(list.status == .ok)
            let text = list.body.string
            #expect(text.contains("/family-search/notices/\(old)") && text.contains("/family-search/notices/\(girl)"))
            #expect(!text.contains(gone.uuidString) && !text.contains("门牙缺一颗"))
            #expect(text.contains("常州市天宁区救助管理站") && text.contains("tel:12345"))
            // The newest found first.
            let a = try #require(text.range(of: girl.uuidString)), b = try #require(text.range(of: old.uuidString))
            #expect(a.lowerBound < b.lowerBound)
            for (query, shown, hidden) in [
                ("sex=female", girl, old), ("ageFrom=60&ageTo=90", old, girl),
                ("heightFrom=160&heightTo=175", old, girl),
                ("region=320404", girl, old), ("foundFrom=2026-11-01&foundTo=2026-11-30", girl, old),
            ] {
                let r = try await send(app, .GET, "/family-search/notices?\(query)")
                #expect(r.status == .ok, "\(query)")
                #expect(
                    r.body.string.contains(shown.uuidString) && !r.body.string.contains(hidden.uuidString), "\(query)")
            }
            for (query, field) in [
                ("ageFrom=abc", "f-age-from"), ("heightFrom=180&heightTo=150", "f-height-to"),
                ("foundFrom=2026/11/01", "f-found-from"), ("region=32x", "f-region"), ("sex=x", "f-sex"),
            ] {
                let r = try await send(app, .GET, "/family-search/notices?\(query)")
                #expect(r.status == .badRequest, "\(query)")
                #expect(
                    r.body.string.contains("id=\"\(field)\"") && r.body.string.contains("aria-invalid=\"true\""),
                    "\(query)")
            }

            let page = try await send(app, .GET, "/family-search/notices/\(old)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("左脸有黑痣") && page.body.string.contains("蓝色棉袄"))
            #expect(page.body.string.contains("/family-search/reports?notice=\(old)"))
            let down = try await send(app, .GET, "/family-search/notices/\(gone)")
            #expect(down.status == .ok)
            #expect(down.body.string.contains("已找到亲人"))
            for detail in ["李桂英", "门牙缺一颗", "黑色外套", "2026-10-20"] { #expect(!down.body.string.contains(detail)) }
            #expect(try await send(app, .GET, "/family-search/notices/\(UUID())").status == .notFound)

            // The public JSON: the same search, published notices only, no private field.
            let json = try await send(app, .GET, "/api/v1/family-search/public-notices?sex=female")
            #expect(json.status == .ok)
            #expect(json.body.string.contains(girl.uuidString) && !json.body.string.contains(gone.uuidString))
            #expect(!json.body.string.contains(old.uuidString))
            let bad = try await send(app, .GET, "/api/v1/family-search/public-notices?ageTo=300")
            #expect(bad.status == .badRequest)
            #expect(try bad.json(ErrorAnswer.self).field == "ageTo")
        }
    }

    @Test(
        "a family registers on the page, sees its match, another family gets 404; the queue confirms with evidence and reunites; photos for the family and staff only",
        arguments: TestDatabase.available)
    func familyQueuePhotos(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.day)
            let family = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let stranger = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let staff = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let staffToken = try await app.token(role: .districtOfficer, region: "320402")

            // Anonymous: the family's pages ask to sign in.
            let anonymous = try await send(app, .GET, "/family-search/reports")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)

            // A refusal names the field, the form kept.
            let visit = try await FormVisit.open(app, "/family-search/reports", cookie: family)
            #expect(visit.page.status == .ok)
            var noSex = Self.form()
            noSex.removeAll { $0.0 == "sex" }
            let refused = try await visit.post(app, "/family-search/reports", noSex)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("请选择走失者的性别"))
            #expect(refused.body.string.contains("name=\"sex\" required class=\"field-error\" aria-invalid=\"true\""))
            #expect(refused.body.string.contains("value=\"张小明\""))
            var tall = Self.form()
            tall.removeAll { $0.0 == "heightCm" }
            tall.append(("heightCm", "高"))
            let notANumber = try await visit.post(app, "/family-search/reports", tall)
            #expect(notANumber.status == .badRequest)
            #expect(notANumber.body.string.contains("身高应为整数"))
            #expect(
                notANumber.body.string.contains(
                    "value=\"高\" inputmode=\"numeric\" maxlength=\"3\" class=\"field-error\""))

            let registered = try await visit.post(app, "/family-search/reports", Self.form())
            #expect(registered.status == .seeOther, "\(registered.body.string)")
            let location = try #require(registered.headers.first(name: .location))
            let reportID = try #require(
                UUID(uuidString: String(location.dropFirst("/family-search/reports/".count).prefix(36))))
            let fresh = try await AccountFixtures.get(app, "/family-search/reports/\(reportID)", cookie: family)
            #expect(fresh.status == .ok)
            #expect(fresh.body.string.contains("寻找中") && fresh.body.string.contains("139****5678"))
            #expect(!fresh.body.string.contains("13912345678"))
            #expect(fresh.body.string.contains("暂无线索"))
            let mine = try await AccountFixtures.get(app, "/family-search/reports", cookie: family)
            #expect(mine.body.string.contains("/family-search/reports/\(reportID)"))
            let theirs = try await AccountFixtures.get(app, "/family-search/reports", cookie: stranger)
            #expect(!theirs.body.string.contains(reportID.uuidString))
            #expect(
                try await AccountFixtures.get(app, "/family-search/reports/\(reportID)", cookie: stranger).status
                    == .notFound)

            // A notice is published: matched at once, the family sees it as a possible match.
            let noticeID = try await Self.publish(app, token: staffToken, Self.notice())
            let proposed = try await AccountFixtures.get(app, "/family-search/reports/\(reportID)", cookie: family)
            #expect(proposed.body.string.contains("待民政部门核实"))
            #expect(proposed.body.string.contains("/family-search/notices/\(noticeID)"))

            // Photos: the family uploads; the family and staff see it, another family 404, anonymous to sign in.
            let reportPage = try await FormVisit.open(app, "/family-search/reports/\(reportID)", cookie: family)
            let pdf = try await Self.photoUpload(
                app, report: reportID, visit: reportPage, name: "照片.pdf", type: "application/pdf",
                bytes: Array("%PDF-1.4\n%...\n".utf8))
            #expect(pdf.status == .badRequest)
            #expect(pdf.body.string.contains("请上传走失者的照片（JPEG 或 PNG）"))
            let png = [UInt8](DemoAdaptations.photo)
            let uploaded = try await Self.photoUpload(
                app, report: reportID, visit: reportPage, name: "爷爷.png", type: "image/png", bytes: png)
            #expect(uploaded.status == .seeOther, "\(uploaded.body.string)")
            let photoID = try #require(
                try await app.sql.raw("SELECT id FROM family_search_photos WHERE report_id = \(bind: reportID)")
                    .first()?
                    .decode(column: "id", as: UUID.self))
            let photoPath = "/family-search/reports/\(reportID)/photos/\(photoID)"
            let own = try await AccountFixtures.get(app, photoPath, cookie: family)
            #expect(own.status == .ok)
            #expect(own.headers.contentType?.description == "image/png")
            #expect(try await AccountFixtures.get(app, photoPath, cookie: staff).status == .ok)
            #expect(try await AccountFixtures.get(app, photoPath, cookie: stranger).status == .notFound)
            let anon = try await send(app, .GET, photoPath)
            #expect(anon.status == .seeOther)
            #expect(anon.headers.first(name: .location)?.hasPrefix("/login") == true)
            let strangerVisit = try await FormVisit.open(app, "/family-search/reports", cookie: stranger)
            let intruder = try await Self.photoUpload(
                app, report: reportID, visit: strangerVisit, name: "x.png", type: "image/png", bytes: png)
            #expect(intruder.status == .notFound)

            // The queue: the match with both sides and the photo; confirming needs the evidence.
            let queue = try await FormVisit.open(app, "/family-search/queue", cookie: staff)
            #expect(queue.page.status == .ok)
            let matchID = try #require(
                try await app.sql.raw("SELECT id FROM family_search_matches WHERE report_id = \(bind: reportID)")
                    .first()?
                    .decode(column: "id", as: UUID.self))
            #expect(queue.page.body.string.contains("match-\(matchID)"))
            #expect(queue.page.body.string.contains(photoPath) && queue.page.body.string.contains("139****5678"))
            let bare = try await queue.post(
                app, "/family-search/matches/\(matchID)", [("action", "confirm"), ("version", "1"), ("evidence", " ")])
            #expect(bare.status == .badRequest)
            #expect(bare.body.string.contains("确认须记录依据"))
            let confirmed = try await queue.post(
                app, "/family-search/matches/\(matchID)",
                [("action", "confirm"), ("version", "1"), ("evidence", "公安 DNA 比对：亲缘关系成立")])
            #expect(confirmed.status == .seeOther)
            let told = try await AccountFixtures.get(app, "/family-search/reports/\(reportID)", cookie: family)
            #expect(told.body.string.contains("已确认为同一人") && told.body.string.contains("公安 DNA 比对"))
            let stale = try await queue.post(
                app, "/family-search/matches/\(matchID)", [("action", "reunite"), ("version", "1")])
            #expect(stale.status == .conflict)
            let reunited = try await queue.post(
                app, "/family-search/matches/\(matchID)",
                [("action", "reunite"), ("version", "2"), ("reunitedOn", "2026-11-30")])
            #expect(reunited.status == .seeOther, "\(reunited.body.string)")
            let closed = try await AccountFixtures.get(app, "/family-search/reports/\(reportID)", cookie: family)
            #expect(closed.body.string.contains("已团聚"))
            let down = try await send(app, .GET, "/family-search/notices/\(noticeID)")
            #expect(down.body.string.contains("已找到亲人") && !down.body.string.contains("蓝色棉袄"))

            // Residents have no queue; staff have no family pages of their own.
            #expect(try await AccountFixtures.get(app, "/family-search/queue", cookie: family).status == .forbidden)
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'familySearch.%' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.contains("familySearch.photo") && actions.contains("familySearch.reunite"))
        }
    }

    @Test("the demo's family signs in to a report with a confirmed match", arguments: TestDatabase.available)
    func demoFamily(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.day)
            #expect(try await DemoFamilySearch.seed(app, reports: 60, notices: 20, matchedPerMille: 500).matches > 0)
            try await DemoFamilySearch.seedFamily(app)
            try await DemoFamilySearch.seedFamily(app)  // once
            let family = try #require(try await AccountStore(db: app.sql).userRow(username: "xunqin"))
            let rows = try await app.sql.raw(
                """
                SELECT m.status FROM family_search_matches m JOIN family_search_reports r ON r.id = m.report_id
                WHERE r.owner_id = \(bind: family.id)
                """
            ).all().map { try $0.decode(column: "status", as: String.self) }
            #expect(rows.contains("confirmed"))
        }
    }
}
