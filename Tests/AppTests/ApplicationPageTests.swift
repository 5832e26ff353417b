@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: staff looking at an application see the declaration, the household's record and
/// whom to call, before the home visit; the resident's own page shows none of that.
@Suite("The application page for staff")
struct ApplicationPageTests {
    @Test(
        "the declared means, the household link and the head's phone for staff only", arguments: TestDatabase.available)
    func staffSeesDeclaration(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            let officer = try await PolicyPageTests.signedIn(
                app, role: .streetOfficer, region: ApplicationFlowTests.street)
            let page = try await AccountFixtures.get(app, "/applications/\(a.id)", cookie: officer).body.string
            #expect(page.contains("申报的家庭经济状况"))
            #expect(page.contains("<dt>张建国</dt><dd>养老金 ¥300.00/月</dd>"))
            #expect(page.contains("住房 1 套"))
            #expect(page.contains("<dd>张建国 13912345678</dd>"))
            #expect(page.contains("href=\"/households/\(f.householdID)\""))
            let (_, resident) = try await AccountFixtures.pageSignIn(
                app, ApplicationFlowTests.headID, "resident password 1")
            let own = try await AccountFixtures.get(app, "/applications/\(a.id)", cookie: resident).body.string
            #expect(own.contains("最低生活保障") && !own.contains("申报的家庭经济状况") && !own.contains("13912345678"))
        }
    }
}
