@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: a grid worker finds the visits in the menu and on the home page, sees whom to
/// visit, records the visit and sees it recorded; the street decides benefit changes on a page.
@Suite("Grid workers' and the street's pages")
struct GridWorkerPagesTests {
    /// A household in community 320402001001 with an orange alert (a medical burden) and its task.
    static func alertedHousehold(_ app: Application) async throws {
        let head = residentID("32040219650312401")
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        _ = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: RegistryAPITests.household(region: "320402001001", headID: head))
        let medical = try await MonitoringTests.departmentToken(app, "medicalInsurance")
        _ = try await send(
            app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
            json: [MonitoringTests.medical(head, source: "MI-1", outOfPocketFen: 1_500_000)])
    }

    @Test(
        "the menu and the home page lead a grid worker to the visits, with open and overdue counts",
        arguments: TestDatabase.available)
    func homeAndMenu(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await Self.alertedHousehold(app)
            let cookie = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001001")
            var home = try await AccountFixtures.get(app, "/", cookie: cookie).body.string
            #expect(home.contains("<a href=\"/tasks\">走访任务</a>"))
            #expect(home.contains("<span class=\"stat-label\">待走访</span><span class=\"stat-value\">1</span>"))
            #expect(home.contains("<span class=\"stat-label\">已超期</span><span class=\"stat-value\">0</span>"))
            #expect(home.contains("class=\"menu-toggle\""), "the phone menu folds behind 菜单")
            // Eight days on, the visit the orange alert asked for (due in 7) is late.
            app.platform.clock = .fixed(app.platform.clock.today.adding(days: 8))
            home = try await AccountFixtures.get(app, "/", cookie: cookie).body.string
            #expect(home.contains("<span class=\"stat-label\">已超期</span><span class=\"stat-value\">1</span>"))
            #expect(!home.contains("/reviews"), "benefit changes are the street's to decide")
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "320402")
            #expect(!(try await AccountFixtures.get(app, "/", cookie: auditor).body.string.contains("走访任务")))
        }
    }

    /// `POST /tasks/escalate` for every role, from outside the late task's region and from
    /// inside it (community 320402001001): a role without visits is refused both times; one
    /// with visits sends up nothing outside its region and the one late task inside.
    static let escalateCases: [(role: Role, outside: String?, inside: String, permitted: Bool)] = [
        (.cityAdmin, nil, "3204", true),
        (.districtOfficer, "320404", "320402", true),
        (.streetOfficer, "320402002", "320402001", true),
        (.communityWorker, "320402001002", "320402001001", true),
        (.auditor, "320404", "320402", false),
        (.department, "320404", "320402", false),
        (.resident, "320404001001", "320402001001", false),
    ]

    @Test(
        "the escalate button, every role × outside and inside the late task's region",
        arguments: Self.escalateCases.indices, TestDatabase.available)
    func escalateByRole(_ index: Int, _ db: TestDatabase) async throws {
        let c = Self.escalateCases[index]
        try await withTestApp(db) { app in
            try await Self.alertedHousehold(app)
            app.platform.clock = .fixed(app.platform.clock.today.adding(days: 8))
            func press(_ region: String) async throws -> TestingHTTPResponse {
                let cookie = try await PolicyPageTests.signedIn(app, role: c.role, region: region)
                return try await FormVisit.open(app, "/account", cookie: cookie).post(app, "/tasks/escalate", [])
            }
            if let outside = c.outside {
                let answer = try await press(outside)
                #expect(answer.status == (c.permitted ? .seeOther : .forbidden), "\(c.role) of \(outside)")
                if c.permitted { #expect(answer.headers.first(name: .location) == "/tasks?escalated=0") }
            }
            let answer = try await press(c.inside)
            #expect(answer.status == (c.permitted ? .seeOther : .forbidden), "\(c.role) of \(c.inside)")
            if c.permitted { #expect(answer.headers.first(name: .location) == "/tasks?escalated=1") }
            let late = try await app.sql.raw("SELECT COUNT(*) AS n FROM visit_tasks WHERE escalated = \(bind: true)")
                .first()?.decode(column: "n", as: Int.self)
            #expect(late == (c.permitted ? 1 : 0))
        }
    }

    @Test(
        "viewing the task list or the overview changes nothing; the escalate button sends the region's late visits up",
        arguments: TestDatabase.available)
    func escalateOnlyOnRequest(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await Self.alertedHousehold(app)
            app.platform.clock = .fixed(app.platform.clock.today.adding(days: 8))
            let escalated: SQLQueryString = "SELECT COUNT(*) AS n FROM visit_tasks WHERE escalated = \(bind: true)"
            func count(_ query: SQLQueryString) async throws -> Int {
                try await app.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let auditEvents = try await count("SELECT COUNT(*) AS n FROM audit_events")
            let street = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let list = try await FormVisit.open(app, "/tasks", cookie: street)
            _ = try await AccountFixtures.get(app, "/monitoring", cookie: street)
            #expect(try await count(escalated) == 0, "a GET never writes")
            #expect(try await count("SELECT COUNT(*) AS n FROM audit_events") == auditEvents)

            // Another street's officer escalates nothing of this street.
            let other = try await FormVisit.open(
                app, "/tasks",
                cookie: try await PolicyPageTests.signedIn(
                    app, role: .streetOfficer,
                    region: "320402002"))
            #expect(
                try await other.post(app, "/tasks/escalate", []).headers.first(name: .location) == "/tasks?escalated=0")
            let sent = try await list.post(app, "/tasks/escalate", [])
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == "/tasks?escalated=1")
            #expect(try await count(escalated) == 1)
            let page = try await AccountFixtures.get(app, "/tasks?escalated=1", cookie: street).body.string
            #expect(page.contains("已将 1 项超期任务上交街道。"))
        }
    }

    @Test(
        "the list and the task say whom to visit; no outcome is preselected; the saved visit is shown, not a blank form",
        arguments: TestDatabase.available)
    func visit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await Self.alertedHousehold(app)
            let cookie = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001001")
            let list = try await FormVisit.open(app, "/tasks", cookie: cookie)
            let text = list.page.body.string
            #expect(
                text.contains("张建国") && text.contains("320402********401") && text.contains("139****5678")
                    && text.contains("测试路1号"))
            let path = try #require(text.firstMatch(of: /href="(\/tasks\/[0-9A-F-]+)"/).map { String($0.1) })
            let form = try await FormVisit.open(app, path, cookie: cookie)
            let page = form.page.body.string
            #expect(page.contains("<a href=\"tel:13912345678\">13912345678</a>"))
            #expect(page.contains("<option value=\"\">请选择走访结果</option>"))
            #expect(!page.contains("selected"))
            let missing = try await form.post(
                app, path, [("visitedOn", "2026-11-01"), ("findings", "已入户"), ("outcome", "")])
            #expect(missing.status == .badRequest)
            #expect(missing.body.string.contains(">已入户</textarea>"), "what was typed is kept")
            let saved = try await form.post(
                app, path, [("visitedOn", "2026-11-01"), ("findings", "住院花费大，家庭困难"), ("outcome", "startApplication")])
            #expect(saved.status == .seeOther)
            #expect(AccountFixtures.location(saved) == path + "?saved=1")
            let shown = try await AccountFixtures.get(app, path + "?saved=1", cookie: cookie).body.string
            #expect(shown.contains("走访记录已保存"))
            #expect(shown.contains("为该家庭发起救助申请"))
            #expect(shown.contains("住院花费大，家庭困难") && shown.contains("2026-11-01") && shown.contains("发起救助申请"))
            #expect(!shown.contains("提交走访记录"))
        }
    }

    @Test(
        "the street confirms a benefit change on its page; the head changes; the header names the role once",
        arguments: TestDatabase.available)
    func reviewPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await HouseholdChangeTests.family(app)
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity")
            _ = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [
                    [
                        "sourceRecordId": "D-1", "idNumber": residentID(HouseholdChangeTests.headID),
                        "deathDate": "2026-01-05",
                    ]
                ])
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let home = try await AccountFixtures.get(app, "/", cookie: cookie).body.string
            #expect(home.contains("<span class=\"stat-label\">成员变化待确认</span><span class=\"stat-value\">1</span>"))
            let queue = try await FormVisit.open(app, "/reviews", cookie: cookie)
            let page = queue.page.body.string
            #expect(page.contains("成员死亡：张建国") && page.contains("¥2,200.00 → <strong>¥2,100.00</strong>"))
            #expect(page.contains("建议由 李秀英 担任户主"))
            let path = try #require(page.firstMatch(of: /action="(\/reviews\/[0-9A-F-]+)"/).map { String($0.1) })
            let version = try #require(page.firstMatch(of: /name="version" value="(\d+)"/).map { String($0.1) })
            let noAmount = try await queue.post(
                app, path, [("version", version), ("action", "correct"), ("amount", "")])
            #expect(noAmount.status == .badRequest)
            #expect(noAmount.body.string.contains("请填写核定的月金额"))
            let confirmed = try await queue.post(app, path, [("version", version), ("action", "confirm")])
            #expect(AccountFixtures.location(confirmed) == "/reviews?done=confirmed")
            let after = try await AccountFixtures.get(app, "/reviews?done=confirmed", cookie: cookie).body.string
            #expect(after.contains("已确认。") && after.contains("待确认 0 件"))
            let head = try await app.sql.raw(
                """
                SELECT person_id FROM memberships WHERE household_id = \(bind: f.household) AND relation = 'head' AND left_at IS NULL
                """
            ).first()?.decode(column: "person_id", as: UUID.self)
            #expect(head == f.wife)
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/reviews", cookie: worker).status == .forbidden)

            let (admin, _) = try await AccountFixtures.withToken(app, .cityAdmin, "3204")
            try await app.sql.raw("UPDATE users SET display_name = '市级管理员' WHERE id = \(bind: admin.id)").run()
            let (_, adminCookie) = try await AccountFixtures.pageSignIn(app, admin.username)
            let header = try await AccountFixtures.get(app, "/", cookie: adminCookie).body.string
            #expect(header.components(separatedBy: "市级管理员").count == 2, "the name once, no repeated role")
        }
    }
}
