@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// Each role's allowed and refused actions, through the real routes (API and pages).
@Suite("Who may do what")
struct RoleAccessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let role: Role
        let region: String
        /// Expected statuses, in the order of `RoleAccessTests.actions`.
        let expected: [UInt]
        var testDescription: String { "\(role.rawValue) \(region)" }
    }

    /// list households (API), create a household in 320402001 (API), the audit page, the
    /// policy page, the what-if page, the import page.
    static let actions = [
        "GET /api/v1/households", "POST /api/v1/households", "GET /audit", "GET /policy",
        "GET /policy-simulation", "GET /import",
    ]

    static let cases: [Case] = [
        Case(role: .cityAdmin, region: "3204", expected: [200, 201, 200, 200, 200, 200]),
        Case(role: .districtOfficer, region: "320402", expected: [200, 201, 403, 200, 200, 200]),
        Case(role: .streetOfficer, region: "320402001", expected: [200, 201, 403, 200, 403, 200]),
        Case(role: .communityWorker, region: "320402001", expected: [200, 201, 403, 200, 403, 403]),
        Case(role: .auditor, region: "320402", expected: [200, 403, 200, 200, 403, 403]),
        Case(role: .department, region: "3204", expected: [403, 403, 403, 403, 403, 403]),
    ]

    @Test("the permission table, end to end", arguments: cases)
    func access(_ c: Case) async throws {
        try await withTestApp(.sqlite) { app in
            let token = try await app.token(role: c.role, region: c.region)
            let cookie = try await PolicyPageTests.signedIn(app, role: c.role, region: c.region)
            let page: HTTPHeaders = ["Cookie": "minzheng_session=\(cookie)"]
            let statuses: [UInt] = [
                try await send(app, .GET, "/api/v1/households", token: token).status.code,
                try await send(
                    app, .POST, "/api/v1/households", token: token,
                    json: RegistryAPITests.household(region: "320402001", headID: residentID("32040219650312401"))
                ).status.code,
                try await send(app, .GET, "/audit", headers: page).status.code,
                try await send(app, .GET, "/policy", headers: page).status.code,
                try await send(app, .GET, "/policy-simulation", headers: page).status.code,
                try await send(app, .GET, "/import", headers: page).status.code,
            ]
            for (i, action) in Self.actions.enumerated() {
                #expect(statuses[i] == c.expected[i], "\(c.role.rawValue) \(action)")
            }
        }
    }

    @Test("a street officer gets 404 for another street's household, in the API and in the pages")
    func otherStreetIs404() async throws {
        try await withTestApp(.sqlite) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let other = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320404001", headID: residentID("32040419700101301"))
            )
            .json(HouseholdDetail.self)
            let officer = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/households/\(other.id)", token: officer).status == .notFound)
            let personID = try #require(other.members.first?.personId)
            #expect(try await send(app, .GET, "/api/v1/persons/\(personID)", token: officer).status == .notFound)
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let headers: HTTPHeaders = ["Cookie": "minzheng_session=\(cookie)"]
            let page = try await send(app, .GET, "/households/\(other.id)", headers: headers)
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("不存在"))
            #expect(try await send(app, .GET, "/persons/\(personID)", headers: headers).status == .notFound)
        }
    }
}
