@testable import App
import Testing
import Vapor
import VaporTesting

/// How accounts come to be: staff accounts from the command line, residents' own at /register.
@Suite("Account creation")
struct AccountCreationTests {
    private typealias F = AccountFixtures

    @Test(
        "an account made with `minzheng user create` changes its password at the first sign-in; the creation is audited",
        arguments: TestDatabase.available)
    func commandLineAccount(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            var context = CommandContext(
                console: Terminal(),
                input: CommandInput(arguments: [
                    "minzheng user", "create", "--username", "jie-dao-1", "--password", F.password, "--role",
                    "streetOfficer",
                    "--region", "320402001", "--name", "街道经办",
                ]))
            context.application = app
            try await UserCommand().run(using: &context)

            let (signIn, _) = try await F.pageSignIn(app, "jie-dao-1", next: "/households")
            #expect(signIn.status == .seeOther)
            #expect(F.location(signIn) == "/account/password?next=%2Fhouseholds")
            let events = try await F.auditEvents(app)
            #expect(events.map(\.action) == ["user.create"])
            #expect(events.first?.actorName == "cli:user")
        }
    }

    @Test(
        "a registration whose two passwords differ is refused on the confirmation field, keeps what was typed and saves nothing",
        arguments: TestDatabase.available)
    func confirmation(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let id = residentID("32040219650312401")
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219650312401")
            let fields = [
                ("name", "张建国"), ("idNumber", id), ("phone", "13912345678"), ("password", "resident password 1"),
            ]

            let form = try await FormVisit.open(app, "/register")
            #expect(form.page.body.string.contains(#"name="confirmPassword""#))
            let refused = try await form.post(app, "/register", fields + [("confirmPassword", "resident password 2")])
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains("两次输入的密码不一致"))
            #expect(
                page.contains(
                    #"name="confirmPassword" type="password" autocomplete="new-password" aria-required="true" class="field-error" aria-invalid="true""#
                ))
            #expect(page.contains(#"value="张建国""#))
            #expect(try await F.apiSignIn(app, id, "resident password 1").status == .unauthorized)
            #expect(try await F.auditActions(app).contains("user.register") == false)

            let registered = try await form.post(
                app, "/register", fields + [("confirmPassword", "resident password 1")])
            #expect(registered.status == .seeOther)
            #expect(try await F.apiSignIn(app, id, "resident password 1").status == .created)
        }
    }

    @Test(
        "the sign-in page tells residents to register and sign in with the ID number, and staff to use their unit's account"
    )
    func signInWords() async throws {
        try await withTestApp(.sqlite) { app in
            let page = try await send(app, .GET, "/login").body.string
            #expect(!page.contains("分配"))
            #expect(page.contains(#"<a href="/register">居民注册</a>"#))
            #expect(page.contains("再用身份证号登录"))
            #expect(page.contains("工作人员：使用本单位为您开设的账号"))
        }
    }
}
