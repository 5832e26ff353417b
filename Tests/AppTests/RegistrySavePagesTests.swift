@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: saving a person or a household on its page says so; the internal version is not shown.
@Suite("Saving registry pages")
struct RegistrySavePagesTests {
    @Test(
        "a saved person's page says 已保存 with the change; the household page shows no 版本",
        arguments: TestDatabase.available)
    func savedSaysSo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, person) = try await PayrollTests.household(
                app, region: "320402001", head: "32040219650312401")
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let form = try await FormVisit.open(app, "/persons/\(person)/edit", cookie: cookie)
            let saved = try await form.post(
                app, "/persons/\(person)/edit",
                [
                    ("version", "1"), ("name", "张建军"), ("idNumber", residentID("32040219650312401")),
                    ("phone", "13912345678"),
                    ("hukou", "urban"), ("selfCare", "full"), ("laborCapacity", "full"),
                ])
            #expect(AccountFixtures.location(saved) == "/persons/\(person)?saved=1")
            let page = try await AccountFixtures.get(app, "/persons/\(person)?saved=1", cookie: cookie).body.string
            #expect(page.contains("<p class=\"notice\" role=\"status\">已保存</p>") && page.contains("张建军"))
            let householdPage = try await AccountFixtures.get(app, "/households/\(household)", cookie: cookie).body
                .string
            #expect(!householdPage.contains("版本"))
        }
    }
}
