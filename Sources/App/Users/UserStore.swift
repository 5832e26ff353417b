import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// An account as administrators see it: never its password hash.
struct UserSummary: Content, Sendable {
    let id: UUID
    let version: Int
    let username: String
    let displayName: String
    let role: String
    let region: String
    let department: String?
    let disabled: Bool
    let mustChangePassword: Bool
    let lockedUntil: Date?
    let createdAt: Date
}

/// What audit events about an account record: its settings, never a password or a hash.
struct UserAuditRecord: Encodable, Sendable {
    let username: String
    let displayName: String
    let role: String
    let region: String
    let department: String?
    let disabled: Bool
    let mustChangePassword: Bool

    init(_ user: UserSummary) {
        username = user.username
        displayName = user.displayName
        role = user.role
        region = user.region
        department = user.department
        disabled = user.disabled
        mustChangePassword = user.mustChangePassword
    }
}

/// Accounts within a region, for user administration. Every read is scoped: an account
/// outside the region is as absent as one that does not exist.
struct UserStore {
    let db: SQLDatabase

    struct Query: Sendable {
        var role: Role?
        var username: String?
        var sort = UserSort.region
    }

    private static let columns =
        "id, version, username, display_name, role, region, department, disabled, must_change_password, locked_until, created_at"

    func users(within scope: RegionScope, matching query: Query, page: PageRequest) async throws -> Page<UserSummary> {
        var filter = SQLQueryString("\(scope.condition("region"))")
        if let role = query.role { filter = "\(filter) AND role = \(bind: role.rawValue)" }
        if let name = query.username, !name.isEmpty {
            filter = "\(filter) AND username LIKE \(bind: RegistryStore.likePrefix(name)) ESCAPE '\\'"
        }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM users WHERE \(filter)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM users WHERE \(filter)
            ORDER BY \(unsafeRaw: query.sort.orderBy) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.summary), total: total, page: page.page, perPage: page.perPage)
    }

    func user(id: UUID, within scope: RegionScope) async throws -> UserSummary? {
        try await db.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM users WHERE id = \(bind: id) AND \(scope.condition("region"))"
        )
        .first().map(Self.summary)
    }

    func setDisabled(id: UUID, _ disabled: Bool) async throws {
        try await db.raw("UPDATE users SET disabled = \(bind: disabled), version = version + 1 WHERE id = \(bind: id)")
            .run()
    }

    private static func summary(_ r: SQLRow) throws -> UserSummary {
        UserSummary(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            username: try r.decode(column: "username", as: String.self),
            displayName: try r.decode(column: "display_name", as: String.self),
            role: try r.decode(column: "role", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            department: try r.decode(column: "department", as: String?.self),
            disabled: try r.decode(column: "disabled", as: Bool.self),
            mustChangePassword: try r.decode(column: "must_change_password", as: Bool.self),
            lockedUntil: try r.decode(column: "locked_until", as: Date?.self),
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
