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

    /// A page of the region's accounts, seeking from the page's edge rows (`SeekList`):
    /// resident accounts make the list as long as a city's registry.
    func users(within scope: RegionScope, matching query: Query, page: PageRequest) async throws -> Page<UserSummary> {
        var conditions: [SQLQueryString] = []
        if let role = query.role { conditions.append("role = \(bind: role.rawValue)") }
        if let name = query.username, !name.isEmpty {
            conditions.append("username LIKE \(bind: RegistryStore.likePrefix(name)) ESCAPE '\\'")
        }
        let list = SeekList(
            db: db, from: "users", id: "id", region: "region", scope: scope,
            filter: conditions.isEmpty ? nil : conditions.joined(separator: " AND "), order: query.sort.order,
            descending: query.sort.descending, cursor: query.sort.cursorColumns.map { ("users", $0) })
        let result = try await list.read(page)
        let rows =
            result.ids.isEmpty
            ? []
            : try await db.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM users WHERE id IN \(SQLBind.group(result.ids))"
            ).all().map(Self.summary)
        return result.page(rows: rows, id: \.id, perPage: page.perPage)
    }

    func user(id: UUID, within scope: RegionScope) async throws -> UserSummary? {
        try await db.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM users WHERE id = \(bind: id) AND \(scope.condition("region"))"
        )
        .first().map(Self.summary)
    }

    /// The enabled accounts of `roles` inside the region, by name: the staff a case can be given to.
    func active(roles: [Role], within scope: RegionScope) async throws -> [UserSummary] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM users
            WHERE role IN \(SQLBind.group(roles.map(\.rawValue))) AND disabled = \(bind: false)
            AND \(scope.condition("region")) ORDER BY region, display_name LIMIT 500
            """
        ).all().map(Self.summary)
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
