import MinzhengCore
import Foundation
import SQLKit
import Vapor

/// A bearer token as its owner and administrators see it: never the token itself (only
/// its hash is stored anyway).
struct TokenSummary: Content, Sendable {
    let id: UUID
    let name: String
    let createdAt: Date
    let expiresAt: Date
    let lastUsedAt: Date?
    let revoked: Bool
    let revokedAt: Date?
    /// What the token is limited to (`APIScope` codes); absent: not limited.
    var scopes: [String]? = nil
}

extension AccountStore {
    /// A user's tokens, newest first.
    func tokens(userID: UUID, page: PageRequest) async throws -> Page<TokenSummary> {
        let total =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("api_tokens")
            .where("user_id", .equal, SQLBind(userID)).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.select().columns(
            "id", "name", "created_at", "expires_at", "last_used_at", "revoked_at", "scopes"
        )
        .from("api_tokens")
        .where("user_id", .equal, SQLBind(userID)).orderBy("created_at", .descending).orderBy("id")
        .limit(page.perPage).offset(page.offset).all()
        let items = try rows.map { r in
            let revokedAt = try r.decode(column: "revoked_at", as: Date?.self)
            return TokenSummary(
                id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                createdAt: try r.decode(column: "created_at", as: Date.self),
                expiresAt: try r.decode(column: "expires_at", as: Date.self),
                lastUsedAt: try r.decode(column: "last_used_at", as: Date?.self), revoked: revokedAt != nil,
                revokedAt: revokedAt, scopes: APIScope.parse(stored: try r.decode(column: "scopes", as: String?.self)))
        }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    /// Revokes a token of `userID`, answering its name and whether it was revoked now
    /// (false: it already was, nothing changes and there is nothing to audit); nil when
    /// the user has no such token.
    func revokeToken(id: UUID, userID: UUID, at now: Date) async throws -> (name: String, revokedNow: Bool)? {
        guard
            let row = try await db.select().columns("name", "revoked_at").from("api_tokens")
                .where("id", .equal, SQLBind(id)).where("user_id", .equal, SQLBind(userID)).first()
        else { return nil }
        let name = try row.decode(column: "name", as: String.self)
        guard try row.decode(column: "revoked_at", as: Date?.self) == nil else { return (name, false) }
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        return (name, true)
    }

    func touchToken(id: UUID, at now: Date) async throws {
        try await db.update("api_tokens").set("last_used_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
    }
}

/// What an `api_token.revoke` audit event records: whose token, by its name; never the token.
struct TokenRevokeAudit: Encodable {
    let userId: UUID
    let name: String
    let revoked: Bool
}

/// Revokes one token of one account, audited; the owner's own revocation and an
/// administrator's share it.
struct TokenRevocation {
    /// Audited as whoever revokes.
    let writer: AuditedWriter
    let accountsClock: AccountsClock
    /// Forgotten after a revocation, so that the token stops at once on this server.
    let tokenHolders: TokenHolderCache?

    func revoke(_ tokenID: UUID?, ownerID: UUID, ownerRegion: String) async throws {
        guard let tokenID else { throw Refusal.notFound("令牌") }
        let now = accountsClock.now()
        defer { tokenHolders?.forgetAll() }
        try await writer.transaction { tx, audit in
            guard let result = try await AccountStore(db: tx).revokeToken(id: tokenID, userID: ownerID, at: now) else {
                throw Refusal.notFound("令牌")
            }
            guard result.revokedNow else { return }
            try await audit.record(
                "api_token.revoke", entity: "api_token", id: tokenID.uuidString, region: ownerRegion,
                before: TokenRevokeAudit(userId: ownerID, name: result.name, revoked: false),
                after: TokenRevokeAudit(userId: ownerID, name: result.name, revoked: true))
        }
    }
}

extension Request {
    var tokenRevocation: TokenRevocation {
        TokenRevocation(
            writer: writer, accountsClock: application.accountsClock, tokenHolders: application.tokenHolders)
    }
}
