@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The 用户管理 pages: the list, the new-account form, and an account's page and actions.
@Suite("User administration pages")
struct UserAdminPageTests {
    typealias F = AccountFixtures

    @Test(
        "a city administrator creates an account through the form and finds it in the list",
        arguments: TestDatabase.available)
    func createThroughForm(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await F.create(app, .cityAdmin, "3204")
            let (_, cookie) = try await F.pageSignIn(app, admin.username)
            #expect(
                try await F.get(app, "/", cookie: cookie).body.string.contains("href=\"/account\""),
                "the navigation leads to the account")
            let form = try await FormVisit.open(app, "/users/new", cookie: cookie)
            #expect(form.page.status == .ok)
            let res = try await form.post(
                app, "/users/new",
                [
                    ("username", "diaozhuang.li"), ("displayName", "李雕庄"), ("role", "streetOfficer"),
                    ("region", "320402001"),
                    ("department", ""), ("password", "a long enough password"),
                ])
            #expect(res.status == .seeOther)
            let created = try #require(try await F.userRow(app, "diaozhuang.li"))
            #expect(F.location(res) == "/users/\(created.id)?done=created")
            #expect(created.role == "streetOfficer" && created.region == "320402001" && created.must_change_password)
            let page = try await F.get(app, "/users/\(created.id)?done=created", cookie: cookie)
            #expect(page.body.string.contains("已创建账户") && page.body.string.contains("雕庄街道"))
            let list = try await F.get(app, "/users?role=streetOfficer", cookie: cookie)
            #expect(list.status == .ok)
            #expect(
                list.body.string.contains(">diaozhuang.li</a>") && !list.body.string.contains(">\(admin.username)</a>"))
            #expect(try await F.auditActions(app) == ["user.create"])
        }
    }

    @Test("a refused account re-shows the form with the field marked and the password dropped")
    func refusedForm() async throws {
        try await withTestApp(.sqlite) { app in
            let officer = try await F.create(app, .districtOfficer, "320402")
            let (_, cookie) = try await F.pageSignIn(app, officer.username)
            let form = try await FormVisit.open(app, "/users/new", cookie: cookie)
            #expect(
                !form.page.body.string.contains("value=\"cityAdmin\""),
                "a district officer is not offered roles above its own")
            let res = try await form.post(
                app, "/users/new",
                [
                    ("username", "sanjing.wang"), ("displayName", "王三井"), ("role", "streetOfficer"),
                    ("region", "320411002"),
                    ("password", "a long enough password"),
                ])
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains("320411002") && res.body.string.contains("不在您的辖区"))
            #expect(res.body.string.contains(try Regex("name=\"region\"[^>]*aria-invalid=\"true\"")))
            #expect(!res.body.string.contains("a long enough password"))
            #expect(try await F.userRow(app, "sanjing.wang") == nil)
        }
    }

    @Test(
        "only roles that manage users reach the pages, and only for their own region",
        arguments: [
            (Role.streetOfficer, "320402001", HTTPStatus.forbidden),
            (.communityWorker, "320402001001", .forbidden),
            (.auditor, "3204", .forbidden),
            (.districtOfficer, "320402", .ok),
            (.cityAdmin, "3204", .ok),
        ])
    func access(role: Role, region: String, status: HTTPStatus) async throws {
        try await withTestApp(.sqlite) { app in
            let user = try await F.create(app, role, region)
            let other = try await F.create(app, .streetOfficer, "320411002")
            let (_, cookie) = try await F.pageSignIn(app, user.username)
            #expect(try await F.get(app, "/users", cookie: cookie).status == status)
            let otherPage = try await F.get(app, "/users/\(other.id)", cookie: cookie)
            #expect(otherPage.status == (status == .ok && role != .cityAdmin ? .notFound : status))
        }
    }

    @Test(
        "reset shows the one-time password once; disable shuts the user out at once", arguments: TestDatabase.available)
    func actions(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await F.create(app, .districtOfficer, "320402")
            let officer = try await F.create(app, .streetOfficer, "320402001")
            let (_, officerCookie) = try await F.pageSignIn(app, officer.username)
            #expect(try await F.get(app, "/households", cookie: officerCookie).status == .ok)
            let (_, cookie) = try await F.pageSignIn(app, admin.username)

            let page = try await FormVisit.open(app, "/users/\(officer.id)", cookie: cookie)
            #expect(page.page.body.string.contains("停用账户") && page.page.body.string.contains("重置密码"))
            let reset = try await page.post(app, "/users/\(officer.id)/reset-password", [])
            #expect(reset.status == .ok)
            #expect(reset.headers.first(name: .cacheControl) == "no-store")
            let password = try #require(
                reset.body.string.firstMatch(of: /id="one-time-password">([^<]+)</).map { String($0.1) })
            let shownAgain = try await F.get(app, "/users/\(officer.id)", cookie: cookie)
            #expect(!shownAgain.body.string.contains(password), "shown once only")
            let (signIn, _) = try await F.pageSignIn(app, officer.username, password)
            #expect(
                F.location(signIn)?.hasPrefix("/account/password") == true, "a reset password must be changed first")

            let asked = try await page.post(app, "/users/\(officer.id)/disable", [])
            #expect(asked.status == .ok && asked.body.string.contains("确认停用"))
            #expect(
                try await F.userRow(app, officer.username)?.disabled == false, "nothing happens before the confirmation"
            )
            let disable = try await page.post(app, "/users/\(officer.id)/disable", [("confirmed", "1")])
            #expect(F.location(disable) == "/users/\(officer.id)?done=disabled")
            let shutOut = try await F.get(app, "/households", cookie: officerCookie)
            #expect(F.location(shutOut)?.hasPrefix("/login") == true, "the open session ends")
            #expect(try await F.get(app, "/users/\(officer.id)", cookie: cookie).body.string.contains("启用账户"))
            let enable = try await page.post(app, "/users/\(officer.id)/enable", [])
            #expect(F.location(enable) == "/users/\(officer.id)?done=enabled")

            let own = try await FormVisit.open(app, "/users/\(admin.id)", cookie: cookie)
            #expect(own.page.body.string.contains("不能停用自己的账户"))
            #expect(try await own.post(app, "/users/\(admin.id)/disable", []).status == .conflict)
            #expect(try await F.auditActions(app) == ["user.password.reset", "user.disable", "user.enable"])
        }
    }
}
