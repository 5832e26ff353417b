import Foundation
import MinzhengCore
import SQLKit

/// The reads of the family's page after a death (身后一件事): who of the resident's household
/// died, the certificates the account recorded, and what the bureau did for each.
struct AfterDeathStore {
    let db: SQLDatabase

    struct Member {
        let person: UUID
        let name: String
        let idMasked: String
        let idCipher: String
        let deceasedOn: String
    }

    /// The deceased members of the household `person` belongs to.
    func deceasedMembers(ofHouseholdOf person: UUID) async throws -> [Member] {
        try await db.raw(
            """
            SELECT p.id, p.name, p.id_masked, p.id_cipher, p.deceased_on FROM memberships m JOIN persons p ON p.id = m.person_id
            WHERE p.deceased_on IS NOT NULL AND m.household_id IN
              (SELECT household_id FROM memberships WHERE person_id = \(bind: person) AND left_at IS NULL)
            ORDER BY p.deceased_on DESC, p.id
            """
        ).all().map { r in
            Member(
                person: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                idMasked: try r.decode(column: "id_masked", as: String.self),
                idCipher: try r.decode(column: "id_cipher", as: String.self),
                deceasedOn: try r.decode(column: "deceased_on", as: String.self))
        }
    }

    /// The certificates the account recorded: (ID cipher, masked ID, number).
    func certificates(recordedBy account: UUID) async throws -> [(cipher: String, masked: String, number: String)] {
        try await db.raw(
            """
            SELECT id_cipher, id_masked, number FROM death_certificates WHERE recorded_by = \(bind: account)
            ORDER BY created_at DESC
            """
        ).all().map {
            (
                try $0.decode(column: "id_cipher", as: String.self),
                try $0.decode(column: "id_masked", as: String.self),
                try $0.decode(column: "number", as: String.self)
            )
        }
    }

    /// The person's own benefits and those of the household under review after the death.
    func benefits(of person: UUID) async throws -> [(item: String, status: String, from: String?)] {
        let own: [(item: String, status: String, from: String?)] = try await db.raw(
            """
            SELECT item_code, status, status_from FROM enrollments WHERE person_id = \(bind: person) ORDER BY item_code
            """
        ).all().map {
            (
                try $0.decode(column: "item_code", as: String.self), try $0.decode(column: "status", as: String.self),
                try $0.decode(column: "status_from", as: String?.self)
            )
        }
        let reviewed: [(item: String, status: String, from: String?)] = try await db.raw(
            """
            SELECT e.item_code, r.status, r.effective_month FROM enrollment_reviews r JOIN enrollments e ON e.id = r.enrollment_id
            WHERE r.person_id = \(bind: person) AND r.change_kind = 'death' ORDER BY e.item_code
            """
        ).all().map {
            (
                try $0.decode(column: "item_code", as: String.self),
                "review-" + (try $0.decode(column: "status", as: String.self)),
                try $0.decode(column: "effective_month", as: String?.self)
            )
        }
        return own + reviewed
    }

    /// The deceased's funeral bookings that stand (active or arrived): kind, day, minute, place, code.
    func funeralBookings(
        indexes: [String]
    ) async throws -> [(kind: BookingKind, day: String, minute: Int, place: String, code: String, state: String)] {
        let kinds = BookingKind.allCases.filter(\.forDeceased).map(\.rawValue)
        return try await db.raw(
            """
            SELECT bp.kind, s.day, s.start_minute, r.name, b.code, b.state FROM booking_persons bp
            JOIN bookings b ON b.id = bp.booking_id JOIN booking_slots s ON s.id = b.slot_id
            JOIN booking_resources r ON r.id = s.resource_id
            WHERE bp.id_index IN \(SQLBind.group(indexes)) AND bp.kind IN \(SQLBind.group(kinds))
              AND b.state IN ('active', 'arrived')
            ORDER BY s.day, s.start_minute
            """
        ).all().map {
            (
                BookingKind(rawValue: try $0.decode(column: "kind", as: String.self)) ?? .cremation,
                try $0.decode(column: "day", as: String.self), try $0.decode(column: "start_minute", as: Int.self),
                try $0.decode(column: "name", as: String.self), try $0.decode(column: "code", as: String.self),
                try $0.decode(column: "state", as: String.self)
            )
        }
    }
}
