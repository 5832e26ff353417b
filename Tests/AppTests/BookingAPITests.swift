@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The appointment engine through its API: slots, booking, the database's promises under
/// parallel requests, cancel, arrival and no-show, limits.
@Suite("Appointments API")
struct BookingAPITests {
    /// Monday 2026-12-07 10:00 Beijing: registry slots are open up to 2026-12-22. The engine is
    /// tested on divorce bookings: the marriage law and the partner's confirmation are `MarriageTests`'.
    static let now = BeijingTime.instant("2026-12-07T10:00")!

    struct Slot: Decodable {
        let id: UUID
        let start: String
        let capacity: Int
        let left: Int
    }

    struct Booking: Decodable {
        let id: UUID
        let code: String
        let state: String
        let idNumbers: [String]
        let slot: Slot
    }

    /// A registry in 天宁 with `capacity` couples a slot, its slots opened; the slots of `date`.
    static func office(_ app: Application, capacity: Int = 2, date: String = "2026-12-10") async throws -> [Slot] {
        app.platform.clock = .fixed(now)
        try await BookingStore(db: app.sql).insertResource(
            id: UUID(), kind: .divorce, name: "天宁区婚姻登记处", region: "320402", address: "天宁区", capacity: capacity,
            at: now)
        #expect(try await app.bookingService(actor: .system("test")).openSlots() > 0)
        let res = try await send(app, .GET, "/api/v1/slots?service=divorce&date=\(date)")
        #expect(res.status == .ok)
        return try res.json([Slot].self)
    }

    static func book(
        _ app: Application, _ token: String, _ slot: UUID, _ ids: [String]
    ) async throws
        -> TestingHTTPResponse
    {
        try await send(
            app, .POST, "/api/v1/bookings", token: token, json: ["slotId": slot.uuidString, "idNumbers": ids])
    }

    /// Sends every booking request at once: each answer's status and, for a refusal, its field.
    static func race(
        _ app: Application, _ requests: [(token: String, slot: UUID, ids: [String])]
    ) async throws
        -> [(HTTPStatus, String?)]
    {
        try await withThrowingTaskGroup(of: (HTTPStatus, String?).self) { group in
            for request in requests {
                group.addTask {
                    let res = try await Self.book(app, request.token, request.slot, request.ids)
                    return (res.status, res.status == .created ? nil : try res.json(ErrorAnswer.self).field)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    static let couple = [residentID("32040219950312401"), residentID("32040219960412402")]

    @Test(
        "a couple books a slot: 201 with a code and masked ID numbers; the slot shows one place fewer",
        arguments: TestDatabase.available)
    func books(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slots = try await Self.office(app)
            #expect(slots.count == 12)
            #expect(slots.first?.start == "2026-12-10T09:00:00+08:00")
            let token = try await app.token(role: .resident, region: "320402001")
            let res = try await Self.book(app, token, slots[0].id, Self.couple)
            #expect(res.status == .created)
            let booking = try res.json(Booking.self)
            #expect(booking.code.count == 8 && booking.state == "active")
            #expect(booking.idNumbers.allSatisfy { $0.contains("*") })
            #expect(booking.slot.left == 1)
            let after = try await send(app, .GET, "/api/v1/slots?service=divorce&date=2026-12-10").json([Slot].self)
            #expect(after[0].left == 1)
            let mine = try await send(app, .GET, "/api/v1/bookings", token: token).json([Booking].self)
            #expect(mine.map(\.code) == [booking.code])
        }
    }

    @Test(
        "30 residents at once on a slot of 3: exactly 3 booked, the others 409 on slotId",
        arguments: TestDatabase.available)
    func capacityUnderParallelRequests(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slot = try await Self.office(app, capacity: 3)[0]
            var tokens: [String] = []
            for _ in 0..<30 { tokens.append(try await app.token(role: .resident, region: "320402001")) }
            let answers = try await Self.race(
                app,
                tokens.enumerated().map { i, token in
                    (token, slot.id, [residentID("32040219900101\(String(format: "%02d", i))1")])
                })
            #expect(answers.filter { $0.0 == .created }.count == 3)
            #expect(answers.filter { $0.0 == .conflict && $0.1 == "slotId" }.count == 27)
            let booked = try await app.sql.raw("SELECT booked FROM booking_slots WHERE id = \(bind: slot.id)").first()?
                .decode(column: "booked", as: Int.self)
            #expect(booked == 3)
        }
    }

    @Test(
        "one ID number sent at once to 10 slots: one booking, the others 409 on idNumbers[1]",
        arguments: TestDatabase.available)
    func oneActivePerPerson(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slots = try await Self.office(app, capacity: 5)
            var tokens: [String] = []
            for _ in 0..<10 { tokens.append(try await app.token(role: .resident, region: "320402001")) }
            let answers = try await Self.race(
                app,
                tokens.enumerated().map { i, token in
                    (token, slots[i].id, [residentID("32040219900201\(String(format: "%02d", i))1"), Self.couple[0]])
                })
            #expect(answers.filter { $0.0 == .created }.count == 1)
            #expect(answers.filter { $0.0 == .conflict && $0.1 == "idNumbers[1]" }.count == 9, "\(answers)")
            let seats = try await app.sql.raw("SELECT CAST(SUM(booked) AS BIGINT) AS n FROM booking_slots").first()?
                .decode(column: "n", as: Int.self)
            #expect(seats == 1, "the refused requests gave their seats back")
        }
    }

    @Test(
        "refusals name the field",
        arguments: [
            ([residentID("32040219950312401"), "320402199503124019"], 400, "idNumbers[1]"),
            ([residentID("32040219950312401"), residentID("32040219950312401")], 400, "idNumbers[1]"),
            ([String](), 400, "idNumbers"),
        ] as [([String], Int, String)])
    func refusals(ids: [String], status: Int, field: String) async throws {
        try await withTestApp(.sqlite) { app in
            let slot = try await Self.office(app)[0]
            let token = try await app.token(role: .resident, region: "320402001")
            let res = try await Self.book(app, token, slot.id, ids)
            #expect(res.status.code == UInt(status))
            #expect(try res.json(ErrorAnswer.self).field == field)
        }
    }

    @Test("not open yet, staff booking, an unknown slot, a bad query")
    func otherRefusals() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await Self.office(app)
            let token = try await app.token(role: .resident, region: "320402001")
            // 2026-12-23 opens on 12-08 at 08:30: create it by moving the clock, then come back.
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-08T09:00")!)
            _ = try await app.bookingService(actor: .system("test")).openSlots()
            app.platform.clock = .fixed(Self.now)
            let later = try await send(app, .GET, "/api/v1/slots?service=divorce&date=2026-12-23").json([Slot].self)
            let early = try await Self.book(app, token, later[0].id, Self.couple)
            #expect(early.status == .conflict)
            #expect(try early.json(ErrorAnswer.self).error.contains("2026-12-08 08:30 开放"))
            let staff = try await app.token(role: .streetOfficer, region: "320402001")
            let slot = try await send(app, .GET, "/api/v1/slots?service=divorce&date=2026-12-10").json([Slot].self)[0]
            #expect(try await Self.book(app, staff, slot.id, Self.couple).status == .forbidden)
            #expect(try await Self.book(app, token, UUID(), Self.couple).status == .notFound)
            let bad = try await send(app, .GET, "/api/v1/slots?service=wedding&date=2026-12-10")
            #expect(bad.status == .badRequest)
            #expect(try bad.json(ErrorAnswer.self).field == "service")
        }
    }

    @Test(
        "the owner cancels until the day before; the seat and the people are free again; others cannot",
        arguments: TestDatabase.available)
    func cancel(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slot = try await Self.office(app)[0]
            let token = try await app.token(role: .resident, region: "320402001")
            let other = try await app.token(role: .resident, region: "320402001")
            let booking = try await Self.book(app, token, slot.id, Self.couple).json(Booking.self)
            #expect(try await send(app, .DELETE, "/api/v1/bookings/\(booking.id)", token: other).status == .notFound)
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-10T00:00")!)
            let late = try await send(app, .DELETE, "/api/v1/bookings/\(booking.id)", token: token)
            #expect(late.status == .conflict)
            app.platform.clock = .fixed(Self.now)
            let cancelled = try await send(app, .DELETE, "/api/v1/bookings/\(booking.id)", token: token)
            #expect(cancelled.status == .ok)
            #expect(try cancelled.json(Booking.self).state == "cancelled")
            #expect(try cancelled.json(Booking.self).slot.left == 2)
            #expect(try await Self.book(app, other, slot.id, Self.couple).status == .created)
            let audit = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action IN ('booking.create', 'booking.cancel')"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(audit == 3)
        }
    }

    @Test(
        "the office marks no-shows after the slot started; two within 30 days bar the account for 15 days",
        arguments: TestDatabase.available)
    func noShows(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slots = try await Self.office(app)
            let token = try await app.token(role: .resident, region: "320402001")
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            let outsider = try await app.token(role: .districtOfficer, region: "320411")
            let first = try await Self.book(app, token, slots[0].id, Self.couple).json(Booking.self)
            let early = try await send(app, .POST, "/api/v1/bookings/\(first.id)/no-show", token: registrar)
            #expect(early.status == .conflict)
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-10T09:40")!)
            #expect(
                try await send(app, .POST, "/api/v1/bookings/\(first.id)/no-show", token: outsider).status == .notFound)
            #expect(try await send(app, .POST, "/api/v1/bookings/\(first.id)/no-show", token: registrar).status == .ok)
            // The people are free again: a second booking on 12-11, again a no-show.
            app.platform.clock = .fixed(Self.now)
            let next = try await send(app, .GET, "/api/v1/slots?service=divorce&date=2026-12-11").json([Slot].self)
            let second = try await Self.book(app, token, next[0].id, Self.couple).json(Booking.self)
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-11T10:00")!)
            #expect(try await send(app, .POST, "/api/v1/bookings/\(second.id)/no-show", token: registrar).status == .ok)
            let later = try await send(app, .GET, "/api/v1/slots?service=divorce&date=2026-12-15").json([Slot].self)
            let barred = try await Self.book(app, token, later[0].id, Self.couple)
            #expect(barred.status == .forbidden)
            #expect(try barred.json(ErrorAnswer.self).error.contains("2026-12-26 之前不能预约离婚登记"))
            let staff = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(
                try await send(app, .POST, "/api/v1/bookings/\(second.id)/arrival", token: staff).status == .forbidden)
        }
    }

    @Test("an account's 11th booking attempt within a minute is refused with 429 and Retry-After")
    func attemptLimit() async throws {
        try await withTestApp(.sqlite) { app in
            let slot = try await Self.office(app)[0]
            let token = try await app.token(role: .resident, region: "320402001")
            for _ in 0..<10 {
                #expect(try await Self.book(app, token, slot.id, ["bad"]).status == .badRequest)
            }
            let limited = try await Self.book(app, token, slot.id, Self.couple)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: "Retry-After") != nil)
        }
    }
}
