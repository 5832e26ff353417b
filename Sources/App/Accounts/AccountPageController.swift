import MinzhengCore
import Vapor

/// 我的账户: the signed-in user's own account, API tokens (revocable) and password.
/// `/account/password` is also where a first or reset password must be replaced.
struct AccountPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.account.pattern, use: show)
        routes.get(Route.accountPassword.pattern, use: passwordForm)
        routes.post(Route.accountPassword.pattern, use: changePassword)
        routes.post(Route.accountTokenRevoke.pattern, use: revokeToken)
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        guard let summary = try await UserStore(db: req.sql).user(id: user.id, within: user.scope) else {
            throw Refusal.notFound("用户")
        }
        let tokens = try await AccountStore(db: req.sql).tokens(
            userID: user.id, page: try PageRequest(page: 1, perPage: 50))
        let now = req.application.accountsClock.now()
        return try await req.view.render(
            "accounts/account",
            AccountPage(
                layout: LayoutContext(request: req, title: "我的账户", user: user),
                user: UserView(summary, request: req, now: now),
                tokens: tokens.items.map { TokenView($0, now: now, revoke: Route.accountTokenRevoke.path($0.id)) },
                tokenTotal: tokens.total, canManageUsers: user.role.may(.manageUsers),
                done: req.query[String.self, at: "done"].flatMap { Self.doneMessages[$0] }))
    }

    func passwordForm(req: Request) async throws -> View {
        let user = try req.user
        return try await passwordPage(req, user: user, next: req.query["next"], error: nil)
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode(PasswordChange.Form.self)
        do {
            let epoch = try await req.passwordChange.change(user, form: form)
            SessionUserAuthenticator.start(
                req.session, userID: user.id, epoch: epoch, now: req.application.accountsClock.seconds)
        } catch let error as Refusal {
            return try await passwordPage(req, user: user, next: form.next, error: error).encodeResponse(
                status: error.status, for: req)
        }
        return req.redirect(
            to: user.mustChangePassword
                ? SignInPageController.safeNext(form.next)
                : Route.account.path + "?done=password")
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.user
        try await req.tokenRevocation.revoke(
            req.parameters.get("id", as: UUID.self), ownerID: user.id, ownerRegion: user.region.value)
        return req.redirect(to: Route.account.path + "?done=revoked")
    }

    private func passwordPage(_ req: Request, user: CurrentUser, next: String?, error: Refusal?) async throws -> View {
        try await req.view.render(
            "accounts/password",
            PasswordPage(
                layout: LayoutContext(request: req, title: "修改密码", user: user), forced: user.mustChangePassword,
                next: SignInPageController.safeNext(next), minimumLength: AccountStore.minimumPasswordLength,
                error: error?.message, errorField: error?.field))
    }

    static let doneMessages = ["password": "密码已修改。", "revoked": "已吊销令牌：使用它的程序将无法再访问。"]
}
