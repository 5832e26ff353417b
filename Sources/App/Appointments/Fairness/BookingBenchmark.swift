import Foundation
import MinzhengCore
import NIOCore
import SQLKit
import Vapor

/// `minzheng bench bookings`: the appointment engine under a crowd, over loopback HTTP.
/// Race: `clients` residents (each a couple's booker, from an address of their own behind the
/// loopback "load balancer") post at once to `slots` one-place slots: exactly `slots` must be
/// confirmed and no slot may hold two. Throughput: the same crowd on one slot with room for
/// all, in bookings per second, next to the floor: the same rows (booking, two people, the
/// partner's confirmation, the slot's count) written by plain statements, one transaction each.
struct BookingBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "bookings"
        let database: String
        let clients: Int
        let slots: Int
        let raceConfirmed: Int
        let raceRefusedFull: Int
        let raceOther: Int
        let doubleBooked: Int
        let raceSeconds: Double
        let p50Milliseconds: Double
        let p99Milliseconds: Double
        let oneSlotBookingsPerSecond: Double
        let plainInsertBookingsPerSecond: Double
        let ratioToFloor: Double
    }

    func run(clients: Int, slots: Int) async throws -> Figures {
        guard app.platform.config.trustedProxies.contains("127.0.0.1") else {
            throw Refusal.invalid(
                "MINZHENG_TRUSTED_PROXIES", "请设置 MINZHENG_TRUSTED_PROXIES=127.0.0.1：每个模拟客户端以自己的地址经回环“负载均衡”到达")
        }
        app.http.server.configuration.backlog = 4_096
        let cipher = app.platform.cipher
        let today = app.platform.clock.today
        // Couples born in 1990, distinct by the sequence digits; the man books.
        let couples = (0..<clients).map { i in
            (
                Self.id("3204021990\(Self.day(i))\(String(format: "%02d", i / 336 % 100))1"),
                Self.id("3204021991\(Self.day(i))\(String(format: "%02d", i / 336 % 100))2")
            )
        }
        let tokens = try await accounts(couples.map(\.0), cipher: cipher)
        let race = try await resource(capacity: 1)
        let raceSlots = try await BookingStore(db: app.sql).slotsAhead(resource: race, from: today, limit: slots)
        guard raceSlots.count == slots else { throw Refusal.invalid("slots", "可预约时段不足 \(slots) 个") }

        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)))
        let figures = try await BenchServer(app: app).run { base, _ in
            let started = ContinuousClock.now
            let answers = try await Self.crowd(client, base: base, tokens: tokens) { i in
                (raceSlots[i % slots], [couples[i].0, couples[i].1])
            }
            let raceSeconds = (ContinuousClock.now - started).inSeconds
            let doubled =
                try await app.sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM (SELECT slot_id FROM bookings WHERE state = 'active' AND slot_id IN
                    (\(SQLList(raceSlots.map { SQLBind($0) }))) GROUP BY slot_id HAVING COUNT(*) > 1) d
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? -1
            try await cancelAll()

            let roomy = try await resource(capacity: clients)
            let one = try await BookingStore(db: app.sql).slotsAhead(resource: roomy, from: today, limit: 1)[0]
            let crowdStarted = ContinuousClock.now
            let throughput = try await Self.crowd(client, base: base, tokens: tokens) { i in
                (one, [couples[i].0, couples[i].1])
            }
            let crowdSeconds = (ContinuousClock.now - crowdStarted).inSeconds
            guard throughput.allSatisfy({ $0.status == 201 }) else {
                throw Refusal.invalid("bookings", "单时段压测有请求未成功：\(Set(throughput.map(\.status)))")
            }
            try await cancelAll()
            let floor = try await plainInserts(count: clients, slot: one)
            let perSecond = Double(clients) / crowdSeconds
            let latencies = answers.map(\.milliseconds)
            return Figures(
                database: app.sql.dialect.name, clients: clients, slots: slots,
                raceConfirmed: answers.filter { $0.status == 201 }.count,
                raceRefusedFull: answers.filter { $0.status == 409 }.count,
                raceOther: answers.filter { $0.status != 201 && $0.status != 409 }.count,
                doubleBooked: doubled, raceSeconds: Self.round(raceSeconds),
                p50Milliseconds: latencies.percentile(0.5), p99Milliseconds: latencies.percentile(0.99),
                oneSlotBookingsPerSecond: Self.round(perSecond), plainInsertBookingsPerSecond: Self.round(floor),
                ratioToFloor: Self.round(floor / perSecond))
        }
        try await client.shutdown()
        return figures
    }

    /// Posts one booking per token, all at once; each answer's status and milliseconds.
    private static func crowd(
        _ client: HTTPClient, base: String, tokens: [String], _ what: (Int) -> (UUID, [String])
    ) async throws -> [(status: UInt, milliseconds: Double)] {
        try await withThrowingTaskGroup(of: (UInt, Double).self) { group in
            for (i, token) in tokens.enumerated() {
                let (slot, ids) = what(i)
                let body = #"{"slotId":"\#(slot)","idNumbers":["\#(ids[0])","\#(ids[1])"]}"#
                let request = try HTTPClient.Request(
                    url: base + "/api/v1/bookings", method: .POST,
                    headers: [
                        "Authorization": "Bearer \(token)", "Content-Type": "application/json",
                        // A phone of its own behind the loopback balancer: the per-address limit is per client.
                        "X-Forwarded-For": "10.\(i / 65_536 % 256).\(i / 256 % 256).\(i % 256)",
                    ], body: .string(body))
                group.addTask {
                    let started = ContinuousClock.now
                    let response = try await client.execute(request: request).get()
                    return (response.status.code, (ContinuousClock.now - started).inSeconds * 1_000)
                }
            }
            return try await group.reduce(into: []) { $0.append(($1.0, $1.1)) }
        }
    }

    /// The floor: each booking's rows by plain statements in a transaction of its own.
    private func plainInserts(count: Int, slot: UUID) async throws -> Double {
        let started = ContinuousClock.now
        for i in 0..<count {
            try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                let booking = UUID()
                try await sql.raw(
                    """
                    INSERT INTO bookings (id, slot_id, kind, region, day, account_id, code, state, seats, created_at, changed_at)
                    VALUES (\(bind: booking), \(bind: slot), 'marriage', '320402', '2000-01-01', \(bind: UUID()),
                    \(bind: "F\(i)-\(booking.uuidString.prefix(6))"), 'cancelled', 1, \(bind: Date()), \(bind: Date()))
                    """
                ).run()
                var persons: [UUID] = []
                for position in 0..<2 {
                    let person = UUID()
                    try await sql.raw(
                        """
                        INSERT INTO booking_persons (id, booking_id, position, kind, id_index, id_cipher, active)
                        VALUES (\(bind: person), \(bind: booking), \(bind: position), 'marriage',
                        \(bind: "floor-\(i)-\(position)"), 'x', \(bind: false))
                        """
                    ).run()
                    persons.append(person)
                }
                try await sql.raw(
                    """
                    INSERT INTO booking_confirmations (id, booking_id, booking_person_id, due_at)
                    VALUES (\(bind: UUID()), \(bind: booking), \(bind: persons[1]), \(bind: Date()))
                    """
                ).run()
                try await sql.raw("UPDATE booking_slots SET booked = booked WHERE id = \(bind: slot)").run()
            }
        }
        return Double(count) / (ContinuousClock.now - started).inSeconds
    }

    /// A throw-away registry with `capacity` couples a slot and its slots opened.
    private func resource(capacity: Int) async throws -> UUID {
        let id = UUID()
        try await BookingStore(db: app.sql).insertResource(
            id: id, kind: .marriage, name: "基准测试登记处", region: "320402", address: "—", capacity: capacity,
            at: app.platform.clock.now)
        _ = try await app.bookingService(actor: .system("bench")).openSlots()
        return id
    }

    /// Frees every booking of the run, so that the next phase's couples are free again.
    private func cancelAll() async throws {
        try await app.sql.raw("UPDATE booking_persons SET active = \(bind: false)").run()
        try await app.sql.raw("UPDATE bookings SET state = 'cancelled' WHERE state = 'active'").run()
    }

    /// One resident account per booker, named by the ID number's blind index as registration
    /// names it, with a bearer token (no password: nobody signs in with it).
    private func accounts(_ ids: [String], cipher: FieldCipher) async throws -> [String] {
        let store = AccountStore(db: app.sql)
        var tokens: [String] = []
        for id in ids {
            let user = try await store.createUser(
                username: ResidentAccounts.username(
                    for: try ResidentID(id, today: app.platform.clock.today), cipher: cipher),
                displayName: "基准测试", password: UUID().uuidString, role: .resident,
                region: RegionCode("320402001")!, department: nil, hash: { _ in "!" })
            tokens.append(try await store.issueToken(userID: user, name: "bench"))
        }
        return tokens
    }

    private static func day(_ i: Int) -> String {
        String(format: "%02d%02d", i % 12 + 1, i / 12 % 28 + 1)
    }

    private static func id(_ first17: String) -> String {
        first17 + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(first17.utf8)[0..<17])))
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

extension BookingStore {
    /// The first `limit` bookable slots of a resource from tomorrow on, in time order.
    func slotsAhead(resource: UUID, from today: CivilDate, limit: Int) async throws -> [UUID] {
        try await db.raw(
            """
            SELECT id FROM booking_slots WHERE resource_id = \(bind: resource) AND day > \(bind: today.description)
            ORDER BY day, start_minute LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
