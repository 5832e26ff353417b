@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// The household list chooses a page's households before it looks up their heads and
/// member counts (a deep page no longer computes them for every household it skips): the
/// pages, read in turn, are the whole list in order, each household with its own head.
@Suite("Household list pages")
struct HouseholdListPagingTests {
    @Test(
        "page by page, in the default order and by head, each household once with its head and count",
        arguments: TestDatabase.available)
    func pagesMakeTheList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await RegistryListTests.twentyFive(app)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            for sort in ["region", "address", "head"] {
                var seen: [HouseholdSummary] = []
                for page in 1...3 {
                    seen += try await send(
                        app, .GET, "/api/v1/households?sort=\(sort)&page=\(page)&perPage=10", token: token
                    ).json(Page<HouseholdSummary>.self).items
                }
                #expect(seen.map(\.address) == (1...25).map { String(format: "测试路%02d号", $0) }, "\(sort)")
                #expect(seen.map(\.headName) == (1...25).map { String(format: "张某%02d", $0) }, "\(sort)")
                #expect(seen.allSatisfy { $0.memberCount == 1 }, "\(sort)")
            }
        }
    }
}
