@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Marriage bookings confirmed by both parties, the registration with its certificates,
/// replacement, divorce through the cooling-off, and the popular dates' proof of work and
/// lottery, through the API on both databases.
@Suite("Marriage registry")
struct MarriageTests {
    static let man = residentID("32040219950312401")
    static let woman = residentID("32040219960412402")

    struct Booking: Decodable {
        let id: UUID
        let state: String
        let awaitingConfirmation: [String]
        let slot: BookingAPITests.Slot
    }

    struct Certificate: Decodable {
        let position: Int
        let number: String
        let replacedOn: String?
    }

    struct Record: Decodable {
        let id: UUID
        let kind: String
        let state: String
        let certificates: [Certificate]
    }

    struct Divorce: Decodable {
        let id: UUID
        let state: String
        let coolingOffEnds: String
        let windowStarts: String
        let windowEnds: String
    }

    /// A resident's token whose account is the one of `idNumber` (as registration makes it).
    static func resident(_ app: Application, _ idNumber: String) async throws -> String {
        try await app.token(
            role: .resident, region: "320402001", username: "r-" + app.platform.cipher.blindIndex(idNumber))
    }

    /// 天宁's registry with its slots; the slots of `date`.
    static func registry(
        _ app: Application, capacity: Int = 2, now: Date = BookingAPITests.now, date: String = "2026-12-10"
    ) async throws -> [BookingAPITests.Slot] {
        app.platform.clock = .fixed(now)
        try await BookingStore(db: app.sql).insertResource(
            id: UUID(), kind: .marriage, name: "天宁区婚姻登记处", region: "320402", address: "天宁区", capacity: capacity,
            at: now)
        _ = try await app.bookingService(actor: .system("test")).openSlots()
        return try await send(app, .GET, "/api/v1/slots?service=marriage&date=\(date)").json(
            [BookingAPITests.Slot].self)
    }

    /// A confirmed, arrived booking of the couple on 2026-12-10 09:00, the clock then.
    static func arrived(_ app: Application, registrar: String) async throws -> UUID {
        let slot = try await registry(app)[0]
        let booking = try await BookingAPITests.book(app, try await resident(app, man), slot.id, [man, woman])
            .json(Booking.self)
        let confirmed = try await send(
            app, .POST, "/api/v1/bookings/\(booking.id)/confirmation", token: try await resident(app, woman))
        #expect(confirmed.status == .ok)
        app.platform.clock = .fixed(BeijingTime.instant("2026-12-10T09:05")!)
        #expect(try await send(app, .POST, "/api/v1/bookings/\(booking.id)/arrival", token: registrar).status == .ok)
        return booking.id
    }

    @Test(
        "a marriage booking is made by one party and confirmed by the other from their own account",
        arguments: TestDatabase.available)
    func confirmation(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slots = try await Self.registry(app)
            let stranger = try await app.token(role: .resident, region: "320402001")
            let refused = try await BookingAPITests.book(app, stranger, slots[0].id, [Self.man, Self.woman])
            #expect(refused.status == .badRequest)
            #expect(try refused.json(ErrorAnswer.self).field == "idNumbers")
            let booker = try await Self.resident(app, Self.man)
            let tooYoung = try await BookingAPITests.book(
                app, booker, slots[0].id, [Self.man, residentID("32040220100101002")])
            #expect(try tooYoung.json(ErrorAnswer.self).field == "idNumbers[1]")

            let made = try await BookingAPITests.book(app, booker, slots[0].id, [Self.man, Self.woman])
            #expect(made.status == .created)
            let booking = try made.json(Booking.self)
            #expect(booking.awaitingConfirmation == [ResidentID.mask(Self.woman)])
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            app.platform.clock = .fixed(BookingAPITests.now.addingTimeInterval(3_600))
            let early = try await send(app, .POST, "/api/v1/bookings/\(booking.id)/arrival", token: registrar)
            #expect(early.status == .conflict)
            // A stranger cannot confirm, nor see it; the partner sees it and confirms once.
            #expect(
                try await send(app, .POST, "/api/v1/bookings/\(booking.id)/confirmation", token: stranger).status
                    == .notFound)
            let partner = try await Self.resident(app, Self.woman)
            #expect(try await send(app, .GET, "/api/v1/bookings/\(booking.id)", token: partner).status == .ok)
            let confirmed = try await send(app, .POST, "/api/v1/bookings/\(booking.id)/confirmation", token: partner)
            #expect(try confirmed.json(Booking.self).awaitingConfirmation.isEmpty)
            #expect(
                try await send(app, .POST, "/api/v1/bookings/\(booking.id)/confirmation", token: partner).status
                    == .conflict)
        }
    }

    @Test("an unconfirmed booking lapses after 24 hours and frees its place", arguments: TestDatabase.available)
    func lapse(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let slot = try await Self.registry(app)[0]
            let token = try await Self.resident(app, Self.man)
            let booking = try await BookingAPITests.book(app, token, slot.id, [Self.man, Self.woman]).json(Booking.self)
            // A service reads the clock it was made with: one per moment.
            app.platform.clock = .fixed(BookingAPITests.now.addingTimeInterval(23 * 3_600))
            #expect(try await app.bookingService(actor: .system("test")).lapseUnconfirmed() == 0)
            app.platform.clock = .fixed(BookingAPITests.now.addingTimeInterval(24 * 3_600))
            #expect(try await app.bookingService(actor: .system("test")).lapseUnconfirmed() == 1)
            #expect(
                try await send(app, .GET, "/api/v1/bookings/\(booking.id)", token: token).json(Booking.self).state
                    == "lapsed")
            let slots = try await send(app, .GET, "/api/v1/slots?service=marriage&date=2026-12-10")
                .json([BookingAPITests.Slot].self)
            #expect(slots[0].left == 2)
            // The partner's late confirmation is refused.
            let late = try await send(
                app, .POST, "/api/v1/bookings/\(booking.id)/confirmation",
                token: try await Self.resident(app, Self.woman))

            #expect(late.status == .conflict)
        }
    }

    @Test(
        "registration: two certificates, the party married on record, a second marriage refused, a replacement",
        arguments: TestDatabase.available)
    func registration(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            let booking = try await Self.arrived(app, registrar: registrar)
            let outsider = try await app.token(role: .districtOfficer, region: "320411")
            #expect(
                try await send(
                    app, .POST, "/api/v1/marriages", token: outsider, json: ["bookingId": booking.uuidString]
                )
                .status == .notFound)
            let res = try await send(
                app, .POST, "/api/v1/marriages", token: registrar, json: ["bookingId": booking.uuidString])
            #expect(res.status == .created)
            let record = try res.json(Record.self)
            #expect(record.certificates.map(\.number) == ["J320402-2026-000001", "J320402-2026-000002"])
            let again = try await send(
                app, .POST, "/api/v1/marriages", token: registrar, json: ["bookingId": booking.uuidString])
            #expect(again.status == .conflict)
            #expect(try again.json(ErrorAnswer.self).field == "idNumbers[0]")

            let replaced = try await send(
                app, .POST, "/api/v1/marriages/\(record.id)/replacement", token: registrar,
                json: ["idNumber": Self.woman]
            ).json(Record.self)
            #expect(replaced.certificates.map(\.number).contains("BJ320402-2026-000001"))
            #expect(replaced.certificates.first { $0.number == "J320402-2026-000002" }?.replacedOn == "2026-12-10")
            let stranger = try await send(
                app, .POST, "/api/v1/marriages/\(record.id)/replacement", token: registrar,
                json: ["idNumber": residentID("32040219900101003")])
            #expect(try stranger.json(ErrorAnswer.self).field == "idNumbers[0]")
            // Any registry of the city finds the records of a party who shows their ID number.
            let found = try await send(app, .GET, "/api/v1/marriages?idNumber=\(Self.man)", token: outsider)
            #expect(try found.json([Record].self).map(\.id) == [record.id])
            #expect(try await send(app, .GET, "/api/v1/marriages/\(record.id)", token: outsider).status == .notFound)
        }
    }

    @Test(
        "divorce: received, refused in the cooling-off, registered in the window; another lapses after it",
        arguments: TestDatabase.available)
    func divorce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            let booking = try await Self.arrived(app, registrar: registrar)
            let marriage = try await send(
                app, .POST, "/api/v1/marriages", token: registrar, json: ["bookingId": booking.uuidString]
            ).json(Record.self)
            let alone = try await send(
                app, .POST, "/api/v1/divorces", token: registrar,
                json: Self.object(DivorceBody(marriageId: marriage.id, idNumbers: [Self.man])))
            #expect(try alone.json(ErrorAnswer.self).field == "idNumbers")
            let applied = try await send(
                app, .POST, "/api/v1/divorces", token: registrar,
                json: Self.object(DivorceBody(marriageId: marriage.id, idNumbers: [Self.man, Self.woman])))
            #expect(applied.status == .created)
            let divorce = try applied.json(Divorce.self)
            let timeline = DivorceTimeline(received: CivilDate("2026-12-10")!, calendar: .china)
            #expect(divorce.coolingOffEnds == timeline.coolingOffEnds.description)
            #expect(divorce.windowEnds == timeline.windowEnds.description)
            let twice = try await send(
                app, .POST, "/api/v1/divorces", token: registrar,
                json: Self.object(DivorceBody(marriageId: marriage.id, idNumbers: [Self.man, Self.woman])))
            #expect(twice.status == .conflict)

            app.platform.clock = .fixed(BeijingTime.instant("\(timeline.coolingOffEnds)T16:00")!)
            let early = try await send(app, .POST, "/api/v1/divorces/\(divorce.id)/registration", token: registrar)
            #expect(early.status == .conflict)
            app.platform.clock = .fixed(BeijingTime.instant("\(timeline.windowStarts)T09:00")!)
            let late = try await send(app, .POST, "/api/v1/divorces/\(divorce.id)/withdrawal", token: registrar)
            #expect(late.status == .conflict)
            let registered = try await send(app, .POST, "/api/v1/divorces/\(divorce.id)/registration", token: registrar)
            #expect(registered.status == .created)
            let record = try registered.json(Record.self)
            #expect(record.kind == "divorce")
            #expect(record.certificates.map(\.number).allSatisfy { $0.hasPrefix("L320402-") })
            let records = try await send(app, .GET, "/api/v1/marriages?idNumber=\(Self.woman)", token: registrar)
                .json([Record].self)
            #expect(Set(records.map(\.state)) == ["valid", "dissolved"])

            #expect(try await app.marriageService(actor: .system("test")).lapseDivorces() == 0)
        }
    }

    @Test(
        "a divorce application nobody comes back for lapses the day after its window", arguments: TestDatabase.available
    )
    func divorceLapses(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let registrar = try await app.token(role: .districtOfficer, region: "320402")
            let booking = try await Self.arrived(app, registrar: registrar)
            let marriage = try await send(
                app, .POST, "/api/v1/marriages", token: registrar, json: ["bookingId": booking.uuidString]
            ).json(Record.self)
            let divorce = try await send(
                app, .POST, "/api/v1/divorces", token: registrar,
                json: Self.object(
                    DivorceBody(marriageId: marriage.id, idNumbers: [Self.woman, Self.man])
                )
            ).json(Divorce.self)
            app.platform.clock = .fixed(BeijingTime.instant("\(divorce.windowEnds)T23:00")!)
            #expect(try await app.marriageService(actor: .system("test")).lapseDivorces() == 0)
            app.platform.clock = .fixed(BeijingTime.instant("\(CivilDate(divorce.windowEnds)!.adding(days: 1))T01:00")!)
            #expect(try await app.marriageService(actor: .system("test")).lapseDivorces() == 1)
            let after = try await send(app, .GET, "/api/v1/divorces/\(divorce.id)", token: registrar).json(Divorce.self)
            #expect(after.state == "lapsed")
        }
    }

    /// An encodable body as the JSON object `send` takes.
    static func object(_ body: some Encodable) -> Any {
        try! JSONSerialization.jsonObject(with: JSONEncoder().encode(body))
    }

    struct DivorceBody: Content {
        let marriageId: UUID
        let idNumbers: [String]
    }

    struct Challenge: Decodable {
        let challenge: String
        let bits: Int
        let expiresAt: Date
    }

    struct LotteryBody: Content {
        let slotId: UUID
        let idNumbers: [String]
        let proof: ProofOfWork.Answer?
    }

    static func proof(_ app: Application, _ token: String, _ slot: UUID) async throws -> ProofOfWork.Answer {
        let c = try await send(app, .GET, "/api/v1/booking-challenge?slotId=\(slot)", token: token).json(Challenge.self)
        return ProofOfWork.solve(ProofOfWork.Challenge(challenge: c.challenge, bits: c.bits, expiresAt: c.expiresAt))
    }

    @Test(
        "a popular date: requests with a proof of work in the week before, one published draw, no seat given twice",
        arguments: TestDatabase.available)
    func lottery(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // 2027-05-20 opens on 2027-05-05 08:30; requests from 2027-04-28 08:30.
            let slots = try await Self.registry(
                app, capacity: 1, now: BeijingTime.instant("2027-04-28T09:00")!, date: "2027-05-20")
            #expect(slots[0].capacity == 2)
            let couples = (0..<3).map { i in
                (residentID("3204021990011\(i)101"), residentID("3204021991011\(i)102"))
            }
            var tokens: [String] = []
            for (man, _) in couples { tokens.append(try await Self.resident(app, man)) }
            let direct = try await BookingAPITests.book(app, tokens[0], slots[0].id, [couples[0].0, couples[0].1])
            #expect(direct.status == .conflict)
            let bare = try await send(
                app, .POST, "/api/v1/booking-requests", token: tokens[0],
                json: Self.object(
                    LotteryBody(slotId: slots[0].id, idNumbers: [couples[0].0, couples[0].1], proof: nil)))
            #expect(try bare.json(ErrorAnswer.self).field == "proof")
            var used: ProofOfWork.Answer?
            for (i, couple) in couples.enumerated() {
                let proof = try await Self.proof(app, tokens[i], slots[0].id)
                let res = try await send(
                    app, .POST, "/api/v1/booking-requests", token: tokens[i],
                    json: Self.object(LotteryBody(slotId: slots[0].id, idNumbers: [couple.0, couple.1], proof: proof)))
                #expect(res.status == .created)
                used = proof
            }
            let replay = try await send(
                app, .POST, "/api/v1/booking-requests", token: tokens[2],
                json: Self.object(
                    LotteryBody(slotId: slots[1].id, idNumbers: [couples[2].0, couples[2].1], proof: used)))
            #expect(try replay.json(ErrorAnswer.self).field == "proof")
            #expect(
                try await send(app, .GET, "/api/v1/booking-draws?service=marriage&date=2027-05-20").status == .notFound)

            app.platform.clock = .fixed(BeijingTime.instant("2027-05-05T08:30")!)
            let service = app.bookingService(actor: .system("test"))
            #expect(try await service.drawDue() == 1)
            #expect(try await service.drawDue() == 0)
            let draw = try await send(app, .GET, "/api/v1/booking-draws?service=marriage&date=2027-05-20")
                .json(BookingService.DrawView.self)
            #expect(draw.order.count == 3 && draw.order.allSatisfy(\.won))
            #expect(
                BookingService.drawOrder(draw.order.map(\.request).shuffled(), seed: draw.seed)
                    == draw.order.map(\.request))
            let after = try await send(app, .GET, "/api/v1/slots?service=marriage&date=2027-05-20")
                .json([BookingAPITests.Slot].self)
            // Two in the chosen slot, the third in the office's next.
            #expect(after[0].left == 0 && after[1].left == 1)
            let booked = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM bookings WHERE day = '2027-05-20' AND state = 'active'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(booked == 3)
        }
    }
}
