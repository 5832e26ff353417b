import Fluent
import SQLKit

/// The service map's tables: where region offices are (a community's office is the centre of
/// its "15-minute circle"; a street's is where a resident without a phone location starts
/// from), each facility's price list, and the adviser's queue. Also stores the default of
/// the new parameter keys (the circle's radius, the reply time).
struct CreateServiceMap: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("region_locations")
            .field("code", .string, .identifier(auto: false))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("set_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("facility_prices")
            .id()
            .field("facility_id", .uuid, .required, .references("facilities", "id"))
            .field("item", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("unit", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("advice_requests")
            .id()
            .field("code_hash", .string, .required)
            .field("region", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("phone_cipher", .string, .required)
            .field("phone_masked", .string, .required)
            .field("message", .string, .required)
            .field("state", .string, .required)
            .field("answer", .string)
            .field("answered_by", .string)
            .field("answered_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code_hash")
            .create()
        let sql = database.sql
        try await sql.create(index: "facility_prices_facility").on("facility_prices").column("facility_id").run()
        try await sql.create(index: "advice_requests_region_state").on("advice_requests").column("region").column(
            "state"
        ).column("created_at").run()
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["advice_requests", "facility_prices", "region_locations"] {
            try await database.schema(table).delete()
        }
    }
}
