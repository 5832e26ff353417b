import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// User administration behind both the API and the pages: each operation asks the rules
/// of `UserAdministration`, writes, and records its audit event in the same transaction.
/// Built by `Request.userAdmin()`.
struct UserAdmin {
    let db: SQLDatabase
    /// Audited as the administrator.
    let writer: AuditedWriter
    let regions: RegionTable
    /// Hashes a new password (bcrypt at the configured cost, off the event loop).
    let hash: @Sendable (String) async throws -> String
    /// Sign-in security's own real-time clock (`AccountsClock`).
    let accountsClock: AccountsClock
    /// Forgotten after a credential ends, so that the change holds on this server at once.
    let tokenHolders: TokenHolderCache?
    let admin: CurrentUser

    /// Refuses a user whose role may not administer users.
    init(
        db: SQLDatabase, writer: AuditedWriter, regions: RegionTable,
        hash: @escaping @Sendable (String) async throws -> String,
        accountsClock: AccountsClock, tokenHolders: TokenHolderCache?, admin: CurrentUser
    ) throws {
        try admin.require(.manageUsers)
        (self.db, self.writer, self.regions, self.hash, self.accountsClock, self.tokenHolders, self.admin) =
            (db, writer, regions, hash, accountsClock, tokenHolders, admin)
    }

    /// The fields of a new account, from the API's JSON or the page's form.
    struct NewUser: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var region: String?
        /// A community of the chosen street (its 12-digit code or last 3 digits); pages only.
        var community: String?
        var department: String?
    }

    func list(_ query: UserStore.Query, page: PageRequest) async throws -> Page<UserSummary> {
        try await UserStore(db: db).users(within: admin.scope, matching: query, page: page)
    }

    /// An account within the admin's region; 404 for any other, existing or not.
    func find(_ id: UUID?) async throws -> UserSummary {
        guard let id, let user = try await UserStore(db: db).user(id: id, within: admin.scope) else {
            throw Refusal.notFound("用户")
        }
        return user
    }

    func create(_ input: NewUser) async throws -> UserSummary {
        let role = try Self.role(input.role)
        let table = regions
        let chosen = try RegistryInput.check { () throws(FieldProblem) in
            try table.resolve(input.region, community: input.community)
        }
        guard let region = chosen, table.isKnownOrCommunityOfKnownStreet(region) else {
            throw Refusal.invalid("region", "区划无效：应为本辖区内的区、街道或社区（可选择，或填写代码、名称）")
        }
        if let refusal = UserAdministration.checkCreate(by: admin.assignment, role: role, region: region) {
            throw refusal.refusal(creating: true)
        }
        let displayName = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.displayName, field: "displayName", label: "姓名", maximumLength: 64)!
        }
        let department = input.department.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        if role == .department, department == nil { throw Refusal.invalid("department", "协同部门账户需填写部门代码") }
        let account = try await AccountStore.prepare(
            username: input.username ?? "", displayName: displayName, password: input.password ?? "",
            role: role, region: region, department: department,
            // The creator knows this password: the user replaces it first.
            mustChangePassword: true, hash: hash)
        let scope = admin.scope
        return try await writer.transaction { tx, audit in
            let id = try await AccountStore(db: tx).insert(account)
            guard let user = try await UserStore(db: tx).user(id: id, within: scope) else {
                throw Refusal.notFound("用户")
            }
            try await audit.record(
                "user.create", entity: "user", id: id.uuidString, region: user.region, after: UserAuditRecord(user))
            return user
        }
    }

    /// Disables or enables an account; nothing is written (or audited) when it already is.
    func setDisabled(_ id: UUID?, _ disabled: Bool) async throws -> UserSummary {
        let user = try await find(id)
        try check(user, disabled ? .disable : .enable)
        guard user.disabled != disabled else { return user }
        let scope = admin.scope
        let now = accountsClock.now()
        defer { tokenHolders?.forgetAll() }
        return try await writer.transaction { tx, audit in
            try await UserStore(db: tx).setDisabled(id: user.id, disabled)
            // Both ways: what was signed in before a disable stays out after the enable.
            _ = try await AccountStore(db: tx).endCredentials(userID: user.id, at: now)
            guard let after = try await UserStore(db: tx).user(id: user.id, within: scope) else {
                throw Refusal.notFound("用户")
            }
            try await audit.record(
                disabled ? "user.disable" : "user.enable", entity: "user", id: user.id.uuidString, region: user.region,
                before: UserAuditRecord(user), after: UserAuditRecord(after))
            return after
        }
    }

    /// Sets a one-time password the user must change at the next sign-in, and returns it:
    /// it is shown to the administrator once and stored only as its hash.
    func resetPassword(_ id: UUID?) async throws -> (UserSummary, String) {
        let user = try await find(id)
        try check(user, .resetPassword)
        let password = FirstStart.oneTimePassword()
        let hash = try await hash(password)
        let scope = admin.scope
        let now = accountsClock.now()
        defer { tokenHolders?.forgetAll() }
        let after = try await writer.transaction { tx, audit in
            try await AccountStore(db: tx).setPassword(userID: user.id, hash: hash, mustChange: true)
            _ = try await AccountStore(db: tx).endCredentials(userID: user.id, at: now)
            guard let after = try await UserStore(db: tx).user(id: user.id, within: scope) else {
                throw Refusal.notFound("用户")
            }
            try await audit.record(
                "user.password.reset", entity: "user", id: user.id.uuidString, region: user.region,
                before: UserAuditRecord(user), after: UserAuditRecord(after))
            return after
        }
        return (after, password)
    }

    func tokens(_ id: UUID?, page: PageRequest) async throws -> Page<TokenSummary> {
        let user = try await find(id)
        return try await AccountStore(db: db).tokens(userID: user.id, page: page)
    }

    func revokeToken(_ tokenID: UUID?, of id: UUID?) async throws {
        let user = try await find(id)
        try check(user, .revokeTokens)
        try await TokenRevocation(writer: writer, accountsClock: accountsClock, tokenHolders: tokenHolders).revoke(
            tokenID, ownerID: user.id, ownerRegion: user.region)
    }

    private func check(_ user: UserSummary, _ action: UserAdminAction) throws {
        guard let role = Role(rawValue: user.role), let region = RegionCode(user.region) else {
            throw Refusal.notFound("用户")
        }
        if let refusal = UserAdministration.checkManage(
            by: admin.assignment, target: Assignment(role, region),
            isSelf: user.id == admin.id, action: action)
        {
            throw refusal.refusal(creating: false)
        }
    }

    static func role(_ text: String?) throws -> Role {
        guard let role = text.flatMap({ Role(rawValue: $0.trimmingCharacters(in: .whitespaces)) }) else {
            throw Refusal.invalid(
                "role", "角色应为：" + Role.allCases.map { "\($0.rawValue)/\($0.chinese)" }.joined(separator: "、"))
        }
        return role
    }
}

extension UserAdminRefusal {
    /// The answer to a refusal. Changing an account outside one's region answers 404, as
    /// for any record there; creating one there names the region, which the creator chose.
    func refusal(creating: Bool) -> Refusal {
        switch self {
        case .notPermitted(let role):
            return Refusal(.forbidden, "您的角色（\(role.chinese)）无权管理用户")
        case .outsideRegion(let region, let admin):
            return creating ? Refusal(.forbidden, "区划 \(region) 不在您的辖区（\(admin)）内", field: "region") : .notFound("用户")
        case .morePowerful(let role):
            return Refusal(
                .forbidden, "您无权\(creating ? "创建" : "管理")\(role.chinese)账户：其权限超出您的角色", field: creating ? "role" : nil)
        case .wrongLevel(let role, _):
            return Refusal.invalid(
                "region", "\(role.chinese)的区划应为\(role.allowedLevels.sorted().map(\.chinese).joined(separator: "或"))级")
        case .ownAccount:
            return Refusal(.conflict, "不能停用自己的账户")
        case .cityOnly(let role):
            return Refusal(
                .forbidden, "\(role.chinese)账户只能由市级管理员\(creating ? "创建" : "管理")", field: creating ? "role" : nil)
        }
    }
}

extension Request {
    /// The signed-in administrator's user administration; refused without the permission.
    func userAdmin() throws -> UserAdmin {
        let hasher = password.async
        return try UserAdmin(
            db: sql, writer: writer, regions: platform.regions, hash: { try await hasher.hash($0) },
            accountsClock: application.accountsClock, tokenHolders: application.tokenHolders, admin: try user)
    }
}
