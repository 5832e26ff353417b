import Fluent
import SQLKit

/// The appointment engine: bookable resources (an office's counters, a furnace, a hall, a
/// vehicle, a cemetery gate), their slots, bookings and the people each is for. The
/// database itself keeps the two promises: a slot's `booked` never exceeds its capacity
/// (CHECK), and one ID number holds one active booking of a kind (a partial unique index;
/// a Qingming visit instead: one per account and day).
struct CreateAppointments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("booking_resources")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("capacity", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("booking_slots")
            .id()
            .field("resource_id", .uuid, .required, .references("booking_resources", "id"))
            .field("kind", .string, .required)
            .field("day", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("capacity", .int, .required)
            .field("booked", .int, .required)
            .unique(on: "resource_id", "day", "start_minute")
            .constraint(.custom(SQLRaw("CHECK (booked >= 0 AND booked <= capacity)")))
            .create()
        try await database.schema("bookings")
            .id()
            .field("slot_id", .uuid, .required, .references("booking_slots", "id"))
            .field("kind", .string, .required)
            .field("region", .string, .required)
            .field("day", .string, .required)
            .field("account_id", .uuid, .required)
            .field("code", .string, .required)
            .field("state", .string, .required)
            .field("seats", .int, .required)
            .field("created_at", .datetime, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.schema("booking_persons")
            .id()
            .field("booking_id", .uuid, .required, .references("bookings", "id"))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("id_index", .string, .required)
            .field("id_cipher", .string, .required)
            .field("active", .bool, .required)
            .create()
        let sql = database.sql
        try await sql.raw(
            """
            CREATE UNIQUE INDEX booking_persons_one_active ON booking_persons (kind, id_index)
            WHERE active AND kind <> 'qingmingVisit'
            """
        ).run()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX bookings_one_visit_a_day ON bookings (account_id, day)
            WHERE state = 'active' AND kind = 'qingmingVisit'
            """
        ).run()
        try await sql.create(index: "booking_slots_kind_day").on("booking_slots").column("kind").column("day").run()
        try await sql.create(index: "bookings_slot").on("bookings").column("slot_id").run()
        try await sql.create(index: "bookings_account").on("bookings").column("account_id").column("kind").run()
        try await sql.create(index: "booking_persons_booking").on("booking_persons").column("booking_id").run()
    }

    func revert(on database: Database) async throws {
        for table in ["booking_persons", "bookings", "booking_slots", "booking_resources"] {
            try await database.schema(table).delete()
        }
    }
}
