@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The resident's booking pages: the day's slots, the form, the booking's code, cancelling.
@Suite("Booking pages")
struct BookingPageTests {
    @Test("a resident books a registry slot on the page, sees the code, and cancels", arguments: TestDatabase.available)
    func bookAndCancel(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slot = try await BookingAPITests.office(app, capacity: 1)[0]
            let cookie = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let list = try await AccountFixtures.get(app, "/bookings?service=divorce&date=2026-12-10", cookie: cookie)
            #expect(list.status == .ok)
            #expect(
                list.body.string.contains("09:00–09:30") && list.body.string.contains("/bookings/new?slot=\(slot.id)"))

            let form = try await FormVisit.open(app, "/bookings/new?slot=\(slot.id)", cookie: cookie)
            #expect(form.page.body.string.contains("第 2 人身份证号"))
            let bad = try await form.post(
                app, "/bookings/new",
                [("slotId", slot.id.uuidString), ("idNumbers[]", BookingAPITests.couple[0]), ("idNumbers[]", "12345")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("身份证号无效") && bad.body.string.contains("aria-invalid=\"true\""))

            let sent = try await form.post(
                app, "/bookings/new",
                [
                    ("slotId", slot.id.uuidString), ("idNumbers[]", BookingAPITests.couple[0]),
                    ("idNumbers[]", BookingAPITests.couple[1]),
                ])
            #expect(sent.status == .seeOther)
            let path = try #require(sent.headers.first(name: .location))
            let detail = try await FormVisit.open(app, path, cookie: cookie)
            #expect(detail.page.body.string.contains("预约码") && detail.page.body.string.contains("有效"))
            let full = try await AccountFixtures.get(app, "/bookings?service=divorce&date=2026-12-10", cookie: cookie)
            #expect(full.body.string.contains("已约满"))

            let cancelled = try await detail.post(app, path + "/cancel", [])
            #expect(cancelled.status == .seeOther)
            #expect(try await AccountFixtures.get(app, path, cookie: cookie).body.string.contains("已取消"))
        }
    }

    @Test("staff do not book on the residents' pages; another resident's booking is not found")
    func access() async throws {
        try await withTestApp(.sqlite) { app in
            let slot = try await BookingAPITests.office(app)[0]
            let staff = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/bookings", cookie: staff).status == .forbidden)
            let token = try await app.token(role: .resident, region: "320402001")
            let booking = try await BookingAPITests.book(app, token, slot.id, BookingAPITests.couple)
                .json(BookingAPITests.Booking.self)
            let other = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/bookings/\(booking.id)", cookie: other).status == .notFound)
        }
    }

    @Test(
        "the registry's day: the district's officer sees the codes and marks an arrival",
        arguments: TestDatabase.available)
    func officeDay(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slot = try await BookingAPITests.office(app)[0]
            let token = try await app.token(role: .resident, region: "320402001")
            let booking = try await BookingAPITests.book(app, token, slot.id, BookingAPITests.couple)
                .json(BookingAPITests.Booking.self)
            let officer = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let day = try await FormVisit.open(app, "/bookings/day?date=2026-12-10", cookie: officer)
            #expect(day.page.status == .ok)
            #expect(day.page.body.string.contains(booking.code))
            let marked = try await day.post(app, "/bookings/\(booking.id)/mark/arrival", [])
            #expect(marked.status == .seeOther)
            let after = try await AccountFixtures.get(app, "/bookings/day?date=2026-12-10", cookie: officer)
            #expect(after.body.string.contains("已到场"))
            let elsewhere = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320411")
            #expect(
                !(try await AccountFixtures.get(app, "/bookings/day?date=2026-12-10", cookie: elsewhere)).body.string
                    .contains(booking.code))
            let street = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/bookings/day", cookie: street).status == .forbidden)
        }
    }
}
