@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The city administrator changes a booking rule from a later date; earlier days keep theirs.
@Suite("Booking rules page")
struct BookingRulesPageTests {
    @Test(
        "a new marriage entry from 2026-12-21 opens 20 days ahead from then on; past dates and bad fields refused",
        arguments: TestDatabase.available)
    func newEntry(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(BookingAPITests.now)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await FormVisit.open(app, "/booking-rules?kind=marriage", cookie: admin)
            #expect(page.page.status == .ok && page.page.body.string.contains("2025-05-10"))
            var rules = try #require(app.bookingRules.current.rules(.marriage, on: CivilDate("2026-12-21")!))
            let json = { (opens: Int) -> String in
                var text = String(decoding: try! JSONEncoder().encode(rules), as: UTF8.self)
                text = text.replacingOccurrences(of: "\"opensDaysAhead\":15", with: "\"opensDaysAhead\":\(opens)")
                return text
            }
            let past = try await page.post(
                app, "/booking-rules", [("kind", "marriage"), ("from", "2026-12-07"), ("rules", json(20))])
            #expect(past.status == .badRequest && past.body.string.contains("明天或以后"))
            let broken = try await page.post(
                app, "/booking-rules",
                [
                    ("kind", "marriage"), ("from", "2026-12-21"),
                    ("rules", json(20).replacingOccurrences(of: "\"maxPersons\":2", with: "\"maxPersons\":0")),
                ])
            #expect(broken.status == .badRequest && broken.body.string.contains("maxPersons"))
            let saved = try await page.post(
                app, "/booking-rules", [("kind", "marriage"), ("from", "2026-12-21"), ("rules", json(20))])
            #expect(saved.status == .seeOther)
            rules = try #require(app.bookingRules.current.rules(.marriage, on: CivilDate("2026-12-21")!))
            #expect(rules.opensDaysAhead == 20)
            #expect(app.bookingRules.current.rules(.marriage, on: CivilDate("2026-12-20")!)?.opensDaysAhead == 15)
            // Another server reads the stored entry when it reloads.
            let other = BookingRuleCache()
            try await other.reload(from: app.sql)
            #expect(other.current.rules(.marriage, on: CivilDate("2026-12-21")!)?.opensDaysAhead == 20)
            let officer = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let visit = try await FormVisit.open(app, "/booking-rules", cookie: officer)
            #expect(!visit.page.body.string.contains("新增一段规则"))
            let refused = try await visit.post(
                app, "/booking-rules", [("kind", "marriage"), ("from", "2026-12-22"), ("rules", json(20))])
            #expect(refused.status == .forbidden)
        }
    }
}
