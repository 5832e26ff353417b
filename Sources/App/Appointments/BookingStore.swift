import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names the appointment tables.
struct BookingStore {
    let db: SQLDatabase

    func insertResource(
        id: UUID, kind: BookingKind, name: String, region: String, address: String, capacity: Int, at now: Date
    ) async throws {
        try await db.insert(into: "booking_resources")
            .columns("id", "kind", "name", "region", "address", "capacity", "created_at")
            .values(
                SQLBind(id), SQLBind(kind.rawValue), SQLBind(name), SQLBind(region), SQLBind(address),
                SQLBind(capacity), SQLBind(now)
            ).run()
    }

    func resources(kind: BookingKind? = nil) async throws -> [BookingResource] {
        let filter: SQLQueryString = kind.map { "WHERE kind = \(bind: $0.rawValue)" } ?? ""
        return try await db.raw(
            "SELECT id, kind, name, region, address, capacity FROM booking_resources \(filter) ORDER BY region, name"
        ).all().map(BookingResource.init)
    }

    /// Adds the slots of `resource` on `day` that are not there yet; returns how many.
    func addSlots(
        resource: BookingResource, day: CivilDate, capacity: Int, times: [(start: Int, end: Int)]
    ) async throws -> Int {
        var added = 0
        for time in times {
            let inserted = try await db.raw(
                """
                INSERT INTO booking_slots (id, resource_id, kind, day, start_minute, end_minute, capacity, booked)
                VALUES (\(bind: UUID()), \(bind: resource.id), \(bind: resource.kind.rawValue), \(bind: day.description),
                    \(bind: time.start), \(bind: time.end), \(bind: capacity), 0)
                ON CONFLICT (resource_id, day, start_minute) DO NOTHING RETURNING id
                """
            ).first()
            if inserted != nil { added += 1 }
        }
        return added
    }

    private static let slotColumns: SQLQueryString = """
        s.id AS slot_id, s.resource_id, r.name AS resource_name, r.region, s.kind, s.day, s.start_minute, s.end_minute,
        s.capacity, s.booked
        """

    func slots(kind: BookingKind, day: CivilDate, resource: UUID?) async throws -> [BookingSlot] {
        let only: SQLQueryString = resource.map { "AND s.resource_id = \(bind: $0)" } ?? ""
        return try await db.raw(
            """
            SELECT \(Self.slotColumns) FROM booking_slots s JOIN booking_resources r ON r.id = s.resource_id
            WHERE s.kind = \(bind: kind.rawValue) AND s.day = \(bind: day.description) \(only)
            ORDER BY r.name, s.start_minute
            """
        ).all().map(BookingSlot.init)
    }

    func slot(_ id: UUID) async throws -> BookingSlot? {
        try await db.raw(
            """
            SELECT \(Self.slotColumns) FROM booking_slots s JOIN booking_resources r ON r.id = s.resource_id
            WHERE s.id = \(bind: id)
            """
        ).first().map(BookingSlot.init)
    }

    /// Takes `seats` of the slot if they are free; false when the slot is full. One statement:
    /// under any concurrency the slot's count is checked and raised together.
    func takeSeats(_ slot: UUID, _ seats: Int) async throws -> Bool {
        try await db.raw(
            """
            UPDATE booking_slots SET booked = booked + \(bind: seats)
            WHERE id = \(bind: slot) AND booked + \(bind: seats) <= capacity RETURNING id
            """
        ).first() != nil
    }

    func releaseSeats(_ slot: UUID, _ seats: Int) async throws {
        try await db.raw("UPDATE booking_slots SET booked = booked - \(bind: seats) WHERE id = \(bind: slot)").run()
    }

    /// Which of `indexes` (blind indexes of ID numbers) already hold an active booking of `kind`.
    func activeHolders(kind: BookingKind, indexes: [String]) async throws -> Set<String> {
        guard !indexes.isEmpty else { return [] }
        let list = SQLList(indexes.map { SQLBind($0) })
        return Set(
            try await db.raw(
                """
                SELECT id_index FROM booking_persons
                WHERE active AND kind = \(bind: kind.rawValue) AND id_index IN (\(list))
                """
            ).all().map { try $0.decode(column: "id_index", as: String.self) })
    }

    /// Whether `account` holds an active booking of `kind` on `day`.
    func hasActive(account: UUID, kind: BookingKind, day: CivilDate) async throws -> Bool {
        try await db.raw(
            """
            SELECT id FROM bookings WHERE account_id = \(bind: account) AND kind = \(bind: kind.rawValue)
            AND day = \(bind: day.description) AND state = 'active'
            """
        ).first() != nil
    }

    func insertBooking(
        id: UUID, slot: BookingSlot, account: UUID, code: String, seats: Int,
        persons: [(index: String, cipher: String)],
        at now: Date
    ) async throws -> [UUID] {
        try await db.insert(into: "bookings")
            .columns(
                "id", "slot_id", "kind", "region", "day", "account_id", "code", "state", "seats", "created_at",
                "changed_at"
            )
            .values(
                SQLBind(id), SQLBind(slot.id), SQLBind(slot.kind.rawValue), SQLBind(slot.region),
                SQLBind(slot.day.description), SQLBind(account), SQLBind(code), SQLBind(BookingState.active.rawValue),
                SQLBind(seats), SQLBind(now), SQLBind(now)
            ).run()
        try await ReceiptStore(db: db).issue(
            .booking, record: id, owner: account, person: nil, region: slot.region, at: now)
        var ids: [UUID] = []
        for (position, person) in persons.enumerated() {
            let personID = UUID()
            try await db.insert(into: "booking_persons")
                .columns("id", "booking_id", "position", "kind", "id_index", "id_cipher", "active")
                .values(
                    SQLBind(personID), SQLBind(id), SQLBind(position), SQLBind(slot.kind.rawValue),
                    SQLBind(person.index), SQLBind(person.cipher), SQLBind(true)
                ).run()
            ids.append(personID)
        }
        return ids
    }

    private static let bookingColumns: SQLQueryString = """
        b.id, b.code, b.state, b.seats, b.account_id, b.created_at, \(slotColumns)
        """

    func booking(_ id: UUID) async throws -> BookingRow? {
        try await db.raw(
            """
            SELECT \(Self.bookingColumns) FROM bookings b JOIN booking_slots s ON s.id = b.slot_id
            JOIN booking_resources r ON r.id = s.resource_id WHERE b.id = \(bind: id)
            """
        ).first().map(BookingRow.init)
    }

    /// The account's bookings, the latest slot first.
    func bookings(of account: UUID, limit: Int = 100) async throws -> [BookingRow] {
        try await db.raw(
            """
            SELECT \(Self.bookingColumns) FROM bookings b JOIN booking_slots s ON s.id = b.slot_id
            JOIN booking_resources r ON r.id = s.resource_id WHERE b.account_id = \(bind: account)
            ORDER BY s.day DESC, s.start_minute DESC LIMIT \(bind: limit)
            """
        ).all().map(BookingRow.init)
    }

    /// The bookings of a resource's day, in slot order, for its office.
    func bookings(resource: UUID, day: CivilDate) async throws -> [BookingRow] {
        try await db.raw(
            """
            SELECT \(Self.bookingColumns) FROM bookings b JOIN booking_slots s ON s.id = b.slot_id
            JOIN booking_resources r ON r.id = s.resource_id
            WHERE s.resource_id = \(bind: resource) AND s.day = \(bind: day.description)
            ORDER BY s.start_minute, b.created_at
            """
        ).all().map(BookingRow.init)
    }

    /// The sealed ID numbers of a booking's people, in the order given.
    func personCiphers(of booking: UUID) async throws -> [String] {
        try await db.raw(
            "SELECT id_cipher FROM booking_persons WHERE booking_id = \(bind: booking) ORDER BY position"
        ).all().map { try $0.decode(column: "id_cipher", as: String.self) }
    }

    /// Moves an active booking to `state` and frees its people; false when it was no longer active.
    func close(_ id: UUID, as state: BookingState, at now: Date) async throws -> Bool {
        guard
            try await db.raw(
                """
                UPDATE bookings SET state = \(bind: state.rawValue), changed_at = \(bind: now)
                WHERE id = \(bind: id) AND state = 'active' RETURNING id
                """
            ).first() != nil
        else { return false }
        try await db.raw("UPDATE booking_persons SET active = \(bind: false) WHERE booking_id = \(bind: id)").run()
        return true
    }

    /// The days of the account's no-shows of `kind`.
    func noShowDays(account: UUID, kind: BookingKind) async throws -> [CivilDate] {
        try await db.raw(
            """
            SELECT day FROM bookings WHERE account_id = \(bind: account) AND kind = \(bind: kind.rawValue)
            AND state = 'noShow'
            """
        ).all().compactMap { CivilDate(try $0.decode(column: "day", as: String.self)) }
    }
}

/// A bookable resource: an office's counters, a furnace, a hall, a vehicle, a cemetery gate.
struct BookingResource: Content, Sendable {
    let id: UUID
    let kind: BookingKind
    let name: String
    let region: String
    let address: String
    /// A slot's capacity: bookings, or people where the kind counts people.
    let capacity: Int

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        kind = BookingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .marriage
        name = try row.decode(column: "name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        address = try row.decode(column: "address", as: String.self)
        capacity = try row.decode(column: "capacity", as: Int.self)
    }
}

struct BookingSlot: Sendable {
    let id: UUID
    let resourceID: UUID
    let resourceName: String
    let region: String
    let kind: BookingKind
    let day: CivilDate
    let startMinute: Int
    let endMinute: Int
    let capacity: Int
    let booked: Int

    init(row: SQLRow) throws {
        id = try row.decode(column: "slot_id", as: UUID.self)
        resourceID = try row.decode(column: "resource_id", as: UUID.self)
        resourceName = try row.decode(column: "resource_name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        kind = BookingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .marriage
        day = CivilDate(try row.decode(column: "day", as: String.self)) ?? CivilDate(daysSinceEpoch: 0)
        startMinute = try row.decode(column: "start_minute", as: Int.self)
        endMinute = try row.decode(column: "end_minute", as: Int.self)
        capacity = try row.decode(column: "capacity", as: Int.self)
        booked = try row.decode(column: "booked", as: Int.self)
    }

    var start: BookingMoment { BookingMoment(day: day, minute: startMinute) }
}

struct BookingRow: Sendable {
    let id: UUID
    let code: String
    let state: BookingState
    let seats: Int
    let account: UUID
    let createdAt: Date
    let slot: BookingSlot

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        code = try row.decode(column: "code", as: String.self)
        state = BookingState(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled
        seats = try row.decode(column: "seats", as: Int.self)
        account = try row.decode(column: "account_id", as: UUID.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        slot = try BookingSlot(row: row)
    }
}
