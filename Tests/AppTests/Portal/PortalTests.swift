@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// 民政通 (issue 20, item 1): the portal at `/`, its categories, guides, entries and search, the
/// city administrator's edit of a guide, the large-text mode and `GET /api/v1/services`.
@Suite("民政通: the resident portal")
struct PortalTests {
    private typealias F = AccountFixtures

    static func hrefs(_ html: String, under prefix: String) -> [String] {
        html.matches(of: /href="([^"]*)"/).map { LinkWalk.unescaped(String($0.1)) }.filter { $0.hasPrefix(prefix) }
    }

    @Test("every online service names a page of the app, and each such page answers as the table says")
    func entries() async throws {
        for service in PortalCatalog.bundled.services {
            guard let online = service.online else { continue }
            #expect(PortalEntryRoutes.known[online.route] != nil, "\(service.id) \(service.name): \(online.route)")
        }
        #expect(PortalCatalog.bundled.services.filter { $0.online != nil }.count >= 30)
        try await withTestApp(.sqlite) { app in
            let resident = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            for (name, target) in PortalEntryRoutes.known.sorted(by: { $0.key < $1.key }) {
                let visitor = try await send(app, .GET, target.path)
                if target.needsSignIn {
                    #expect(visitor.status == .seeOther, "\(name)")
                    #expect(F.location(visitor)?.hasPrefix("/login?next=") == true, "\(name)")
                } else {
                    #expect(visitor.status == .ok, "\(name)")
                }
                let signedIn = try await F.get(app, target.path, cookie: resident)
                #expect(signedIn.status != .notFound && signedIn.status.code < 500, "\(name): \(signedIn.status)")
            }
        }
    }

    @Test(
        "a visitor reaches every one of the 65 services from its category page, each with its guide and its way in",
        arguments: TestDatabase.available)
    func reachable(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let home = try await send(app, .GET, "/")
            #expect(home.status == .ok)
            let page = home.body.string
            #expect(page.contains("<h1>民政通</h1>") && page.contains("action=\"/services\""))
            let categories = Set(Self.hrefs(page, under: "/services/").filter { $0.split(separator: "/").count == 2 })
            #expect(categories.count == 8)
            var reached: Set<Int> = []
            for category in categories {
                let listing = try await send(app, .GET, category)
                #expect(listing.status == .ok, "\(category)")
                for href in Self.hrefs(listing.body.string, under: category + "/") {
                    let guide = try await send(app, .GET, href)
                    #expect(guide.status == .ok, "\(href)")
                    let text = guide.body.string
                    let id = try #require(Int(href.split(separator: "/").last ?? ""))
                    let service = try #require(PortalCatalog.bundled.service(id))
                    for label in ["谁可以申请", "申请条件", "所需材料", "办理流程", "办理时限", "收费标准", "办理地点", "办公时间", "咨询电话"] {
                        #expect(text.contains(label), "\(href) \(label)")
                    }
                    #expect(text.contains(service.name) && text.contains("咨询办事窗口"))
                    if let online = service.online, let link = PortalEntryRoutes.link(online) {
                        let expected = link.needsSignIn ? "登录后在线办理" : "在线办理"
                        #expect(text.contains(expected), "\(href)")
                        if !link.needsSignIn {
                            #expect(text.contains("href=\"\(link.href.replacingOccurrences(of: "&", with: "&amp;"))\""))
                        }
                    }
                    reached.insert(id)
                }
            }
            #expect(reached == Set(1...65))
            // A category or service that is not there.
            #expect(try await send(app, .GET, "/services/nothing").status == .notFound)
            #expect(try await send(app, .GET, "/services/elderly/1").status == .notFound)
        }
    }

    @Test("a signed-in resident's 在线办理 goes straight to the form; a visitor's through sign-in and back")
    func entryAfterSignIn() async throws {
        try await withTestApp(.sqlite) { app in
            let visitor = try await send(app, .GET, "/services/marriage/34").body.string
            #expect(visitor.contains("href=\"/login?next=%2Fbookings%3Fservice%3Dmarriage\""))
            let resident = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let page = try await F.get(app, "/services/marriage/34", cookie: resident).body.string
            #expect(page.contains("href=\"/bookings?service=marriage\"") && page.contains(">在线办理<"))
            // Offline: the office only.
            let office = try await send(app, .GET, "/services/assistance/8").body.string
            #expect(!office.contains("在线办理") && office.contains("href=\"tel:12345\""))
        }
    }

    @Test(
        "search by the words people use: best match first, an answer when nothing matches",
        arguments: [("低保", "最低生活保障申请"), ("结婚预约", "结婚登记预约"), ("尊老金", "尊老金（高龄津贴）"), ("寻亲", "寻亲登记与寻亲公告查询")])
    func search(query: String, first: String) async throws {
        try await withTestApp(.sqlite) { app in
            let q = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await send(app, .GET, "/services?q=\(q)").body.string
            let firstResult = page.firstMatch(of: /<ol class="portal-services">\s*<li><a href="[^"]*"><strong>([^<]*)</)
            #expect(firstResult.map { String($0.1) } == first)
            let api = try await send(app, .GET, "/api/v1/services?q=\(q)")
            #expect(api.status == .ok)
            #expect(try api.json(PortalServicesAnswer.self).services.first?.name == first)
        }
    }

    @Test("nothing found: the page says so and offers the categories and the phone; the whole list without a query")
    func nothingFound() async throws {
        try await withTestApp(.sqlite) { app in
            let page = try await send(app, .GET, "/services?q=%E9%87%8F%E5%AD%90").body.string
            #expect(page.contains("没有找到") && page.contains("tel:12345") && page.contains("href=\"/services/elderly\""))
            let all = try await send(app, .GET, "/services").body.string
            #expect(
                Set(Self.hrefs(all, under: "/services/").filter { $0.split(separator: "/").count == 3 }).count == 65)
            let api = try await send(app, .GET, "/api/v1/services").json(PortalServicesAnswer.self)
            #expect(api.categories.count == 8 && api.services.count == 65)
            #expect(api.services.first { $0.id == 1 }?.online == "/applications/new")
        }
    }

    @Test("/ keeps the staff's workbench, shows residents and visitors the portal", arguments: TestDatabase.available)
    func home(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let workbench = try await F.get(app, "/", cookie: officer).body.string
            #expect(workbench.contains("<h1>工作台</h1>") && workbench.contains("href=\"/services\""))
            let resident = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let portal = try await F.get(app, "/", cookie: resident).body.string
            #expect(portal.contains("<h1>民政通</h1>") && portal.contains("href=\"/me\""))
            #expect(try await send(app, .GET, "/").body.string.contains("href=\"/login\""))
        }
    }

    @Test("the large-text mode is a cookie the layout of every page honours", arguments: TestDatabase.available)
    func largeText(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let on = try await send(
                app, .GET, "/text-size?large=1", headers: ["Referer": "http://localhost/services/elderly"])
            #expect(on.status == .seeOther && F.location(on) == "/services/elderly")
            #expect(on.headers.setCookie?["minzheng_text"]?.string == "large")
            for path in ["/", "/services/elderly/11", "/login", "/calculator", "/no-such-page"] {
                let page = try await send(app, .GET, path, headers: ["Cookie": "minzheng_text=large"]).body.string
                #expect(page.contains("<html lang=\"zh-CN\" class=\"large-text\">"), "\(path)")
                #expect(page.contains("href=\"/text-size?large=0\""), "\(path)")
            }
            #expect(!(try await send(app, .GET, "/").body.string.contains("large-text\">")))
            let off = try await send(
                app, .GET, "/text-size?large=0", headers: ["Referer": "https://evil.example/x", "Host": "localhost"])
            #expect(F.location(off) == "/" && off.headers.setCookie?["minzheng_text"]?.string == "")
        }
    }

    @Test(
        "only the city administrator edits a guide; an empty field is refused naming it; a saved edit is audited and shown",
        arguments: TestDatabase.available)
    func edit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let path = "/services/elderly/11/edit"
            for role in [Role.districtOfficer, .resident, .auditor] {
                let cookie = try await PolicyPageTests.signedIn(
                    app, role: role, region: role == .resident ? "320402001" : "320402")
                #expect(try await F.get(app, path, cookie: cookie).status == .forbidden, "\(role)")
            }
            #expect(F.location(try await send(app, .GET, path))?.hasPrefix("/login") == true)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let guide = try await F.get(app, "/services/elderly/11", cookie: admin).body.string
            #expect(guide.contains("href=\"\(path)\""))
            let visit = try await FormVisit.open(app, path, cookie: admin)
            #expect(visit.page.status == .ok)
            let service = try #require(PortalCatalog.bundled.service(11))
            var fields = Self.fields(service, version: 1)
            fields[Self.index(of: "who", in: fields)].1 = "  "
            let refused = try await visit.post(app, path, fields)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("申请对象：请填写申请对象"))
            #expect(refused.body.string.contains("name=\"who\" rows=\"2\" class=\"field-error\""))
            fields[Self.index(of: "who", in: fields)].1 = "常州户籍、年满80周岁的老年人（含户籍在外、长期居住在常州的，按规定办理）。"
            fields[Self.index(of: "keywords", in: fields)].1 = service.keywords.joined(separator: "\n") + "\n老人钱"
            let saved = try await visit.post(app, path, fields)
            #expect(saved.status == .seeOther && F.location(saved) == "/services/elderly/11?saved=1")
            let shown = try await send(app, .GET, "/services/elderly/11").body.string
            #expect(shown.contains("长期居住在常州的"))
            let found = try await send(app, .GET, "/api/v1/services?q=%E8%80%81%E4%BA%BA%E9%92%B1")
            #expect(try found.json(PortalServicesAnswer.self).services.first?.id == 11)
            #expect(try await F.auditActions(app).contains("portal.service.update"))
            // The same form again, on the old version: refused, nothing overwritten.
            let stale = try await visit.post(app, path, fields)
            #expect(stale.status == .conflict)
        }
    }

    static func fields(_ s: PortalService, version: Int) -> [(String, String)] {
        [
            ("version", String(version)), ("name", s.name), ("summary", s.summary), ("who", s.who),
            ("conditions", s.conditions), ("documents", s.documents.joined(separator: "\n")),
            ("steps", s.steps.joined(separator: "\n")), ("timeLimit", s.timeLimit), ("fee", s.fee), ("place", s.place),
            ("hours", s.hours), ("phone", s.phone), ("keywords", s.keywords.joined(separator: "\n")),
            ("initials", s.initials.joined(separator: "\n")),
        ]
    }

    static func index(of name: String, in fields: [(String, String)]) -> Int {
        fields.firstIndex { $0.0 == name }!
    }
}
