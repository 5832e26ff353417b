@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The lists as people page through them: jump to a page, sort by a column, a page past
/// the end shows the last one; the household and person lists export to .xlsx (masked,
/// audited); a household prints.
@Suite("Registry lists, exports and print")
struct RegistryListTests {
    /// 25 households of 320402001, 张某01 … 张某25 at 测试路01号 … 25号, signed in as a street officer.
    static func twentyFive(_ app: Application) async throws -> String {
        let token = try await app.token(role: .cityAdmin, region: "3204")
        for i in 1...25 {
            let n = String(format: "%02d", i)
            var body = RegistryAPITests.household(headID: residentID("320402197001013\(n)"))
            body["address"] = "测试路\(n)号"
            var members = body["members"] as! [[String: Any]]
            members[0]["name"] = "张某\(n)"
            body["members"] = members
            let created = try await send(app, .POST, "/api/v1/households", token: token, json: body)
            #expect(created.status == .created, "\(created.body.string)")
        }
        let officer = try await AccountFixtures.create(app, .streetOfficer, "320402001")
        return try await AccountFixtures.pageSignIn(app, officer.username).1
    }

    /// Where each name first appears in the list's table (not in the header above it).
    static func positions(_ body: String, of names: [String]) -> [String.Index?] {
        let table = body.range(of: "<tbody>").map { body[$0.upperBound...] } ?? Substring(body)
        return names.map { table.range(of: $0)?.lowerBound }
    }

    @Test(
        "jump to a page, sort by address either way round, and a page past the end is the last",
        arguments: TestDatabase.available)
    func pagesAndSorting(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let cookie = try await Self.twentyFive(app)
            let first = try await AccountFixtures.get(app, "/households?sort=address", cookie: cookie).body.string
            #expect(first.contains("第 1 / 2 页"))
            #expect(first.contains("<form method=\"get\" action=\"/households\" class=\"pager-jump\">"))
            #expect(first.contains("<input type=\"hidden\" name=\"sort\" value=\"address\">"))
            let order = Self.positions(first, of: ["测试路01号", "测试路02号", "测试路20号"])
            #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
            #expect(!first.contains("测试路21号"))

            let past = try await AccountFixtures.get(app, "/households?sort=address&page=101", cookie: cookie)
            #expect(past.status == .ok)
            #expect(past.body.string.contains("第 2 / 2 页"))
            #expect(past.body.string.contains("测试路25号"))

            let newest = try await AccountFixtures.get(app, "/persons?sort=updated", cookie: cookie).body.string
            let byUpdate = Self.positions(newest, of: ["张某25", "张某24"])
            #expect(byUpdate.allSatisfy { $0 != nil } && byUpdate[0]! < byUpdate[1]!)

            // Only the whitelisted orders exist: anything else is the usual order.
            let odd = try await AccountFixtures.get(app, "/persons?sort=name%3BDROP%20TABLE%20persons", cookie: cookie)
            #expect(odd.status == .ok)
            #expect(odd.body.string.contains("共 25 人"))

            let token = try await app.token(role: .cityAdmin, region: "3204")
            let api = try await send(app, .GET, "/api/v1/households?page=9&perPage=10", token: token).json(
                Page<HouseholdSummary>.self)
            #expect(api.page == 3)
            #expect(api.items.count == 5)
        }
    }

    @Test("the application, account and task lists sort and clamp too", arguments: TestDatabase.available)
    func otherLists(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await AccountFixtures.create(app, .cityAdmin, "3204", username: "zz-admin")
            try await AccountFixtures.create(app, .streetOfficer, "320402001", username: "aa-street")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, admin.username)
            let byName = try await AccountFixtures.get(app, "/users?sort=username&page=40", cookie: cookie).body.string
            #expect(byName.contains("第 1 / 1 页"))
            let names = Self.positions(byName, of: ["aa-street", "zz-admin"])
            #expect(names.allSatisfy { $0 != nil } && names[0]! < names[1]!)
            let byRegion = try await AccountFixtures.get(app, "/users", cookie: cookie).body.string
            let regions = Self.positions(byRegion, of: ["zz-admin", "aa-street"])
            #expect(regions.allSatisfy { $0 != nil } && regions[0]! < regions[1]!)

            let applications = try await AccountFixtures.get(app, "/applications?sort=deadline&page=7", cookie: cookie)
            #expect(applications.status == .ok)
            #expect(applications.body.string.contains("<option value=\"deadline\" selected>"))
            let tasks = try await AccountFixtures.get(app, "/tasks?page=3", cookie: cookie)
            #expect(tasks.status == .ok)
        }
    }

    @Test(
        "the household and person lists export to .xlsx with masked numbers, each export audited",
        arguments: TestDatabase.available)
    func exports(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let cookie = try await Self.twentyFive(app)
            let households = try await AccountFixtures.get(app, "/households.xlsx?sort=address", cookie: cookie)
            #expect(households.status == .ok)
            #expect(households.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            let persons = try await AccountFixtures.get(app, "/persons.xlsx?name=%E5%BC%A0%E6%9F%90", cookie: cookie)
            #expect(persons.status == .ok)

            for (label, response) in [("households", households), ("persons", persons)] {
                let path = NSTemporaryDirectory() + "minzheng-test-\(UUID().uuidString).xlsx"
                defer { try? FileManager.default.removeItem(atPath: path) }
                try Data(response.body.readableBytesView).write(to: URL(fileURLWithPath: path))
                guard let sheet = try OpenpyxlRows.read(path) else { continue }
                #expect(sheet.count == 26, "\(label)")
                if label == "persons" {
                    #expect(sheet[0].first == "姓名")
                    let first = try #require(sheet.first { $0.first == "张某01" })
                    #expect(first[1] == ResidentID.mask(residentID("32040219700101301")))
                    #expect(first[5] == "江苏省 常州市 天宁区 雕庄街道")
                    #expect(!sheet.flatMap { $0 }.contains(residentID("32040219700101301")))
                } else {
                    #expect(sheet[1] == ["江苏省 常州市 天宁区 雕庄街道", "测试路01号", "张某01", "1"])
                }
            }
            let events = try await AccountFixtures.auditEvents(app).filter { $0.action.hasSuffix(".export") }
            #expect(events.map(\.action) == ["household.export", "person.export"])
            #expect(events.allSatisfy { $0.after?.contains("25") == true })
        }
    }

    @Test(
        "a household prints: members, masked ID numbers, region names, print styles", arguments: TestDatabase.available)
    func printView(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, _) = try await PayrollTests.household(app, region: "320402001", head: "32040219500101401")
            let worker = try await AccountFixtures.create(app, .communityWorker, "320402001")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, worker.username)
            let page = try await AccountFixtures.get(app, "/households/\(household)", cookie: cookie)
            #expect(page.body.string.contains("href=\"/households/\(household)/print\""))
            let print = try await AccountFixtures.get(app, "/households/\(household)/print", cookie: cookie)
            #expect(print.status == .ok)
            let body = print.body.string
            #expect(body.contains("张建国"))
            #expect(body.contains("江苏省 常州市 天宁区 雕庄街道"))
            #expect(body.contains("class=\"print-page\""))
            #expect(body.contains("/css/app.css"))
            #expect(!body.contains(residentID("32040219500101401")))
            #expect(body.contains("320402********"))
            let outside = try await AccountFixtures.create(app, .communityWorker, "320411002")
            let (_, other) = try await AccountFixtures.pageSignIn(app, outside.username)
            #expect(
                try await AccountFixtures.get(app, "/households/\(household)/print", cookie: other).status == .notFound)
        }
    }
}
