@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Regions chosen by name from district → street lists instead of typed codes; a bad value
/// keeps the form with the message in place; the registry pages say names, not codes.
@Suite("Region choices")
struct RegionChoiceTests {
    @Test(
        "lists filter by a district chosen or named; an unknown name keeps the form with an inline message",
        arguments: TestDatabase.available)
    func listFilters(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219500101401")
            _ = try await PayrollTests.household(app, region: "320411002", head: "32041119600101402")
            let admin = try await AccountFixtures.create(app, .cityAdmin, "3204")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, admin.username)

            let list = try await AccountFixtures.get(app, "/households", cookie: cookie)
            #expect(list.body.string.contains("<optgroup label=\"新北区\">"))
            #expect(list.body.string.contains("<option value=\"320411002\">三井街道</option>"))

            let named = try await AccountFixtures.get(
                app, "/households?region=%E6%96%B0%E5%8C%97%E5%8C%BA&address=%E6%B5%8B%E8%AF%95", cookie: cookie)
            #expect(named.status == .ok)
            #expect(named.body.string.contains("共 1 户"))
            #expect(named.body.string.contains("<option value=\"320411\" selected>"))

            let unknown = try await AccountFixtures.get(
                app, "/persons?name=%E5%BC%A0&region=%E7%81%AB%E6%98%9F%E5%8C%BA", cookie: cookie)
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("没有名为“火星区”"))
            #expect(unknown.body.string.contains("id=\"f-name\" name=\"name\" value=\"张\""))
            #expect(unknown.body.string.contains("aria-invalid=\"true\""))
            #expect(unknown.body.string.contains("<h1>人员档案</h1>"))

            let tasks = try await AccountFixtures.get(
                app, "/tasks?region=%E4%B8%89%E4%BA%95%E8%A1%97%E9%81%93", cookie: cookie)
            #expect(tasks.status == .ok)
            #expect(tasks.body.string.contains("<option value=\"320411002\" selected>三井街道</option>"))

            // The API takes names where it took codes; an ambiguous one lists the candidates.
            let api = try await send(app, .GET, "/api/v1/persons?region=%E6%96%B0%E5%8C%97%E5%8C%BA", token: token)
                .json(Page<PersonSummary>.self)
            #expect(api.items.map(\.region) == ["320411002"])
            #expect(api.items.first?.regionName == "江苏省 常州市 新北区 三井街道")
            let ambiguous = try await send(app, .GET, "/api/v1/households?region=%E5%A4%A9%E5%AE%81", token: token)
            #expect(ambiguous.status == .badRequest)
            let answer = try ambiguous.json(ErrorAnswer.self)
            #expect(answer.field == "region")
            #expect(answer.error.contains("天宁区（320402）"))
            #expect(answer.error.contains("天宁街道（320402005）"))
        }
    }

    @Test(
        "a new household's street is chosen and its community typed beside it; a community outside the street is said inline",
        arguments: TestDatabase.available)
    func newHousehold(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let officer = try await AccountFixtures.create(app, .districtOfficer, "320411")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, officer.username)
            let form = try await FormVisit.open(app, "/households/new", cookie: cookie)
            #expect(form.page.body.string.contains("<optgroup label=\"新北区\">"))
            #expect(!form.page.body.string.contains("雕庄街道"))
            let fields = [
                ("address", "三井街道某路1号"), ("headName", "王秀菊"), ("headIdNumber", residentID("32041119700101402")),
            ]
            let refused = try await form.post(
                app, "/households/new", [("region", "320411002"), ("community", "320402001001")] + fields)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("不在所选的新北区 三井街道内"))
            #expect(refused.body.string.contains("value=\"王秀菊\""))
            #expect(refused.body.string.contains("<option value=\"320411002\" selected>三井街道</option>"))

            let created = try await form.post(
                app, "/households/new", [("region", "320411002"), ("community", "003")] + fields)
            #expect(created.status == .seeOther)
            let page = try await AccountFixtures.get(
                app, try #require(AccountFixtures.location(created)), cookie: cookie)
            #expect(page.body.string.contains("新北区 三井街道 社区003"))
            #expect(page.body.string.contains("name=\"community\" value=\"320411002003\""))

            let person = try await AccountFixtures.get(app, "/persons?name=%E7%A7%80%E8%8F%8A", cookie: cookie)
            #expect(person.body.string.contains("江苏省 常州市 新北区 三井街道 社区003"))
            #expect(!person.body.string.contains(">320411002003<"))
        }
    }

    @Test(
        "a new account's region is chosen by name; a community is typed under its street",
        arguments: TestDatabase.available)
    func newAccount(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await AccountFixtures.create(app, .cityAdmin, "3204")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, admin.username)
            let form = try await FormVisit.open(app, "/users/new", cookie: cookie)
            #expect(form.page.body.string.contains("常州市（全部）</option>"))
            let created = try await form.post(
                app, "/users/new",
                [
                    ("username", "grid01"), ("displayName", "网格员一"), ("password", "a long enough password"),
                    ("role", "communityWorker"),
                    ("region", "320411002"), ("community", "005"), ("department", ""),
                ])
            #expect(created.status == .seeOther, "\(created.body.string)")
            #expect(try await AccountFixtures.userRow(app, "grid01")?.region == "320411002005")
        }
    }
}
