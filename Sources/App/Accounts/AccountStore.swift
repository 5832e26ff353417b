import Crypto
import Fluent
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Accounts, passwords and API tokens in the database.
struct AccountStore {
    let db: SQLDatabase

    static let minimumPasswordLength = 10
    static let tokenLifetime: TimeInterval = 8 * 3600

    struct UserRow: Decodable {
        let id: UUID
        let username: String
        let display_name: String
        let password_hash: String
        let role: String
        let region: String
        let department: String?
        let disabled: Bool
        let must_change_password: Bool
        let failed_sign_ins: Int
        let locked_until: Date?
        let session_epoch: Int

        var current: CurrentUser? {
            guard let role = Role(rawValue: role), let region = RegionCode(region) else { return nil }
            return CurrentUser(
                id: id, username: username, displayName: display_name, role: role, region: region,
                department: department,
                mustChangePassword: must_change_password)
        }
    }

    static func validatePassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw Refusal.invalid("password", "密码至少需要\(minimumPasswordLength)个字符")
        }
    }

    /// A new account as checked, ready to insert: the password already hashed, so that the
    /// slow hash is never computed inside a write transaction.
    struct NewAccount: Sendable {
        let username: String
        let displayName: String
        let passwordHash: String
        let role: Role
        let region: RegionCode
        let department: String?
        let mustChangePassword: Bool
    }

    /// Checks the fields every account needs (any creator: the CLI, first start, an
    /// administrator) and hashes the password with `hash`, the application's hasher at the
    /// configured cost (a request's keeps the slow hash off the event loop).
    static func prepare(
        username: String, displayName: String, password: String, role: Role, region: RegionCode,
        department: String? = nil, mustChangePassword: Bool = false,
        hash: (String) async throws -> String
    ) async throws -> NewAccount {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
        else {
            throw Refusal.invalid("username", "用户名只能包含字母、数字和 . _ -")
        }
        try validatePassword(password)
        guard role.allowedLevels.contains(region.level) else {
            throw Refusal.invalid(
                "region", "\(role.chinese)的区划应为\(role.allowedLevels.sorted().map(\.chinese).joined(separator: "或"))级")
        }
        return NewAccount(
            username: name, displayName: displayName, passwordHash: try await hash(password), role: role,
            region: region,
            department: department, mustChangePassword: mustChangePassword)
    }

    func createUser(
        username: String, displayName: String, password: String, role: Role, region: RegionCode,
        department: String? = nil, mustChangePassword: Bool = false,
        hash: (String) async throws -> String
    ) async throws -> UUID {
        try await insert(
            await Self.prepare(
                username: username, displayName: displayName, password: password, role: role, region: region,
                department: department, mustChangePassword: mustChangePassword, hash: hash))
    }

    func insert(_ account: NewAccount) async throws -> UUID {
        if try await userRow(username: account.username) != nil {
            throw Refusal(.conflict, "用户名 \(account.username) 已存在", field: "username")
        }
        let id = UUID()
        try await db.insert(into: "users")
            .columns(
                "id", "username", "display_name", "password_hash", "role", "region", "department", "disabled",
                "must_change_password", "failed_sign_ins", "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(account.username), SQLBind(account.displayName), SQLBind(account.passwordHash),
                SQLBind(account.role.rawValue), SQLBind(account.region.value), SQLBind(account.department),
                SQLBind(false),
                SQLBind(account.mustChangePassword), SQLBind(0), SQLBind(1), SQLBind(Date())
            )
            .run()
        return id
    }

    func userRow(username: String) async throws -> UserRow? {
        try await db.select().columns("*").from("users").where("username", .equal, username).first(
            decoding: UserRow.self)
    }

    func userRow(id: UUID) async throws -> UserRow? {
        try await db.select().columns("*").from("users").where("id", .equal, id).first(decoding: UserRow.self)
    }

    /// Ties a resident's new account to their registry person.
    func link(userID: UUID, toPerson person: UUID) async throws {
        try await db.update("users").set("person_id", to: person).where("id", .equal, userID).run()
    }

    /// The registry person a resident's account belongs to.
    func residentPerson(userID: UUID) async throws -> UUID? {
        try await db.select().column("person_id").from("users").where("id", .equal, userID).where(
            "role", .equal, Role.resident.rawValue
        )
        .first()?.decode(column: "person_id", as: UUID?.self)
    }

    func countUsers(role: Role? = nil) async throws -> Int {
        var query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users")
        if let role { query = query.where("role", .equal, role.rawValue) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Issues a bearer token; only its SHA-256 is stored.
    /// Expired tokens are kept this long (for the token list and the trail's references), then cleared.
    static let expiredTokenRetention: TimeInterval = 30 * 24 * 3600

    /// Deletes tokens that expired before `date`; how many.
    func purgeTokens(expiredBefore date: Date) async throws -> Int {
        let stale =
            try await db.raw("SELECT COUNT(*) AS n FROM api_tokens WHERE expires_at < \(bind: date)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        if stale > 0 { try await db.raw("DELETE FROM api_tokens WHERE expires_at < \(bind: date)").run() }
        return stale
    }

    func issueToken(userID: UUID, name: String, scopes: [APIScope]? = nil) async throws -> String {
        let token = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
        let now = Date()
        try await db.insert(into: "api_tokens")
            .columns("id", "user_id", "token_hash", "name", "created_at", "expires_at", "scopes")
            .values(
                SQLBind(UUID()), SQLBind(userID), SQLBind(Self.hashToken(token)), SQLBind(name), SQLBind(now),
                SQLBind(now.addingTimeInterval(Self.tokenLifetime)), SQLBind(APIScope.stored(scopes))
            )
            .run()
        return token
    }

    /// A live, unrevoked token of an enabled user.
    struct TokenHolder {
        let user: CurrentUser
        let tokenID: UUID
        var lastUsedAt: Date?
        /// When the token stops signing anyone in.
        let expiresAt: Date
        /// The token's scopes (`APIScope` codes); nil: not limited.
        var scopes: [String]? = nil
    }

    /// The user a live, unrevoked token belongs to, by the token's `hashToken`.
    func user(tokenHash: String, now: Date = Date()) async throws -> TokenHolder? {
        guard
            let row = try await db.raw(
                """
                SELECT u.*, t.id AS token_id, t.last_used_at AS token_last_used_at, t.expires_at AS token_expires_at,
                  t.scopes AS token_scopes
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL
                  AND t.expires_at > \(bind: now) AND u.disabled = \(bind: false)
                """
            ).first(), let user = try row.decode(model: UserRow.self).current
        else { return nil }
        return TokenHolder(
            user: user, tokenID: try row.decode(column: "token_id", as: UUID.self),
            lastUsedAt: try row.decode(column: "token_last_used_at", as: Date?.self),
            expiresAt: try row.decode(column: "token_expires_at", as: Date.self),
            scopes: APIScope.parse(stored: try row.decode(column: "token_scopes", as: String?.self)))
    }

    static func hashToken(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexadecimal
    }
}
