import MinzhengCore
import Vapor

/// The sign-in and sign-out pages.
struct SignInPageController: RouteCollection {
    struct SignInForm: Content {
        let username: String?
        let password: String?
        let next: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.login.pattern, use: show)
        routes.post(Route.login.pattern, use: signIn)
        routes.post(Route.logout.pattern, use: signOut)
    }

    func show(req: Request) async throws -> View {
        // `RequirePageUser` adds `expired=1` when it sends a timed-out session here.
        let notice =
            req.query["expired"] == "1"
            ? "由于 \(SignInRules.sessionIdleSeconds / 60) 分钟未操作，已自动退出，请重新登录。"
            : req.query["registered"] == "1" ? "注册成功，请用身份证号和密码登录。" : nil
        return try await req.view.render(
            "accounts/login",
            SignInPage(
                layout: LayoutContext(request: req, title: "登录", user: nil),
                username: "", next: Self.safeNext(req.query["next"]), error: nil,
                notice: notice))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = form.username ?? ""
        let row: AccountStore.UserRow
        do {
            // Residents sign in with their ID number, which names their account.
            let account = try await ResidentAccounts.username(
                forLogin: username.trimmedWhitespace, cipher: req.platform.cipher, today: req.today, db: req.sql)
            row = try await SignIn(req: req).attempt(username: account, password: form.password ?? "")
        } catch let error as AppError {
            let page = SignInPage(
                layout: LayoutContext(request: req, title: "登录", user: nil), username: username,
                next: Self.safeNext(form.next), error: error.message, notice: nil)
            let response = try await req.view.render("accounts/login", page).encodeResponse(
                status: error.status, for: req)
            for (name, value) in error.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
        // A new session id at sign-in, so that a planted cookie cannot ride the new session.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        SessionUserAuthenticator.start(
            req.session, userID: row.id, epoch: row.session_epoch, now: req.application.accountsClock.seconds)
        let next = Self.safeNext(form.next)
        if row.must_change_password {
            return req.redirect(
                to: Route.accountPassword.path + "?next="
                    + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        return req.redirect(to: next)
    }

    func signOut(req: Request) async throws -> Response {
        req.auth.logout(CurrentUser.self)
        req.session.destroy()
        return req.redirect(to: Route.login.path)
    }

    /// Only a path of this application may follow sign-in (no open redirect): it starts with
    /// one `/` and holds only visible ASCII but a backslash. Browsers drop tabs and line breaks
    /// from a URL and read `\` as `/`, so `/\t/evil.example` or `/\\evil.example` would lead to
    /// another host; anything else (non-ASCII text included) is percent-encoded by a real link.
    static func safeNext(_ next: String?) -> String {
        guard let next else { return "/" }
        let bytes = Array(next.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count == 1 || bytes[1] != UInt8(ascii: "/"),
            bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }),
            let parsed = URLComponents(string: next), parsed.scheme == nil, parsed.host == nil
        else { return "/" }
        return next
    }
}
