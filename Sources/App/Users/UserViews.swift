import Foundation
import MinzhengCore
import Vapor

/// An account as the pages show it: role and region in words, state as a label.
struct UserView: Encodable {
    let id: UUID
    let username: String
    let displayName: String
    let roleName: String
    let region: String
    let regionName: String
    let department: String?
    let state: String
    let disabled: Bool
    let mustChangePassword: Bool
    let lockedUntil: String?

    init(_ user: UserSummary, request: Request, now: Date) {
        id = user.id
        username = user.username
        displayName = user.displayName
        roleName = Role(rawValue: user.role)?.chinese ?? user.role
        region = user.region
        regionName = request.regionName(user.region)
        department = user.department
        let locked = user.lockedUntil.flatMap { $0 > now ? $0 : nil }
        lockedUntil = locked.map(Self.time)
        disabled = user.disabled
        mustChangePassword = user.mustChangePassword
        state = user.disabled ? "已停用" : locked != nil ? "已锁定" : user.mustChangePassword ? "待改密码" : "正常"
    }

    /// `2026-05-01 14:05`, Asia/Shanghai.
    static func time(_ date: Date) -> String { String(BeijingTime.timestamp(date).dropLast(3)) }
}

/// A token as the pages show it.
struct TokenView: Encodable {
    let id: UUID
    let name: String
    let createdAt: String
    let expiresAt: String
    let lastUsedAt: String
    let state: String
    let live: Bool
    /// The scopes it is limited to, or 不限.
    let scopes: String
    /// Where its revoke button posts: the own account's route or the administered user's.
    let revoke: String

    init(_ token: TokenSummary, now: Date, revoke: String) {
        id = token.id
        self.revoke = revoke
        name = token.name
        createdAt = UserView.time(token.createdAt)
        expiresAt = UserView.time(token.expiresAt)
        lastUsedAt = token.lastUsedAt.map(UserView.time) ?? "从未使用"
        live = !token.revoked && token.expiresAt > now
        state = token.revoked ? "已吊销" : live ? "有效" : "已过期"
        scopes = token.scopes?.joined(separator: " ") ?? "不限"
    }
}

struct UserListPage: Encodable {
    let layout: LayoutContext
    let role: String
    let username: String
    let sort: String
    let sorts: [Choice]
    let roles: [Choice]
    let result: Page<UserSummary>
    let rows: [UserView]
    let pager: Pager
    let canCreate: Bool
}

struct NewUserPage: Encodable {
    let layout: LayoutContext
    let form: UserAdmin.NewUser
    let roles: [Choice]
    let picker: RegionPicker
    let error: String?
    let errorField: String?
}

struct UserPage: Encodable {
    let layout: LayoutContext
    let user: UserView
    let tokens: [TokenView]
    let tokenTotal: Int
    let isSelf: Bool
    let done: String?
    /// Shown once, right after a reset; never stored, never in an address.
    let oneTimePassword: String?
}

struct AccountPage: Encodable {
    let layout: LayoutContext
    let user: UserView
    let tokens: [TokenView]
    let tokenTotal: Int
    let canManageUsers: Bool
    let done: String?
}

struct PasswordPage: Encodable {
    let layout: LayoutContext
    let forced: Bool
    let next: String
    let minimumLength: Int
    let error: String?
    let errorField: String?
}

extension UserAdmin.NewUser {
    static let empty = UserAdmin.NewUser(
        username: "", displayName: "", password: "", role: "", region: "", community: "", department: "")
}
