@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The registrar's desk and the resident's own marriage page, as their users click them.
@Suite("Marriage registry pages")
struct MarriageDeskPageTests {
    @Test(
        "the registrar registers an arrived couple from the day view, receives a divorce; the couple see their page",
        arguments: TestDatabase.available)
    func deskAndMine(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .districtOfficer, region: "320402")
            let booking = try await MarriageTests.arrived(app, registrar: token)
            let registrar = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let day = try await FormVisit.open(app, "/bookings/day?date=2026-12-10", cookie: registrar)
            #expect(day.page.body.string.contains("/marriage-desk/register/\(booking)"))
            let registered = try await day.post(app, "/marriage-desk/register/\(booking)", [])
            #expect(registered.status == .seeOther)
            let again = try await day.post(app, "/marriage-desk/register/\(booking)", [])
            #expect(again.status == .conflict && again.body.string.contains("已有婚姻登记"))

            let desk = try await FormVisit.open(app, "/marriage-desk?idNumber=\(MarriageTests.man)", cookie: registrar)
            #expect(desk.page.body.string.contains("J320402-2026-000001"))
            let record = try #require(
                try await app.sql.raw("SELECT id FROM marriage_records").first()?.decode(column: "id", as: UUID.self))
            let lone = try await desk.post(
                app, "/marriage-desk/\(record)/divorce", [("idNumbers[]", MarriageTests.man), ("idNumbers[]", "")])
            #expect(lone.status == .badRequest && lone.body.string.contains("双方共同到场"))
            let received = try await desk.post(
                app, "/marriage-desk/\(record)/divorce",
                [("idNumbers[]", MarriageTests.man), ("idNumbers[]", MarriageTests.woman)])
            #expect(received.status == .seeOther)
            let pending = try await AccountFixtures.get(app, "/marriage-desk", cookie: registrar).body.string
            #expect(pending.contains("冷静期") && pending.contains("撤回"))

            let (_, cookie) = try await AccountFixtures.pageSignIn(
                app, "r-" + app.platform.cipher.blindIndex(MarriageTests.woman))
            let mine = try await AccountFixtures.get(app, "/marriage/mine", cookie: cookie)
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("J320402-2026-000002") && mine.body.string.contains("冷静期至"))
            #expect(try await AccountFixtures.get(app, "/marriage-desk", cookie: cookie).status == .forbidden)
            #expect(try await AccountFixtures.get(app, "/marriage/mine", cookie: registrar).status == .forbidden)
        }
    }
}
