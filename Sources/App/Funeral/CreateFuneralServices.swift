import Fluent
import SQLKit

/// Funeral homes, their price lists with history (a change is a new dated row: the unique
/// key `(home, code, from)` and no UPDATE anywhere), bills and their lines, and the death
/// certificates families record for a cremation the registry does not yet know the death of.
struct CreateFuneralServices: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("funeral_homes")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("phone", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("funeral_prices")
            .id()
            .field("home_id", .uuid, .required, .references("funeral_homes", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("category", .string, .required)
            .field("price_fen", .int64, .required)
            .field("from_day", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "home_id", "code", "from_day")
            .create()
        try await database.schema("funeral_bills")
            .id()
            .field("home_id", .uuid, .required, .references("funeral_homes", "id"))
            .field("region", .string, .required)
            .field("deceased_index", .string, .required)
            .field("deceased_cipher", .string, .required)
            .field("deceased_masked", .string, .required)
            .field("person_id", .uuid)
            .field("basic_free", .bool, .required)
            .field("extras", .bool, .required)
            .field("eligibility", .string, .required)
            .field("source", .string, .required)
            .field("gross_fen", .int64, .required)
            .field("exempt_fen", .int64, .required)
            .field("payable_fen", .int64, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("funeral_bill_lines")
            .id()
            .field("bill_id", .uuid, .required, .references("funeral_bills", "id"))
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("category", .string, .required)
            .field("service_day", .string, .required)
            .field("quantity", .int, .required)
            .field("unit_fen", .int64, .required)
            .field("gross_fen", .int64, .required)
            .field("exempt_fen", .int64, .required)
            .field("payable_fen", .int64, .required)
            .unique(on: "bill_id", "position")
            .create()
        try await database.schema("death_certificates")
            .id()
            .field("id_index", .string, .required)
            .field("id_cipher", .string, .required)
            .field("id_masked", .string, .required)
            .field("number", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "id_index")
            .create()
        let sql = database.sql
        try await sql.create(index: "funeral_bills_region").on("funeral_bills").column("region").column("created_at")
            .run()
        try await sql.create(index: "funeral_bills_deceased").on("funeral_bills").column("deceased_index").run()
        try await sql.create(index: "funeral_bill_lines_bill").on("funeral_bill_lines").column("bill_id").run()
        // The funeral parameters' defaults (`funeralColdStorageFreeDays` …) for a database whose
        // parameters were stored before they existed.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["death_certificates", "funeral_bill_lines", "funeral_bills", "funeral_prices", "funeral_homes"] {
            try await database.schema(table).delete()
        }
    }
}
