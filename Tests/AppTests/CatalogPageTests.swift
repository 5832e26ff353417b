@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("The catalogue of assistance items")
struct CatalogPageTests {
    @Test(
        "GET /api/v1/catalog gives any signed-in client the items as configured; anonymous callers get 401",
        arguments: TestDatabase.available)
    func api(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            #expect(try await send(app, .GET, "/api/v1/catalog").status == .unauthorized)
            let department = try await app.token(role: .department, region: "3204")
            let answer = try await send(app, .GET, "/api/v1/catalog", token: department)
            #expect(answer.status == .ok)
            let catalog = try AssistanceCatalog.decode(json: Data(answer.body.readableBytesView))
            #expect(catalog.items.count == 32)
            #expect(catalog == (try await CatalogStore(db: app.sql).catalog()))
            #expect(catalog.item(.dibao)?.name == "最低生活保障")
        }
    }

    @Test(
        "seeded with 32 items; the city administrator changes dibao to street approval, which new applications follow",
        arguments: TestDatabase.available)
    func edit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            #expect(try await CatalogStore(db: app.sql).catalog().items.count == 32)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await FormVisit.open(app, "/catalog", cookie: admin)
            #expect(page.page.body.string.contains("最低生活保障"))
            let bad = try await page.post(app, "/catalog/dibao", [("level", "9"), ("documents", "onlyacode")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("每行一项材料"))
            let saved = try await page.post(
                app, "/catalog/dibao", [("level", "9"), ("documents", "identity 身份证明\nincomeProof 收入证明")])
            #expect(saved.status == .seeOther)
            let item = try #require(try await CatalogStore(db: app.sql).catalog().item(.dibao))
            #expect(item.approval.level == .street)
            #expect(item.documents.map(\.name) == ["身份证明", "收入证明"])
            let events = try await AuditStore(db: app.sql).chain(after: 0, limit: 100)
            #expect(events.last?.action == "catalog.item.update")

            let f = try await ApplicationFlowTests.fixture(app)
            let application = try await ApplicationFlowTests.dibaoApplication(f)
            #expect(application.approvingLevel == "street")

            let district = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let visit = try await FormVisit.open(app, "/catalog", cookie: district)
            #expect(!visit.page.body.string.contains("action=\"/catalog/dibao\""))
            #expect(
                try await visit.post(app, "/catalog/dibao", [("level", "6"), ("documents", "identity 身份证明")]).status
                    == .forbidden)
        }
    }
}
