import Fluent
import SQLKit

/// Home-care providers and their workers, the orders from request to confirmed visit, and
/// each person's entitlement of a month as it was computed for the settlement.
struct CreateHomeCare: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("home_care_providers")
            .id()
            .field("name", .string, .required)
            .field("credit_code", .string, .required)
            .field("region", .string, .required)
            .field("phone", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "credit_code")
            .create()
        try await database.schema("home_care_workers")
            .id()
            .field("provider_id", .uuid, .required, .references("home_care_providers", "id"))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("home_care_orders")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("region", .string, .required)
            .field("service", .string, .required)
            .field("units", .int, .required)
            .field("scheduled_on", .string, .required)
            .field("note", .string)
            .field("state", .string, .required)
            .field("provider_id", .uuid, .references("home_care_providers", "id"))
            .field("worker_id", .uuid, .references("home_care_workers", "id"))
            // Seconds since 1970: the overlap check compares them across orders.
            .field("check_in_at", .int64)
            .field("check_out_at", .int64)
            .field("check_in_latitude", .double)
            .field("check_in_longitude", .double)
            // The Beijing month of the check-in: the settlement's month.
            .field("month", .string)
            .field("charge_fen", .int64)
            // Comma-separated `HomeCareFlag`s; `held` while one that stops settlement is not cleared.
            .field("flags", .string, .required)
            .field("held", .bool, .required)
            .field("cleared_by", .string)
            .field("cleared_note", .string)
            .field("confirmed_by", .string)
            .field("rating", .int)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("home_care_entitlements")
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("month", .string, .required)
            .field("entitlement_group", .string)
            .field("monthly_fen", .int64, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "person_id", "month")
            .create()
        let sql = database.sql
        try await sql.create(index: "home_care_orders_region").on("home_care_orders").column("region")
            .column("scheduled_on").run()
        try await sql.create(index: "home_care_orders_month").on("home_care_orders").column("month").column("state")
            .run()
        try await sql.create(index: "home_care_orders_worker").on("home_care_orders").column("worker_id")
            .column("check_in_at").run()
        try await sql.create(index: "home_care_orders_person").on("home_care_orders").column("person_id")
            .column("month").run()
    }

    func revert(on database: Database) async throws {
        for table in ["home_care_entitlements", "home_care_orders", "home_care_workers", "home_care_providers"] {
            try await database.schema(table).delete()
        }
    }
}
