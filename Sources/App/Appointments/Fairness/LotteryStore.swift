import Foundation
import MinzhengCore
import SQLKit

/// The only code that names the lottery tables: requests for a popular date, their people,
/// and the one draw of each date.
struct LotteryStore {
    let db: SQLDatabase

    struct Request: Sendable {
        let id: UUID
        let slot: UUID
        let resource: UUID
        let account: UUID
        let seats: Int
        let ownPosition: Int
        let state: String
        let persons: [(index: String, cipher: String)]
    }

    func insert(
        id: UUID, slot: BookingSlot, account: UUID, seats: Int, ownPosition: Int,
        persons: [(index: String, cipher: String)], at now: Date
    ) async throws {
        try await db.insert(into: "booking_lottery_requests")
            .columns("id", "slot_id", "kind", "day", "account_id", "seats", "own_position", "state", "created_at")
            .values(
                SQLBind(id), SQLBind(slot.id), SQLBind(slot.kind.rawValue), SQLBind(slot.day.description),
                SQLBind(account), SQLBind(seats), SQLBind(ownPosition), SQLBind("waiting"), SQLBind(now)
            ).run()
        for (position, person) in persons.enumerated() {
            try await db.insert(into: "booking_lottery_persons")
                .columns("id", "request_id", "position", "id_index", "id_cipher")
                .values(SQLBind(UUID()), SQLBind(id), SQLBind(position), SQLBind(person.index), SQLBind(person.cipher))
                .run()
        }
    }

    /// Which of `indexes` are already in a request for the date.
    func requested(kind: BookingKind, day: CivilDate, indexes: [String]) async throws -> Set<String> {
        guard !indexes.isEmpty else { return [] }
        return Set(
            try await db.raw(
                """
                SELECT p.id_index FROM booking_lottery_persons p JOIN booking_lottery_requests r ON r.id = p.request_id
                WHERE r.kind = \(bind: kind.rawValue) AND r.day = \(bind: day.description)
                AND p.id_index IN (\(SQLList(indexes.map { SQLBind($0) })))
                """
            ).all().map { try $0.decode(column: "id_index", as: String.self) })
    }

    func requests(kind: BookingKind, day: CivilDate) async throws -> [Request] {
        try await requests(where: "r.kind = \(bind: kind.rawValue) AND r.day = \(bind: day.description)")
    }

    func requests(of account: UUID) async throws -> [Request] {
        try await requests(where: "r.account_id = \(bind: account)")
    }

    private func requests(where condition: SQLQueryString) async throws -> [Request] {
        let rows = try await db.raw(
            """
            SELECT r.id, r.slot_id, s.resource_id, r.account_id, r.seats, r.own_position, r.state, p.id_index, p.id_cipher
            FROM booking_lottery_requests r JOIN booking_slots s ON s.id = r.slot_id
            JOIN booking_lottery_persons p ON p.request_id = r.id
            WHERE \(condition) ORDER BY r.id, p.position
            """
        ).all()
        var requests: [Request] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let person = (
                index: try row.decode(column: "id_index", as: String.self),
                cipher: try row.decode(column: "id_cipher", as: String.self)
            )
            if let last = requests.last, last.id == id {
                requests[requests.count - 1] = Request(
                    id: id, slot: last.slot, resource: last.resource, account: last.account, seats: last.seats,
                    ownPosition: last.ownPosition, state: last.state, persons: last.persons + [person])
            } else {
                requests.append(
                    Request(
                        id: id, slot: try row.decode(column: "slot_id", as: UUID.self),
                        resource: try row.decode(column: "resource_id", as: UUID.self),
                        account: try row.decode(column: "account_id", as: UUID.self),
                        seats: try row.decode(column: "seats", as: Int.self),
                        ownPosition: try row.decode(column: "own_position", as: Int.self),
                        state: try row.decode(column: "state", as: String.self), persons: [person]))
            }
        }
        return requests
    }

    func settle(_ request: UUID, won booking: UUID?) async throws {
        try await db.raw(
            """
            UPDATE booking_lottery_requests SET state = \(bind: booking == nil ? "lost" : "won"),
            booking_id = \(bind: booking) WHERE id = \(bind: request)
            """
        ).run()
    }

    /// Claims the date's draw; false when it was drawn already (by another server or request).
    func claimDraw(kind: BookingKind, day: CivilDate, seed: String, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO booking_draws (id, kind, day, seed, requests, won, drawn_at)
            VALUES (\(bind: UUID()), \(bind: kind.rawValue), \(bind: day.description), \(bind: seed), 0, 0, \(bind: now))
            ON CONFLICT (kind, day) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func recordDraw(kind: BookingKind, day: CivilDate, requests: Int, won: Int) async throws {
        try await db.raw(
            """
            UPDATE booking_draws SET requests = \(bind: requests), won = \(bind: won)
            WHERE kind = \(bind: kind.rawValue) AND day = \(bind: day.description)
            """
        ).run()
    }

    func draw(kind: BookingKind, day: CivilDate) async throws -> (seed: String, drawnAt: Date, won: Int)? {
        try await db.raw(
            """
            SELECT seed, drawn_at, won FROM booking_draws
            WHERE kind = \(bind: kind.rawValue) AND day = \(bind: day.description)
            """
        ).first().map {
            (
                try $0.decode(column: "seed", as: String.self), try $0.decode(column: "drawn_at", as: Date.self),
                try $0.decode(column: "won", as: Int.self)
            )
        }
    }
}
