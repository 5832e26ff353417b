import MinzhengCore
import Vapor

/// The sign-in and sign-out pages.
struct SignInPageController: RouteCollection {
    struct SignInForm: Content {
        let username: String?
        let password: String?
        let next: String?
    }

    struct SignInPage: Encodable {
        let layout: LayoutContext
        let username: String
        let next: String
        let error: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get("login", use: show)
        routes.post("login", use: signIn)
        routes.post("logout", use: signOut)
    }

    func show(req: Request) async throws -> View {
        try await req.view.render("accounts/login", SignInPage(layout: LayoutContext(request: req, title: "登录", user: nil),
                                                              username: "", next: Self.safeNext(req.query["next"]), error: nil))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = form.username ?? ""
        let store = AccountStore(db: req.sql)
        guard let row = try await store.verify(username: username, password: form.password ?? "", on: req), row.current != nil else {
            let page = SignInPage(layout: LayoutContext(request: req, title: "登录", user: nil), username: username,
                                  next: Self.safeNext(form.next), error: "用户名或密码错误")
            return try await req.view.render("accounts/login", page).encodeResponse(status: .unauthorized, for: req)
        }
        // A new session id at sign-in, so that a planted cookie cannot ride the new session.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data[SessionUserAuthenticator.sessionKey] = row.id.uuidString
        return req.redirect(to: Self.safeNext(form.next))
    }

    func signOut(req: Request) async throws -> Response {
        req.auth.logout(CurrentUser.self)
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    /// Only a local path may follow sign-in (no open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
