import Foundation
import MinzhengCore
import SQLKit

/// The only code that names the fairness tables: the partner's confirmations of a booking,
/// used proof-of-work challenges, and the popular dates' lottery requests and draws.
struct FairnessStore {
    let db: SQLDatabase

    func insertConfirmations(booking: UUID, persons: [UUID], due: Date) async throws {
        for person in persons {
            try await db.insert(into: "booking_confirmations")
                .columns("id", "booking_id", "booking_person_id", "due_at")
                .values(SQLBind(UUID()), SQLBind(booking), SQLBind(person), SQLBind(due)).run()
        }
    }

    /// A booking's people still to confirm: their positions and the deadline.
    func unconfirmed(booking: UUID) async throws -> (positions: [Int], due: Date?) {
        let rows = try await db.raw(
            """
            SELECT p.position, c.due_at FROM booking_confirmations c JOIN booking_persons p ON p.id = c.booking_person_id
            WHERE c.booking_id = \(bind: booking) AND c.confirmed_at IS NULL ORDER BY p.position
            """
        ).all()
        return (
            try rows.map { try $0.decode(column: "position", as: Int.self) },
            try rows.first?.decode(column: "due_at", as: Date.self)
        )
    }

    /// Confirms the booking for the person of blind index `index`; false when nothing was
    /// waiting for them before the deadline.
    func confirm(booking: UUID, index: String, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            UPDATE booking_confirmations SET confirmed_at = \(bind: now)
            WHERE booking_id = \(bind: booking) AND confirmed_at IS NULL AND due_at > \(bind: now)
            AND booking_person_id IN (
                SELECT id FROM booking_persons WHERE booking_id = \(bind: booking) AND id_index = \(bind: index))
            RETURNING id
            """
        ).first() != nil
    }

    /// The active bookings naming the person of `index` that wait for their confirmation.
    func awaiting(index: String) async throws -> [UUID] {
        try await db.raw(
            """
            SELECT c.booking_id FROM booking_confirmations c JOIN booking_persons p ON p.id = c.booking_person_id
            WHERE p.id_index = \(bind: index) AND p.active AND c.confirmed_at IS NULL
            """
        ).all().map { try $0.decode(column: "booking_id", as: UUID.self) }
    }

    /// Whether the person of `index` is named in the booking (to let the partner see it).
    func names(booking: UUID, index: String) async throws -> Bool {
        try await db.raw(
            "SELECT id FROM booking_persons WHERE booking_id = \(bind: booking) AND id_index = \(bind: index)"
        ).first() != nil
    }

    /// Active bookings whose confirmation deadline passed with someone unconfirmed.
    func lapsedBookings(at now: Date) async throws -> [UUID] {
        try await db.raw(
            """
            SELECT DISTINCT c.booking_id FROM booking_confirmations c JOIN bookings b ON b.id = c.booking_id
            WHERE c.confirmed_at IS NULL AND c.due_at <= \(bind: now) AND b.state = 'active'
            """
        ).all().map { try $0.decode(column: "booking_id", as: UUID.self) }
    }

    /// Takes a challenge out of use; false when it was used before.
    func use(challenge: String, expires: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO used_challenges (challenge, expires_at) VALUES (\(bind: challenge), \(bind: expires))
            ON CONFLICT (challenge) DO NOTHING RETURNING challenge
            """
        ).first() != nil
    }

    func forgetChallenges(before now: Date) async throws {
        try await db.raw("DELETE FROM used_challenges WHERE expires_at < \(bind: now)").run()
    }
}
