@testable import App
import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Testing
import VaporTesting

/// Issue 15, item 8: the public service map (no sign-in: filters, nearest first from the
/// phone or a street, a facility's page with its prices), the adviser form and the street's
/// queue, and the planning view of the "15-minute circle".
@Suite("Elderly care: the service map, the adviser and the planning view")
struct ElderlyServiceMapTests {
    static let today = CivilDate("2026-03-10")!
    static let centre = GeoPoint(latitude: 31.78, longitude: 119.97)!

    static func point(north: Double, east: Double) -> GeoPoint {
        GeoPoint(
            latitude: centre.latitude + north / 111_195,
            longitude: centre.longitude + east / (111_195 * centre.longitudeScale))!
    }

    /// Files a facility `north`/`east` metres from the centre through the API.
    @discardableResult
    static func facility(
        _ app: Application, name: String, kind: String, region: String = "320402001", at p: GeoPoint,
        beds: Int, residents: Int
    ) async throws -> FacilityRecord {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        var body = ElderlyFacilitiesTests.facility(
            region: region, name: name, kind: kind, beds: beds, nursing: beds / 2)
        body["latitude"] = p.latitude
        body["longitude"] = p.longitude
        body["residents"] = residents
        return try await ElderlyFacilitiesTests.create(app, token: admin, body)
    }

    /// The order in which the names appear on a page.
    static func order(_ page: String, _ names: [String]) -> [String] {
        names.compactMap { name in page.range(of: name).map { (name, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test(
        "anyone finds facilities nearest first, filtered by area, kind, grade and free beds",
        arguments: TestDatabase.available)
    func search(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            try await Self.facility(
                app, name: "近处服务站", kind: "communityStation", at: Self.point(north: 300, east: 0), beds: 0, residents: 0
            )
            try await Self.facility(
                app, name: "满员养老院", kind: "careHomePrivate", at: Self.point(north: 0, east: 2_000), beds: 100,
                residents: 100)
            let graded = try await Self.facility(
                app, name: "四级敬老院", kind: "careHomePublic", at: Self.point(north: -5_000, east: 0), beds: 200,
                residents: 150)
            try await Self.facility(
                app, name: "武进颐养院", kind: "careHomePrivate", region: "320412001",
                at: Self.point(north: -20_000, east: 0),
                beds: 50, residents: 10)
            try await FacilityStore(db: app.sql, regions: app.platform.regions).setGrade(
                id: graded.id, grade: 4,
                validity: FacilityGrading.validity(
                    certifiedOn: CivilDate("2025-01-01")!,
                    parameters: try await FacilityService.parameters(db: app.sql, region: "3204", on: Self.today)),
                at: Date())
            let names = ["近处服务站", "满员养老院", "四级敬老院", "武进颐养院"]
            func visible(_ query: String) async throws -> [String] {
                let res = try await send(app, .GET, "/care-map" + query)
                try #require(res.status == .ok, "\(query): \(res.body.string.prefix(300))")
                return Self.order(res.body.string, names)
            }
            let here = "latitude=\(Self.centre.latitude)&longitude=\(Self.centre.longitude)"
            #expect(try await visible("?" + here) == names)
            let nearest = try await send(app, .GET, "/care-map?" + here).body.string
            #expect(nearest.contains("300 米") && nearest.contains("2.0 公里") && nearest.contains("从您的位置出发"))
            #expect(nearest.contains("<svg") && nearest.contains("class=\"pin\""))
            #expect(try await visible("?freeBeds=1&" + here) == ["四级敬老院", "武进颐养院"])
            #expect(try await visible("?grade=4") == ["四级敬老院"])
            #expect(try await visible("?kind=communityStation") == ["近处服务站"])
            #expect(try await visible("?region=320412") == ["武进颐养院"])
            // A suspended grade is not a grade on the public map.
            _ = try await FacilityStore(db: app.sql, regions: app.platform.regions).suspend(
                ids: [graded.id], at: Date())
            #expect(try await visible("?grade=4") == [])
            for (query, field) in [
                ("?grade=9", "m-grade"), ("?latitude=31.7", "m-region"), ("?region=110101", "m-region"),
                ("?from=320402001", "m-from"), ("?kind=castle", "m-kind"),
            ] {
                let res = try await send(app, .GET, "/care-map" + query)
                #expect(res.status == .badRequest, "\(query)")
                #expect(res.body.string.contains("role=\"alert\""), "\(query)")
                if field != "m-region" || query.contains("region") {
                    #expect(
                        res.body.string.contains("id=\"\(field)\" name=") && res.body.string.contains("aria-invalid"),
                        "\(query)")
                }
            }
        }
    }

    @Test(
        "a street's recorded office is a starting point; recording it takes the right to manage facilities",
        arguments: TestDatabase.available)
    func startFromStreet(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            try await Self.facility(
                app, name: "东边服务站", kind: "communityStation", at: Self.point(north: 0, east: 4_000), beds: 0,
                residents: 0)
            try await Self.facility(
                app, name: "西边服务站", kind: "communityStation", at: Self.point(north: 0, east: -1_000), beds: 0,
                residents: 0)
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001001")
            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let fields = [
                ("code", "320402001"), ("latitude", String(Self.point(north: 0, east: 3_500).latitude)),
                ("longitude", String(Self.point(north: 0, east: 3_500).longitude)),
            ]
            let refused = try await FormVisit.open(app, "/facilities/planning", cookie: worker).post(
                app, "/facilities/planning/locations", fields)
            #expect(refused.status == .forbidden)
            let other = try await FormVisit.open(app, "/facilities/planning", cookie: officer).post(
                app, "/facilities/planning/locations",
                [("code", "320402002"), ("latitude", "31.7"), ("longitude", "119.9")])
            #expect(other.status == .badRequest)
            #expect(other.body.string.contains("不在您的管辖范围"))
            let bad = try await FormVisit.open(app, "/facilities/planning", cookie: officer).post(
                app, "/facilities/planning/locations",
                [("code", "320402001"), ("latitude", "北纬"), ("longitude", "119.9")])
            #expect(bad.status == .badRequest)
            #expect(
                bad.body.string.contains(
                    "id=\"l-lat\" name=\"latitude\" inputmode=\"decimal\" value=\"北纬\" required class=\"field-error\""))
            let saved = try await FormVisit.open(app, "/facilities/planning", cookie: officer).post(
                app, "/facilities/planning/locations", fields)
            #expect(saved.status == .seeOther)
            let page = try await send(app, .GET, "/care-map?from=320402001").body.string
            #expect(Self.order(page, ["东边服务站", "西边服务站"]) == ["东边服务站", "西边服务站"])
            #expect(page.contains("从雕庄街道出发"))
            #expect(page.contains("<option value=\"320402001\" selected>雕庄街道</option>"))
            let audit = try await AccountFixtures.auditActions(app)
            #expect(audit.filter { $0 == "region.location.set" }.count == 1)
        }
    }

    @Test(
        "a facility's public page shows its prices and contact, never its inspections or credit code",
        arguments: TestDatabase.available)
    func facilityPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let f = try await Self.facility(
                app, name: "公开页养老院", kind: "careHomePrivate", at: Self.centre, beds: 120, residents: 100)
            let manager = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let visit = try await FormVisit.open(app, "/facilities/\(f.id)", cookie: manager)
            let wrong = try await visit.post(
                app, "/facilities/\(f.id)/prices", [("item", "床位费"), ("amount", "12.345"), ("unit", "month")])
            #expect(wrong.status == .badRequest)
            #expect(
                wrong.body.string.contains(
                    "id=\"p-amount\" name=\"amount\" inputmode=\"decimal\" value=\"12.345\" required class=\"field-error\""
                ))
            #expect(try await FacilityPriceStore(db: app.sql).count(of: f.id) == 0)
            let added = try await visit.post(
                app, "/facilities/\(f.id)/prices", [("item", "床位费（双人间）"), ("amount", "2,400"), ("unit", "month")])
            #expect(added.status == .seeOther)
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001001")
            let refused = try await FormVisit.open(app, "/facilities/\(f.id)", cookie: worker).post(
                app, "/facilities/\(f.id)/prices", [("item", "伙食费"), ("amount", "800"), ("unit", "month")])
            #expect(refused.status == .forbidden)

            let page = try await send(app, .GET, "/care-map/facilities/\(f.id)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("床位费（双人间）") && html.contains("2,400.00 元 每月"))
            #expect(html.contains("空余 20 张") && html.contains("0519-86661234"))
            #expect(!html.contains(f.creditCode))
            #expect(html.contains("/care-map/advice?street=320402001"))
            #expect(try await send(app, .GET, "/care-map/facilities/\(UUID())").status == .notFound)

            let line = try #require(try await FacilityPriceStore(db: app.sql).prices(of: f.id).first)
            let removed = try await visit.post(app, "/facilities/\(f.id)/prices/\(line.id)/remove", [])
            #expect(removed.status == .seeOther)
            #expect(!(try await send(app, .GET, "/care-map/facilities/\(f.id)").body.string.contains("床位费（双人间）")))
            let audit = try await AccountFixtures.auditActions(app)
            #expect(audit.contains("facility.price.add") && audit.contains("facility.price.remove"))
        }
    }

    static let question = [
        ("kind", "careNeed"), ("street", "320402001"), ("name", "王阿姨"), ("phone", "139 1234 5678"),
        ("message", "母亲 86 岁独居，想申请上门助浴。"),
    ]

    @Test(
        "a question lands in its street's queue, is answered there and read with the reply code",
        arguments: TestDatabase.available)
    func advice(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let form = try await FormVisit.open(app, "/care-map/advice?street=320402001")
            #expect(form.page.body.string.contains("<option value=\"320402001\" selected>雕庄街道</option>"))
            #expect(!form.page.body.string.contains("监狱"))
            var badPhone = Self.question
            badPhone[3] = ("phone", "12345")
            let refused = try await form.post(app, "/care-map/advice", badPhone)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("id=\"a-phone\"") && refused.body.string.contains("联系电话格式不正确"))
            let sent = try await form.post(app, "/care-map/advice", Self.question)
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers.first(name: .location))
            let code = try #require(location.firstMatch(of: /\/care-map\/advice\/([A-Z0-9]{12})\?new=1/)?.1)
            let receipt = try await send(app, .GET, location).body.string
            #expect(receipt.contains(String(code)) && receipt.contains("待答复") && receipt.contains("王**"))
            #expect(receipt.contains("139****5678") && !receipt.contains("13912345678"))
            #expect(try await send(app, .GET, "/care-map/advice/ABCDEFGHJKMN").status == .notFound)

            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let elsewhere = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402002")
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001001")
            let queue = try await AccountFixtures.get(app, "/advice", cookie: officer).body.string
            #expect(queue.contains("王阿姨 · 139****5678") && !queue.contains("13912345678"))
            let id = try #require(queue.firstMatch(of: /href="\/advice\/([0-9A-F-]{36})"/)?.1)
            #expect(!(try await AccountFixtures.get(app, "/advice", cookie: elsewhere).body.string.contains("王阿姨")))
            #expect(try await AccountFixtures.get(app, "/advice/\(id)", cookie: elsewhere).status == .notFound)
            #expect(try await AccountFixtures.get(app, "/advice", cookie: worker).status == .forbidden)

            let detail = try await FormVisit.open(app, "/advice/\(id)", cookie: officer)
            #expect(detail.page.body.string.contains("tel:13912345678"))
            #expect(
                try await detail.post(app, "/advice/\(id)", [("answer", " "), ("version", "1")]).status == .badRequest)
            let answered = try await detail.post(
                app, "/advice/\(id)", [("answer", "已安排社区工作人员明天上门评估。"), ("version", "1")])
            #expect(answered.status == .seeOther)
            #expect(
                try await detail.post(app, "/advice/\(id)", [("answer", "再答一次"), ("version", "2")]).status == .conflict)
            let reply = try await send(app, .GET, "/care-map/advice/\(code.lowercased())").body.string
            #expect(reply.contains("已安排社区工作人员明天上门评估。"))

            let audit = try await app.sql.raw(
                "SELECT action, after_json FROM audit_events WHERE action LIKE 'advice.%' ORDER BY sequence"
            ).all()
            #expect(
                try audit.map { try $0.decode(column: "action", as: String.self) } == [
                    "advice.submit", "advice.answer",
                ])
            #expect(
                try audit.allSatisfy {
                    !((try $0.decode(column: "after_json", as: String?.self)) ?? "").contains("13912345678")
                })
        }
    }

    @Test("the adviser form takes five requests an hour from one address")
    func adviceRateLimit() async throws {
        try await withTestApp(.sqlite) { app in
            let form = try await FormVisit.open(app, "/care-map/advice")
            for _ in 1...5 { #expect(try await form.post(app, "/care-map/advice", Self.question).status == .seeOther) }
            let sixth = try await form.post(app, "/care-map/advice", Self.question)
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.headers.first(name: "Retry-After") != nil)
        }
    }

    @Test(
        "the planning view lists the communities outside the circle with their older residents",
        arguments: TestDatabase.available)
    func planning(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            _ = try await PayrollTests.household(app, region: "320402001001", head: "32040219500101001")
            _ = try await PayrollTests.household(app, region: "320402001001", head: "32040219900101002")
            _ = try await PayrollTests.household(app, region: "320402001002", head: "32040219550101003")
            _ = try await PayrollTests.household(app, region: "320402001003", head: "32040219400101004")
            try await Self.facility(
                app, name: "中心服务站", kind: "communityStation", at: Self.centre, beds: 0, residents: 0)
            try await Self.facility(
                app, name: "远处养老院", kind: "careHomePrivate", at: Self.point(north: 1_500, east: 0), beds: 90,
                residents: 80)
            let places = RegionLocationStore(db: app.sql)
            try await places.set(RegionCode("320402001001")!, to: Self.point(north: 500, east: 0), by: "t", at: Date())
            try await places.set(
                RegionCode("320402001002")!, to: Self.point(north: 1_500, east: 0), by: "t", at: Date())
            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await AccountFixtures.get(app, "/facilities/planning", cookie: officer)
            #expect(page.status == .ok)
            let html = page.body.string
            // 001 inside (500 m), 002 outside (1.5 km: the care home does not count), 003 not located.
            #expect(html.contains("3 个：服务圈内 1 个，服务圈外 1 个，未登记驻地位置 1 个"))
            #expect(html.contains("服务圈外的老年人</dt><dd>1 人（共 3 人）"))
            #expect(html.contains("320402001002") && html.contains("1.5 公里") && html.contains("中心服务站"))
            #expect(!html.contains("320402001001</span>"))
            #expect(html.contains("/facilities/planning?show=all"))
            #expect(
                try await AccountFixtures.get(app, "/facilities/planning?show=all", cookie: officer).body.string
                    .contains(
                        "320402001001</span>"))
            // The export has every community with its distance in metres.
            let xlsx = try await AccountFixtures.get(app, "/facilities/planning.xlsx", cookie: officer)
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("planning-\(UUID()).xlsx")
            try Data(buffer: xlsx.body).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var sheet: [[String]] = []
            try XLSXReader.readFirstSheet(at: file) { _, cells in sheet.append(cells) }
            #expect(sheet.map { $0.first ?? "" } == ["社区代码", "320402001002", "320402001001", "320402001003"])
            #expect(sheet[1].count >= 6 && sheet[1][2] == "1" && sheet[1][4] == "1500" && sheet[1][5] == "服务圈外")
            // A wider circle (a dated parameter) takes 002 in.
            _ = try await PolicyStore(db: app.sql).addVersion(
                PolicyParameterRow(
                    regionCode: "3204", key: .serviceCircleMetres, fromMonth: YearMonth("2026-01")!, value: 2_000),
                note: "test", createdBy: "test", at: Date())
            #expect(
                try await AccountFixtures.get(app, "/facilities/planning", cookie: officer).body.string.contains(
                    "服务圈内 2 个，服务圈外 0 个"))
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "3204")
            #expect(try await AccountFixtures.get(app, "/facilities/planning", cookie: auditor).status == .ok)
            let department = try await PolicyPageTests.signedIn(app, role: .department, region: "3204")
            #expect(try await AccountFixtures.get(app, "/facilities/planning", cookie: department).status == .forbidden)
        }
    }

    @Test("the demo has the offices, prices and questions of the map", arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            _ = try await app.demoSeeder.seed(households: 60, seed: 1, today: Self.today)
            let s = try await DemoFacilities.seed(
                db: app.sql, writer: app.writer(actor: .system("demo")), clock: app.platform.clock,
                cipher: app.platform.cipher, count: 60)
            #expect(s.serviceMap.locations > 30 && s.serviceMap.prices > 60 && s.serviceMap.questions == 6)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let queue = try await AccountFixtures.get(app, "/advice", cookie: admin).body.string
            #expect(queue.contains("件已超过答复时限") && queue.contains("已答复"))
            let planning = try await AccountFixtures.get(app, "/facilities/planning", cookie: admin).body.string
            #expect(planning.contains("服务圈外") && planning.contains("护理型床位占比"))
        }
    }
}
