@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Listing and revoking API tokens: one's own through the API and the account page,
/// another's as its administrator.
@Suite("API tokens")
struct TokenTests {
    typealias F = AccountFixtures

    @Test(
        "the caller's own tokens are listed without the token; a revoked one answers 401",
        arguments: TestDatabase.available)
    func listAndRevoke(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let officer = try await F.create(app, .streetOfficer, "320402001")
            let first = try await F.apiSignIn(app, officer.username).value("token", as: String.self)
            let second = try await F.apiSignIn(app, officer.username).value("token", as: String.self)
            let (_, stranger) = try await F.withToken(app, .streetOfficer, "320402001")

            let res = try await send(app, .GET, "/api/v1/tokens", token: first)
            #expect(res.status == .ok)
            #expect(!res.body.string.contains(first) && !res.body.string.contains(second))
            #expect(!res.body.string.contains(AccountStore.hashToken(first)))
            let list = try res.json(Page<TokenSummary>.self)
            #expect(list.total == 2)
            #expect(list.items.allSatisfy { $0.name == "api" && !$0.revoked && $0.expiresAt > $0.createdAt })
            #expect(list.items.filter { $0.lastUsedAt != nil }.count == 1, "only the token in use has been used")
            let secondID = try #require(list.items.first { $0.lastUsedAt == nil }?.id)

            #expect(
                try await send(app, .DELETE, "/api/v1/tokens/\(secondID)", token: stranger).status == .notFound,
                "not the stranger's token")
            #expect(try await send(app, .GET, "/api/v1/households", token: second).status == .ok)
            #expect(try await send(app, .DELETE, "/api/v1/tokens/\(secondID)", token: first).status == .noContent)
            #expect(try await send(app, .GET, "/api/v1/households", token: second).status == .unauthorized)
            #expect(try await send(app, .GET, "/api/v1/households", token: first).status == .ok)
            let after = try await send(app, .GET, "/api/v1/tokens", token: first).json(Page<TokenSummary>.self)
            #expect(after.items.first { $0.id == secondID }?.revoked == true)
            #expect(try await send(app, .DELETE, "/api/v1/tokens/\(UUID())", token: first).status == .notFound)
            #expect(try await F.auditActions(app) == ["api_token.revoke"])
        }
    }

    @Test("an administrator lists and revokes the tokens of its region's users only", arguments: TestDatabase.available)
    func administratorRevokes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, admin) = try await F.withToken(app, .districtOfficer, "320402")
            let (inside, insideToken) = try await F.withToken(app, .streetOfficer, "320402001")
            let (outside, outsideToken) = try await F.withToken(app, .streetOfficer, "320411002")
            let tokens = try await send(app, .GET, "/api/v1/users/\(inside.id)/tokens", token: admin).json(
                Page<TokenSummary>.self)
            let tokenID = try #require(tokens.items.first?.id)
            #expect(
                try await send(app, .DELETE, "/api/v1/users/\(inside.id)/tokens/\(tokenID)", token: admin).status
                    == .noContent)
            #expect(try await send(app, .GET, "/api/v1/households", token: insideToken).status == .unauthorized)

            #expect(try await send(app, .GET, "/api/v1/users/\(outside.id)/tokens", token: admin).status == .notFound)
            let outsideTokenID = try await AccountStore(db: app.sql).tokens(
                userID: outside.id, page: PageRequest(page: 1, perPage: 5)
            ).items[0].id
            #expect(
                try await send(app, .DELETE, "/api/v1/users/\(outside.id)/tokens/\(outsideTokenID)", token: admin)
                    .status == .notFound)
            #expect(
                try await send(app, .DELETE, "/api/v1/users/\(inside.id)/tokens/\(outsideTokenID)", token: admin).status
                    == .notFound,
                "a token is revoked only through its owner")
            #expect(try await send(app, .GET, "/api/v1/households", token: outsideToken).status == .ok)
            let (_, street) = try await F.withToken(app, .streetOfficer, "320402001")
            #expect(try await send(app, .GET, "/api/v1/users/\(inside.id)/tokens", token: street).status == .forbidden)
        }
    }

    @Test("the account page lists one's tokens with revoke buttons that work", arguments: TestDatabase.available)
    func accountPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let officer = try await F.create(app, .streetOfficer, "320402001")
            let token = try await F.apiSignIn(app, officer.username).value("token", as: String.self)
            let (_, cookie) = try await F.pageSignIn(app, officer.username)
            let page = try await FormVisit.open(app, "/account", cookie: cookie)
            #expect(page.page.status == .ok)
            #expect(page.page.body.string.contains("我的账户") && page.page.body.string.contains(officer.username))
            #expect(!page.page.body.string.contains(token))
            let tokenID = try #require(
                page.page.body.string.firstMatch(of: /action="\/account\/tokens\/([0-9A-Fa-f-]+)\/revoke"/).map {
                    String($0.1)
                })
            let res = try await page.post(app, "/account/tokens/\(tokenID)/revoke", [])
            #expect(res.status == .seeOther)
            #expect(F.location(res) == "/account?done=revoked")
            #expect(try await send(app, .GET, "/api/v1/households", token: token).status == .unauthorized)
            let again = try await F.get(app, "/account?done=revoked", cookie: cookie)
            #expect(again.body.string.contains("已吊销"))
            #expect(!again.body.string.contains("/account/tokens/\(tokenID)/revoke"), "a revoked token has no button")
        }
    }
}
