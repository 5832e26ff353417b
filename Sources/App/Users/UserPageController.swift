import MinzhengCore
import Vapor

/// 用户管理: the accounts of one's region, a new account, and one account's page with its
/// actions. The rules and the audit are `UserAdmin`'s; this only renders.
struct UserPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.users.pattern, use: list)
        routes.get(Route.newUser.pattern, use: newUser)
        routes.post(Route.newUser.pattern, use: create)
        routes.get(Route.user.pattern, use: show)
        routes.post(Route.userDisable.pattern, use: disable)
        routes.post(Route.userEnable.pattern, use: enable)
        routes.post(Route.userResetPassword.pattern, use: resetPassword)
        routes.post(Route.userTokenRevoke.pattern, use: revokeToken)
    }

    struct ListQuery: Content {
        let role: String?
        let username: String?
        let sort: String?
        let page: Int?
        let after: String?
        let before: String?
    }

    func list(req: Request) async throws -> View {
        let admin = try req.userAdmin()
        let q = try req.query.decode(ListQuery.self)
        let role = try q.role.flatMap { $0.isEmpty ? nil : $0 }.map { try UserAdmin.role($0) }
        let result = try await admin.list(
            .init(role: role, username: q.username, sort: UserSort.parse(q.sort)),
            page: try PageRequest(page: q.page, perPage: 20, after: q.after, before: q.before))
        let now = req.application.accountsClock.now()
        return try await req.view.render(
            "users/list",
            UserListPage(
                layout: LayoutContext(request: req, title: "用户管理", user: admin.admin), role: role?.rawValue ?? "",
                username: q.username ?? "", sort: q.sort ?? "", sorts: UserSort.choices,
                roles: Role.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                result: result, rows: result.items.map { UserView($0, request: req, now: now) },
                pager: Pager.make(
                    path: Route.users.path, filters: ["role": role?.rawValue, "username": q.username, "sort": q.sort],
                    result: result),
                canCreate: !UserAdministration.creatableRoles(by: admin.admin.assignment).isEmpty))
    }

    func newUser(req: Request) async throws -> View {
        let admin = try req.userAdmin()
        var form = UserAdmin.NewUser.empty
        form.region = admin.admin.region.value
        return try await newUserPage(req, admin: admin, form: form, error: nil)
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.userAdmin()
        var form = try req.content.decode(UserAdmin.NewUser.self)
        do {
            let user = try await admin.create(form)
            return req.redirect(to: Route.user.path(user.id) + "?done=created")
        } catch let error as Refusal {
            form.password = ""  // never sent back into the page
            return try await newUserPage(req, admin: admin, form: form, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    func show(req: Request) async throws -> View {
        let admin = try req.userAdmin()
        let user = try await admin.find(req.parameters.get("id", as: UUID.self))
        return try await userPage(
            req, admin: admin, user: user, done: req.query[String.self, at: "done"], oneTimePassword: nil)
    }

    func disable(req: Request) async throws -> Response {
        let admin = try req.userAdmin()
        let target = try await admin.find(req.parameters.get("id", as: UUID.self))
        if target.id != admin.admin.id, !target.disabled,
            let ask = try await Confirmation.ask(
                req, user: admin.admin, title: "确认停用账户",
                message: "停用后 \(target.displayName)（\(target.username)）立即无法登录，其令牌和会话全部失效。确定停用？",
                confirmLabel: "确认停用", cancel: Route.user.path(target.id))
        {
            return ask
        }
        let user = try await admin.setDisabled(target.id, true)
        return req.redirect(to: Route.user.path(user.id) + "?done=disabled")
    }

    func enable(req: Request) async throws -> Response {
        let user = try await req.userAdmin().setDisabled(req.parameters.get("id", as: UUID.self), false)
        return req.redirect(to: Route.user.path(user.id) + "?done=enabled")
    }

    /// Answers the page itself, not a redirect: the one-time password must not travel in
    /// an address or sit in the session, and the page must not be cached.
    func resetPassword(req: Request) async throws -> Response {
        let admin = try req.userAdmin()
        let (user, password) = try await admin.resetPassword(req.parameters.get("id", as: UUID.self))
        let response = try await userPage(req, admin: admin, user: user, done: "reset", oneTimePassword: password)
            .encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func revokeToken(req: Request) async throws -> Response {
        // Without an id the user is not found, as `UserAdmin.find` answers.
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("用户") }
        try await req.userAdmin().revokeToken(req.parameters.get("tokenID", as: UUID.self), of: id)
        return req.redirect(to: Route.user.path(id) + "?done=revoked")
    }

    private func newUserPage(
        _ req: Request, admin: UserAdmin, form: UserAdmin.NewUser, error: Refusal?
    ) async throws -> View {
        let roles = UserAdministration.creatableRoles(by: admin.admin.assignment)
        guard !roles.isEmpty else { throw UserAdminRefusal.notPermitted(admin.admin.role).refusal(creating: true) }
        return try await req.view.render(
            "users/new",
            NewUserPage(
                layout: LayoutContext(request: req, title: "新建用户", user: admin.admin), form: form,
                roles: roles.map {
                    Choice(
                        value: $0.rawValue,
                        label: "\($0.chinese)（\($0.allowedLevels.sorted().map(\.chinese).joined(separator: "或"))级）")
                },
                picker: userRegionPicker(req, admin: admin, form: form, error: error),
                error: error?.message, errorField: error?.field))
    }

    /// The new account's region: the admin's own, or a district or street under it, by
    /// name; a community is typed under its street.
    private func userRegionPicker(
        _ req: Request, admin: UserAdmin, form: UserAdmin.NewUser, error: Refusal?
    ) -> RegionPicker {
        var picker = RegionPicker(
            emptyLabel: "请选择", table: req.platform.regions, within: admin.admin.region,
            levels: [.city, .district, .street, .community], selected: form.region)
        picker.invalid = error?.field == "region"
        return picker
    }

    private func userPage(
        _ req: Request, admin: UserAdmin, user: UserSummary, done: String?, oneTimePassword: String?
    ) async throws -> View {
        let tokens = try await admin.tokens(user.id, page: try PageRequest(page: 1, perPage: 50))
        let now = req.application.accountsClock.now()
        return try await req.view.render(
            "users/user",
            UserPage(
                layout: LayoutContext(request: req, title: user.displayName, user: admin.admin),
                user: UserView(user, request: req, now: now),
                tokens: tokens.items.map {
                    TokenView($0, now: now, revoke: Route.userTokenRevoke.path(user.id, $0.id))
                },
                tokenTotal: tokens.total, isSelf: user.id == admin.admin.id,
                done: done.flatMap { Self.doneMessages[$0] }, oneTimePassword: oneTimePassword))
    }

    /// The confirmations a redirect may ask for; any other `done` shows nothing.
    static let doneMessages = [
        "created": "已创建账户。", "disabled": "已停用账户：该用户的登录和令牌立即失效。", "enabled": "已启用账户。",
        "reset": "已重置密码。请将下面的一次性密码当面或通过安全渠道交给本人；本页关闭后无法再次查看。",
        "revoked": "已吊销令牌。",
    ]
}
