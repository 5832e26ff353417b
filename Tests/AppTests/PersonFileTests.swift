@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 一人一档: a person's page shows their benefits, payments, applications, alerts and visits,
/// scoped to the viewer's region; the full ID number only after "显示完整号码", which is
/// what gets audited.
@Suite("A person's file")
struct PersonFileTests {
    @Test(
        "benefits (own and the household's, not another member's), payments, applications, alerts and visits",
        arguments: TestDatabase.available)
    func file(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let application = try await ApplicationFlowTests.dibaoApplication(f)
            let household = try await RegistryStore(
                db: app.sql, cipher: app.platform.cipher, regions: app.platform.regions,
                clock: app.platform.clock
            )
            .household(id: f.householdID, within: RegionScope(RegionTable.changzhou))
            let spouse = try #require(household?.members.first { $0.relation != "head" })
            // The hospital bill comes before the household is on dibao (which covers medical costs itself).
            let medical = try await MonitoringTests.departmentToken(app, "medicalInsurance")
            let fed = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [MonitoringTests.medical(ApplicationFlowTests.headID, source: "MI-1", outOfPocketFen: 1_200_000)])
            #expect(try fed.json(FeedIngest.Summary.self).alerts == 1)
            _ = try await PayrollTests.enroll(
                app, household: f.householdID, person: nil, item: "dibao", region: ApplicationFlowTests.street,
                fen: 119700, start: YearMonth("2026-01")!)
            _ = try await PayrollTests.enroll(
                app, household: f.householdID, person: spouse.personId, item: "seniorAllowance",
                region: ApplicationFlowTests.street, fen: 4321, start: YearMonth("2026-01")!)
            _ = try await PayrollTests.service(app, "maker").generate(
                month: PayrollTests.month, region: RegionCode("320402")!, replace: false)

            let worker = try await AccountFixtures.create(app, .communityWorker, ApplicationFlowTests.street)
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, worker.username)
            let body = try await AccountFixtures.get(app, "/persons/\(f.headPersonID)", cookie: cookie).body.string
            #expect(body.contains("享受待遇"))
            #expect(body.contains("1197.00"))
            #expect(body.contains("全户"))
            #expect(!body.contains("43.21"), "another member's own benefit is not the head's")
            #expect(body.contains("发放记录"))
            #expect(body.contains(PayrollTests.month.description))
            #expect(body.contains("href=\"/applications/\(application.id)\""))
            #expect(body.contains("医疗负担重"))
            #expect(body.contains("待走访"))
            #expect(body.contains("江苏省 常州市 天宁区 雕庄街道"))

            let spousePage = try await AccountFixtures.get(app, "/persons/\(spouse.personId)", cookie: cookie).body
                .string
            #expect(spousePage.contains("43.21"))
            #expect(!spousePage.contains("医疗负担重"))

            // An auditor sees the registry and benefits, not the applications or visits queue.
            let auditor = try await AccountFixtures.create(app, .auditor, "320402")
            let (_, auditorCookie) = try await AccountFixtures.pageSignIn(app, auditor.username)
            let audited = try await AccountFixtures.get(app, "/persons/\(f.headPersonID)", cookie: auditorCookie).body
                .string
            #expect(audited.contains("1197.00"))
            #expect(!audited.contains("医疗负担重"))

            let outsider = try await AccountFixtures.create(app, .communityWorker, "320411002")
            let (_, outsiderCookie) = try await AccountFixtures.pageSignIn(app, outsider.username)
            #expect(
                try await AccountFixtures.get(app, "/persons/\(f.headPersonID)", cookie: outsiderCookie).status
                    == .notFound)
        }
    }

    @Test(
        "the full ID number only after 显示完整号码 (a POST with CSRF), and only that is audited",
        arguments: TestDatabase.available)
    func reveal(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, person) = try await PayrollTests.household(app, region: "320402001", head: "32040219500101401")
            let full = residentID("32040219500101401")
            let worker = try await AccountFixtures.create(app, .communityWorker, "320402001")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, worker.username)
            let viewIdentity = {
                try await AccountFixtures.auditActions(app).filter { $0 == "person.viewIdentity" }.count
            }

            let page = try await FormVisit.open(app, "/persons/\(person)", cookie: cookie)
            #expect(!page.page.body.string.contains(full))
            #expect(page.page.body.string.contains(ResidentID.mask(full)))
            #expect(page.page.body.string.contains("显示完整号码"))
            #expect(try await viewIdentity() == 0)

            let revealed = try await page.post(app, "/persons/\(person)/reveal", [])
            #expect(revealed.status == .ok)
            #expect(revealed.body.string.contains(full))
            #expect(revealed.headers.first(name: .cacheControl) == "no-store")
            #expect(try await viewIdentity() == 1)

            let forged = try await send(
                app, .POST, "/persons/\(person)/reveal", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(forged.status == .forbidden)
            #expect(try await viewIdentity() == 1)

            let auditor = try await AccountFixtures.create(app, .auditor, "320402")
            let (_, auditorCookie) = try await AccountFixtures.pageSignIn(app, auditor.username)
            let auditorPage = try await FormVisit.open(app, "/persons/\(person)", cookie: auditorCookie)
            #expect(!auditorPage.page.body.string.contains("显示完整号码"))
            #expect(try await auditorPage.post(app, "/persons/\(person)/reveal", []).status == .forbidden)
            #expect(try await viewIdentity() == 1)
        }
    }
}
