@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// A first or reset password must be replaced before the pages can be used.
@Suite("Forced password change")
struct PasswordChangeTests {
    typealias F = AccountFixtures

    @Test(
        "a user who must change the password sees only the password page until it is done; the API keeps working",
        arguments: TestDatabase.available)
    func forced(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await F.create(app, .streetOfficer, "320402001", mustChange: true)
            let (signIn, cookie) = try await F.pageSignIn(app, user.username, next: "/households")
            #expect(signIn.status == .seeOther)
            #expect(F.location(signIn) == "/account/password?next=%2Fhouseholds")
            for path in ["/", "/households", "/account", "/users"] {
                let res = try await F.get(app, path, cookie: cookie)
                #expect(res.status == .seeOther, "\(path)")
                #expect(F.location(res)?.hasPrefix("/account/password?next=") == true, "\(path)")
            }
            let token = try await F.apiSignIn(app, user.username).value("token", as: String.self)
            // The API holds the same line (issue 12): the token may only change the password.
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .forbidden)

            let form = try await FormVisit.open(app, "/account/password?next=%2Fhouseholds", cookie: cookie)
            #expect(form.page.status == .ok)
            #expect(form.page.body.string.contains("请先设置新密码"))
            let done = try await form.post(
                app, "/account/password",
                [
                    ("currentPassword", F.password), ("newPassword", "a brand new password"),
                    ("confirmPassword", "a brand new password"),
                    ("next", "/households"),
                ])
            #expect(done.status == .seeOther)
            #expect(F.location(done) == "/households")
            #expect(try await F.get(app, "/households", cookie: cookie).status == .ok)
            #expect(try await F.userRow(app, user.username)?.must_change_password == false)
            #expect(try await F.apiSignIn(app, user.username).status == .unauthorized)
            #expect(try await F.apiSignIn(app, user.username, "a brand new password").status == .created)
            let events = try await F.auditEvents(app)
            #expect(
                events.map(\.action) == ["token.issue", "user.password.change", "token.issue"],
                "API sign-ins before and after")
            #expect(events.allSatisfy { $0.after?.contains("brand new") == false })
        }
    }

    @Test(
        "a refused new password names the field and changes nothing",
        arguments: [
            ("wrong current password", "a brand new password", "a brand new password", "currentPassword", "当前密码不正确"),
            (AccountFixtures.password, "too short", "too short", "newPassword", "至少需要10个字符"),
            (AccountFixtures.password, AccountFixtures.password, AccountFixtures.password, "newPassword", "不能与原密码相同"),
            (AccountFixtures.password, "a brand new password", "a brand new passwore", "confirmPassword", "不一致"),
        ])
    func refused(current: String, new: String, confirm: String, field: String, message: String) async throws {
        try await withTestApp(.sqlite) { app in
            let user = try await F.create(app, .streetOfficer, "320402001", mustChange: true)
            let (_, cookie) = try await F.pageSignIn(app, user.username)
            let form = try await FormVisit.open(app, "/account/password", cookie: cookie)
            let res = try await form.post(
                app, "/account/password",
                [("currentPassword", current), ("newPassword", new), ("confirmPassword", confirm)])
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains(message))
            #expect(
                res.body.string.contains(try Regex("name=\"\(field)\"[^>]*aria-invalid=\"true\"")),
                "the field at fault is marked")
            #expect(try await F.userRow(app, user.username)?.must_change_password == true)
            #expect(try await F.auditActions(app).isEmpty)
        }
    }

    @Test("a user changes the password from the account page whenever it likes")
    func voluntary() async throws {
        try await withTestApp(.sqlite) { app in
            let user = try await F.create(app, .cityAdmin, "3204")
            let (_, cookie) = try await F.pageSignIn(app, user.username)
            let account = try await F.get(app, "/account", cookie: cookie)
            #expect(account.body.string.contains("href=\"/account/password\""))
            #expect(account.body.string.contains("href=\"/users\""), "an administrator finds user administration here")
            let form = try await FormVisit.open(app, "/account/password", cookie: cookie)
            #expect(!form.page.body.string.contains("请先设置新密码"))
            let res = try await form.post(
                app, "/account/password",
                [
                    ("currentPassword", F.password), ("newPassword", "another long password"),
                    ("confirmPassword", "another long password"),
                ])
            #expect(F.location(res) == "/account?done=password")
        }
    }
}
