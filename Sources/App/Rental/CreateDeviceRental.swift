import Fluent
import SQLKit

/// 康复辅助器具社区租赁: `rental_points` (a point of a region and its operator),
/// `rental_devices` (the stock: one row per serial number, its state and the rental holding
/// it), `rentals` (a person's rental from the request to the return) and
/// `rental_device_events` (who did what to a device and when: reserved, delivered, taken back,
/// cleaned and disinfected, repaired, written off). The catalogue's rents and deposits and the
/// subsidy are dated policy parameters (`RentalParameters`), seeded here for a database stored
/// before them. A device is never in two open rentals (a partial unique index), and its state
/// only moves by conditional updates (`RentalStore`).
struct CreateDeviceRental: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("rental_points")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("operator_name", .string, .required)
            .field("address", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("rental_devices")
            .id()
            .field("point_id", .uuid, .required, .references("rental_points", "id"))
            .field("region", .string, .required)
            .field("kind", .string, .required)
            .field("serial", .string, .required)
            .field("status", .string, .required)
            .field("rental_id", .uuid)
            .field("cleaned_by", .string)
            .field("cleaned_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "serial")
            .create()
        try await database.schema("rentals")
            .id()
            .field("point_id", .uuid, .required, .references("rental_points", "id"))
            .field("region", .string, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("kind", .string, .required)
            .field("device_id", .uuid, .references("rental_devices", "id"))
            .field("status", .string, .required)
            .field("months", .int, .required)
            .field("subsidy_rule", .string)
            .field("deposit_fen", .int64, .required)
            .field("requested_on", .string, .required)
            .field("requested_by", .string, .required)
            .field("delivered_on", .string)
            .field("delivered_by", .string)
            .field("ends_on", .string)
            .field("returned_on", .string)
            .field("returned_by", .string)
            .field("note", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("rental_device_events")
            .id()
            .field("device_id", .uuid, .required, .references("rental_devices", "id"))
            .field("rental_id", .uuid)
            .field("action", .string, .required)
            .field("by_name", .string, .required)
            .field("note", .string)
            .field("at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw(
            """
            CREATE UNIQUE INDEX rentals_device_open ON rentals (device_id)
            WHERE status IN ('requested', 'delivered')
            """
        ).run()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX rental_devices_holder ON rental_devices (rental_id) WHERE rental_id IS NOT NULL
            """
        ).run()
        try await sql.create(index: "rental_devices_stock").on("rental_devices").column("point_id").column("kind")
            .column("status").run()
        try await sql.create(index: "rentals_region").on("rentals").column("region").column("requested_on").run()
        try await sql.create(index: "rentals_person").on("rentals").column("person_id").run()
        try await sql.create(index: "rental_device_events_device").on("rental_device_events").column("device_id")
            .column("at").run()
        try await sql.create(index: "rental_points_region").on("rental_points").column("region").run()
        // The catalogue's prices and the subsidy for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("rental_device_events").delete()
        try await database.schema("rentals").delete()
        try await database.schema("rental_devices").delete()
        try await database.schema("rental_points").delete()
    }
}
