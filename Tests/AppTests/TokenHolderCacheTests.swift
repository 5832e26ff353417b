@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `TokenHolderCache`: a token's holder read once answers for `MINZHENG_TOKEN_CACHE_SECONDS`,
/// never past the token's expiry; what ends a credential on this server ends it at once
/// (`TokenTests`, `UserAdminAPITests`, `PasswordChangeTests` ask again right after each change);
/// on another server within those seconds (`SeveralServersTests.revocationReachesTheOther`).
@Suite("API token holders kept in memory")
struct TokenHolderCacheTests {
    typealias F = AccountFixtures

    /// Revokes the token behind the server's back, as another server of the same database does.
    static func revokeElsewhere(_ app: Application, _ token: String) async throws {
        try await app.sql.raw(
            "UPDATE api_tokens SET revoked_at = \(bind: Date()) WHERE token_hash = \(bind: AccountStore.hashToken(token))"
        ).run()
    }

    @Test("without the cache a token revoked elsewhere stops at once", arguments: TestDatabase.available)
    func offReadsEveryRequest(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.tokenHolders = nil
            let (_, token) = try await F.withToken(app, .streetOfficer, "320402001")
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .ok)
            try await Self.revokeElsewhere(app, token)
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .unauthorized)
        }
    }

    @Test("a remembered token stops at its expiry, not seconds later", arguments: TestDatabase.available)
    func neverPastExpiry(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, token) = try await F.withToken(app, .streetOfficer, "320402001")
            let expiry = try #require(
                try await AccountStore(db: app.sql).tokens(userID: officer.id, page: PageRequest(page: 1, perPage: 5))
                    .items.first?.expiresAt)
            app.accountsClock = AccountsClock { expiry.addingTimeInterval(-2) }
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .ok)
            app.accountsClock = AccountsClock { expiry.addingTimeInterval(0.5) }
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .unauthorized)
        }
    }

    @Test("a holder read while a credential changed is not kept")
    func readDuringChangeIsDropped() throws {
        let cache = TokenHolderCache(seconds: 5)
        let now = Date()
        let holder = AccountStore.TokenHolder(
            user: CurrentUser(
                id: UUID(), username: "u", displayName: "u", role: .streetOfficer,
                region: try #require(RegionCode("320402001")), department: nil),
            tokenID: UUID(), lastUsedAt: nil, expiresAt: now.addingTimeInterval(3_600))
        let before = cache.generation
        cache.forgetAll()
        cache.remember(holder, hash: "h", readAt: now, generation: before)
        #expect(cache.holder(hash: "h", now: now) == nil)
        cache.remember(holder, hash: "h", readAt: now, generation: cache.generation)
        #expect(cache.holder(hash: "h", now: now)?.tokenID == holder.tokenID)
        cache.touched(hash: "h", at: now)
        #expect(cache.holder(hash: "h", now: now)?.lastUsedAt == now, "the last use written is remembered")
    }
}
