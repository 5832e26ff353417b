@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 救助管理: a person taken in (refusals naming the field), the 24-hour notice (overdue with the
/// clock, published with only what may be published, matched at once, its face photo public
/// while it is up), the stay and the checklist, outcomes that close the stay and take the notice
/// down, who sees a case, the audit trail and the pages.
@Suite("Assistance station: casework")
struct StationCaseTests {
    struct Summary: Decodable {
        let id: UUID
        let idMasked: String?
        let status: String
        let noticeId: UUID?
        let noticeStatus: String?
        let noticeOverdue: Bool
        let version: Int
    }

    struct Photo: Decodable {
        let id: UUID
        let isFace: Bool
        let contentType: String
    }

    struct Notice: Decodable {
        let id: UUID
        let status: String
    }

    struct CaseView: Decodable {
        let summary: Summary
        let missing: [String]
        let photos: [Photo]
        let notice: Notice?
        let entries: [Entry]
        struct Entry: Decodable { let kind: String }
    }

    struct List: Decodable {
        let items: [Summary]
        let total: Int
    }

    static let health = "高血压三级，需每日服药"
    static let mental = "精神分裂症病史"
    static let idNumber = residentID("34122119500302123")

    /// The person of `FamilySearchTests.notice`, as the station takes them in.
    static var intake: [String: Any] {
        [
            "name": "章建国", "sex": "male", "estimatedAge": 75, "heightCm": 166, "build": "偏瘦", "dialect": "常州口音",
            "features": "左脸有黑痣，走路跛", "clothing": "蓝色棉袄", "belongings": "塑料袋一个", "foundBy": "police",
            "foundPlace": "320411", "foundPlaceText": "新北区汉江路公交站", "foundAt": "2026-10-20T07:30",
            "intakeAt": "2026-10-20T09:00", "health": health, "mentalState": mental, "intellect": "反应迟缓",
        ]
    }

    static func upload(
        _ app: Application, _ id: UUID, token: String, name: String, type: String, bytes: [UInt8], face: Bool
    ) async throws -> TestingHTTPResponse {
        let (h, body) = multipartForm(
            fields: face ? [("face", "1")] : [], file: ("file", name, type, bytes), headers: .bearer(token))
        return try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/api/v1/station-cases/\(id)/photos"), headers: h, body: body))
    }

    @Test(
        "intake refused by field; the notice within 24 hours, only publishable fields, matched, its photo public while up",
        arguments: TestDatabase.available)
    func intakeAndNotice(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let start = BeijingTime.instant("2026-11-20T10:00")!
            app.platform.clock = .fixed(start)
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            func post(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/station-cases", token: staff, json: body)
            }
            for (change, field) in [
                (["foundBy": "taxi"], "foundBy"), (["sex": "x"], "sex"), (["estimatedAge": 200], "estimatedAge"),
                (["heightCm": 300], "heightCm"), (["foundPlace": "999999"], "foundPlace"),
                (["foundPlaceText": ""], "foundPlaceText"), (["foundAt": "2026-11-21T08:00"], "foundAt"),
                (["foundAt": "2026-10-20T10:00"], "foundAt"), (["intakeAt": "昨天"], "intakeAt"),
                (["idNumber": "123"], "idNumber"), (["region": "320404"], "region"),
            ] as [([String: Any], String)] {
                let refused = try await post(Self.intake.merging(change) { $1 })
                #expect(refused.status == .badRequest, "\(field): \(refused.body.string)")
                #expect(try refused.json(ErrorAnswer.self).field == field, "\(refused.body.string)")
            }
            // A family looking for him registered before he was found.
            let family = try await app.token(role: .resident, region: "320402001")
            let report = try await send(
                app, .POST, "/api/v1/family-search/reports", token: family, json: FamilySearchTests.report)
            #expect(report.status == .created)

            let made = try await post(Self.intake)
            #expect(made.status == .created, "\(made.body.string)")
            let c = try made.json(CaseView.self)
            #expect(c.summary.status == "inStay" && c.summary.noticeOverdue)
            #expect(made.body.string.contains(Self.health))
            // Sealed at rest.
            let sealed = try #require(
                try await app.sql.raw("SELECT private_cipher FROM station_cases WHERE id = \(bind: c.summary.id)")
                    .first()?.decode(column: "private_cipher", as: String.self))
            #expect(!sealed.contains("高血压") && !sealed.contains("精神"))

            // A person taken in now is not overdue until the hours pass (the injected clock).
            let fresh = try await post(
                Self.intake.merging(["foundAt": "2026-11-20T09:00", "intakeAt": "2026-11-20T09:30", "name": "无名"]) {
                    $1
                })
            let freshID = try fresh.json(CaseView.self).summary.id
            func overdue() async throws -> [UUID] {
                try await send(app, .GET, "/api/v1/station-cases?filter=overdue", token: staff).json(List.self).items
                    .map(\.id)
            }
            #expect(try await overdue() == [c.summary.id])
            app.platform.clock = .fixed(start.addingTimeInterval(23 * 3600))
            #expect(try await overdue() == [c.summary.id])
            app.platform.clock = .fixed(start.addingTimeInterval(24 * 3600))
            #expect(Set(try await overdue()) == [c.summary.id, freshID])
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let listPage = try await FormVisit.open(app, "/station-cases?filter=overdue", cookie: cookie).page
            #expect(listPage.status == .ok && listPage.body.string.contains("公告超时"))

            // The case's page: the publish button and the outcome form, a refusal shown in place.
            let freshPage = try await FormVisit.open(app, "/station-cases/\(freshID)", cookie: cookie)
            #expect(freshPage.page.body.string.contains("发布寻亲公告") && freshPage.page.body.string.contains("公告超时"))
            let noEscort = try await freshPage.post(
                app, "/station-cases/\(freshID)/outcome", [("action", "returnHome"), ("version", "1")])
            #expect(noEscort.status == .badRequest && noEscort.body.string.contains("返乡须登记护送人"))
            let publishedByPage = try await freshPage.post(app, "/station-cases/\(freshID)/notice", [])
            #expect(publishedByPage.status == .seeOther, "\(publishedByPage.body.string)")
            #expect(try await overdue() == [c.summary.id])

            // Photos: JPEG or PNG only; one marked for the notice; private until published.
            let png = [UInt8](DemoAdaptations.photo)
            let pdf = try await Self.upload(
                app, c.summary.id, token: staff, name: "a.pdf", type: "application/pdf",
                bytes: Array("%PDF-1.4 x".utf8), face: false)
            #expect(try pdf.status == .badRequest && pdf.json(ErrorAnswer.self).field == "file")
            let photographed = try await Self.upload(
                app, c.summary.id, token: staff, name: "脸.png", type: "image/png", bytes: png, face: true)
            #expect(photographed.status == .created, "\(photographed.body.string)")
            let photo = try #require(try photographed.json(CaseView.self).photos.first)
            #expect(photo.isFace && photo.contentType == "image/png")
            #expect(
                try await send(app, .GET, "/station-cases/\(c.summary.id)/photos/\(photo.id)").status != .ok)

            // Publishing: only the publishable fields, matched against the family's report at once.
            let published = try await send(
                app, .POST, "/api/v1/station-cases/\(c.summary.id)/notice", token: staff)
            #expect(published.status == .created, "\(published.body.string)")
            let notice = try published.json(Notice.self)
            let text = published.body.string
            for secret in [Self.health, Self.mental, "反应迟缓", "塑料袋", "床"] {
                #expect(!text.contains(secret), "\(secret) in \(text)")
            }
            #expect(text.contains("蓝色棉袄") && text.contains("偏瘦"))
            let again = try await send(app, .POST, "/api/v1/station-cases/\(c.summary.id)/notice", token: staff)
            #expect(again.status == .conflict)
            #expect(try await overdue().isEmpty)
            let queue = try await send(app, .GET, "/api/v1/family-search/queue", token: staff)
            #expect(try queue.json([FamilySearchTests.Match].self).contains { $0.noticeId == notice.id })
            let noticeRow = try #require(
                try await app.sql.raw("SELECT * FROM family_search_notices WHERE id = \(bind: notice.id)").first())
            #expect(try noticeRow.decode(column: "case_id", as: UUID?.self) == c.summary.id)

            // The face photo is public while the notice is up, and nothing else is.
            let open = try await send(app, .GET, "/family-search/notices/\(notice.id)/photo")
            #expect(open.status == .ok && open.headers.contentType?.description == "image/png")
            #expect(Array(open.body.readableBytesView) == png)
            #expect(try await send(app, .GET, "/family-search/notices/\(UUID())/photo").status == .notFound)
            // The public notice page shows the photo and what may be published, never what is sealed.
            let page = try await send(app, .GET, "/family-search/notices/\(notice.id)").body.string
            #expect(page.contains("/family-search/notices/\(notice.id)/photo") && page.contains("蓝色棉袄"))
            for secret in [Self.health, Self.mental, "反应迟缓", "塑料袋一个"] {
                #expect(!page.contains(secret), "\(secret)")
            }

            // An identified person: the ID number masked in lists, sealed, no notice needed.
            var named = Self.intake
            named["idNumber"] = Self.idNumber
            named["name"] = "王建华"
            let identified = try await post(named)
            #expect(identified.status == .created, "\(identified.body.string)")
            let idCase = try identified.json(CaseView.self).summary
            #expect(idCase.idMasked == ResidentID.mask(Self.idNumber) && !idCase.noticeOverdue)
            let list = try await send(app, .GET, "/api/v1/station-cases", token: staff)
            #expect(!list.body.string.contains(Self.idNumber) && list.body.string.contains(idCase.idMasked!))
            let refused = try await send(app, .POST, "/api/v1/station-cases/\(idCase.id)/notice", token: staff)
            #expect(try refused.status == .conflict && refused.json(ErrorAnswer.self).field == "idNumber")
            let idSealed = try #require(
                try await app.sql.raw("SELECT private_cipher FROM station_cases WHERE id = \(bind: idCase.id)").first()?
                    .decode(column: "private_cipher", as: String.self))
            #expect(!idSealed.contains(Self.idNumber))

            // A confirmed match identifies him: the notice comes down, its photo with it, the history kept.
            let match = try #require(
                try await send(app, .GET, "/api/v1/family-search/queue", token: staff).json(
                    [FamilySearchTests.Match].self
                ).first { $0.noticeId == notice.id })
            let confirmed = try await send(
                app, .POST, "/api/v1/family-search/matches/\(match.id)", token: staff,
                json: ["action": "confirm", "version": match.version, "evidence": "公安人脸比对一致"])
            #expect(confirmed.status == .ok)
            let after = try await send(app, .GET, "/api/v1/station-cases/\(c.summary.id)", token: staff)
            #expect(try after.json(CaseView.self).notice?.status == "identified")
            #expect(try await send(app, .GET, "/family-search/notices/\(notice.id)/photo").status == .notFound)
        }
    }

    @Test(
        "the stay, the checklist, outcomes closing the stay and taking the notice down; who sees a case; the trail",
        arguments: TestDatabase.available)
    func stayAndOutcomes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let start = BeijingTime.instant("2026-11-20T10:00")!
            app.platform.clock = .fixed(start)
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            let made = try await send(app, .POST, "/api/v1/station-cases", token: staff, json: Self.intake)
            let id = try made.json(CaseView.self).summary.id
            let base = "/api/v1/station-cases/\(id)"
            #expect(try made.json(CaseView.self).missing.count == StationCheck.allCases.count)

            // The stay's entries: refused by field, sealed at rest.
            for (body, field) in [
                (["kind": "sauna", "text": "x"], "kind"), (["kind": "bed"], "text"),
                (["kind": "bed", "text": "3 号床", "on": "2026-10-19"], "on"),
                (["kind": "meal", "text": "午餐", "on": "2026-11-21"], "on"),
            ] {
                let r = try await send(app, .POST, base + "/entries", token: staff, json: body)
                #expect(try r.status == .badRequest && r.json(ErrorAnswer.self).field == field, "\(r.body.string)")
            }
            for body in [
                ["kind": "bed", "text": "男二室 3 号床", "on": "2026-10-20"], ["kind": "meal", "text": "午餐"],
                ["kind": "medical", "text": "测血压 160/95，服降压药"],
            ] {
                #expect(try await send(app, .POST, base + "/entries", token: staff, json: body).status == .ok)
            }
            let stored = try await app.sql.raw(
                "SELECT text_cipher FROM station_case_entries WHERE case_id = \(bind: id)"
            ).all().map { try $0.decode(column: "text_cipher", as: String.self) }
            #expect(stored.count == 3 && !stored.contains { $0.contains("床") || $0.contains("血压") })

            // The checklist: ticked once each, what is missing shown.
            let ticked = try await send(app, .POST, base + "/checks", token: staff, json: ["check": "safetyCheck"])
            #expect(try ticked.json(CaseView.self).missing.first == "物品登记")
            let twice = try await send(app, .POST, base + "/checks", token: staff, json: ["check": "safetyCheck"])
            #expect(try twice.status == .conflict && twice.json(ErrorAnswer.self).field == "check")
            let unknown = try await send(app, .POST, base + "/checks", token: staff, json: ["check": "sauna"])
            #expect(try unknown.status == .badRequest && unknown.json(ErrorAnswer.self).field == "check")

            // Photo and notice, then the outcomes.
            _ = try await Self.upload(
                app, id, token: staff, name: "脸.png", type: "image/png", bytes: [UInt8](DemoAdaptations.photo),
                face: true)
            let notice = try await send(app, .POST, base + "/notice", token: staff).json(Notice.self)
            var version = try await send(app, .GET, base, token: staff).json(CaseView.self).summary.version
            func outcome(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                var json = body
                if json["version"] == nil { json["version"] = version }
                return try await send(app, .POST, base + "/outcome", token: staff, json: json)
            }
            let early = try await outcome(["action": "transferToCare", "institution": "市福利院"])
            #expect(early.status == .conflict)
            let noEscort = try await outcome(["action": "returnHome", "destination": "临泉"])
            #expect(try noEscort.json(ErrorAnswer.self).field == "escort")
            let stale = try await outcome(["action": "holdLongTerm", "version": version - 1])
            #expect(stale.status == .conflict)
            let held = try await outcome(["action": "holdLongTerm"])
            #expect(held.status == .ok, "\(held.body.string)")
            let heldCase = try held.json(CaseView.self)
            #expect(heldCase.summary.status == "longTermStay" && heldCase.notice?.status == "published")
            version = heldCase.summary.version
            let noInstitution = try await outcome(["action": "transferToCare"])
            #expect(try noInstitution.json(ErrorAnswer.self).field == "institution")
            let placed = try await outcome(["action": "transferToCare", "institution": "常州市社会福利院"])
            #expect(placed.status == .ok, "\(placed.body.string)")
            let placedCase = try placed.json(CaseView.self)
            #expect(placedCase.summary.status == "placedInCare" && placedCase.notice?.status == "identified")
            #expect(try await send(app, .GET, "/family-search/notices/\(notice.id)/photo").status == .notFound)
            let closedEntry = try await send(
                app, .POST, base + "/entries", token: staff, json: ["kind": "meal", "text": "x"])
            #expect(closedEntry.status == .conflict)
            let closedAgain = try await outcome(["action": "returnHome", "escort": "x", "destination": "y"])
            #expect(closedAgain.status == .conflict)
            #expect(
                try await send(app, .GET, "/api/v1/station-cases?filter=closed", token: staff).json(List.self).total
                    == 1)
            #expect(
                try await send(app, .GET, "/api/v1/station-cases?filter=inStay", token: staff).json(List.self).total
                    == 0)

            // Who sees it: the city yes, another county 404, a street officer and the auditor 403.
            let city = try await app.token(role: .cityAdmin, region: "3204")
            #expect(try await send(app, .GET, base, token: city).status == .ok)
            let other = try await app.token(role: .districtOfficer, region: "320404")
            #expect(try await send(app, .GET, base, token: other).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/station-cases", token: other).json(List.self).total == 0)
            #expect(
                try await send(app, .POST, base + "/checks", token: other, json: ["check": "belongings"]).status
                    == .notFound)
            for role in [Role.streetOfficer, .auditor, .communityWorker] {
                let t = try await app.token(role: role, region: role == .auditor ? "320402" : "320402001")
                #expect(try await send(app, .GET, base, token: t).status == .forbidden)
                #expect(try await send(app, .GET, "/api/v1/station-cases", token: t).status == .forbidden)
            }

            // The trail: each write, nothing sealed in it.
            let trail = try await app.sql.raw(
                "SELECT action, after_json FROM audit_events WHERE entity = 'station_case' ORDER BY sequence"
            ).all()
            let actions = try trail.map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "station.intake", "station.entry", "station.entry", "station.entry", "station.check",
                    "station.photo", "station.notice", "station.outcome", "station.outcome",
                ])
            let takeDown = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'station.takeDown'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(takeDown == 1)
            let trailText = try trail.map { try $0.decode(column: "after_json", as: String?.self) ?? "" }.joined()
            #expect(!trailText.contains("高血压") && !trailText.contains("床"))

            // The pages: the list, the form refusing in place, the case with its checklist.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let form = try await FormVisit.open(app, "/station-cases/new", cookie: cookie)
            #expect(form.page.status == .ok)
            let refused = try await form.post(
                app, "/station-cases/new", [("region", "320402"), ("foundBy", "police"), ("estimatedAge", "七十")])
            #expect(refused.status == .badRequest && refused.body.string.contains("估计年龄应为整数"))
            let posted = try await form.post(
                app, "/station-cases/new",
                [("region", "320402"), ("foundBy", "walkedIn"), ("foundPlaceText", "常州火车站"), ("sex", "female")])
            #expect(posted.status == .seeOther || posted.status == .found, "\(posted.body.string)")
            let page = try await FormVisit.open(app, "/station-cases/\(id)", cookie: cookie).page
            #expect(page.status == .ok && page.body.string.contains(Self.health))
            #expect(page.body.string.contains("常州市社会福利院") && page.body.string.contains("未完成"))
            let list = try await FormVisit.open(app, "/station-cases", cookie: cookie).page
            #expect(list.body.string.contains("章建国") && list.body.string.contains("常州火车站"))
        }
    }

    @Test(
        "the demo: the family-search demo's people found this year are the station's unidentified cases",
        arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db, adjusting: { $0.demoHouseholds = 1 }) { app in
            try await DemoFamilySearch.seedIfEmpty(app)
            try await DemoStation.seedIfEmpty(app)
            let written = try await app.sql.raw("SELECT COUNT(*) AS n FROM station_cases").first()!
                .decode(column: "n", as: Int.self)
            #expect(written > 50)
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            let list = try await send(app, .GET, "/api/v1/station-cases?perPage=200", token: staff).json(List.self)
            #expect(list.total == written)
            let linked = list.items.filter { $0.noticeId != nil }
            #expect(!linked.isEmpty && linked.allSatisfy { $0.idMasked == nil })
            #expect(
                list.items.contains { $0.status == "placedInCare" }
                    && list.items.contains { $0.status == "returnedHome" })
            #expect(
                try await send(app, .GET, "/api/v1/station-cases?filter=overdue", token: staff).json(List.self).total
                    == 1)
            // A published notice's face photo is public; a placed person's notice is down.
            let up = try #require(linked.first { $0.noticeStatus == "published" })
            #expect(try await send(app, .GET, "/family-search/notices/\(up.noticeId!)/photo").status == .ok)
            let down = try #require(linked.first { $0.status == "placedInCare" })
            #expect(down.noticeStatus == "identified")
            #expect(try await send(app, .GET, "/family-search/notices/\(down.noticeId!)/photo").status == .notFound)
        }
    }
}
