import Fluent
import SQLKit

/// Public cemeteries (公益性安葬设施): sections of single or double plots or niches, their
/// units, and the allocations of a unit's places — to a deceased, or reserved beside a
/// buried person for the living spouse. The database keeps one standing allocation per place
/// and per person (partial unique indexes), whatever the concurrency.
struct CreateCemeteries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("cemeteries")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("cemetery_sections")
            .id()
            .field("cemetery_id", .uuid, .required, .references("cemeteries", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("fee_fen", .int64, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("cemetery_units")
            .id()
            .field("section_id", .uuid, .required, .references("cemetery_sections", "id"))
            .field("label", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "section_id", "label")
            .create()
        try await database.schema("cemetery_allocations")
            .id()
            .field("unit_id", .uuid, .required, .references("cemetery_units", "id"))
            .field("place", .int, .required)
            .field("person_index", .string, .required)
            .field("person_cipher", .string, .required)
            .field("person_masked", .string, .required)
            .field("state", .string, .required)
            .field("from_day", .string, .required)
            .field("until_day", .string, .required)
            .field("fee_fen", .int64, .required)
            .field("renewals", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("changed_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw(
            "CREATE UNIQUE INDEX cemetery_allocations_place ON cemetery_allocations (unit_id, place) WHERE state <> 'ended'"
        ).run()
        try await sql.raw(
            "CREATE UNIQUE INDEX cemetery_allocations_person ON cemetery_allocations (person_index) WHERE state <> 'ended'"
        ).run()
        try await sql.create(index: "cemetery_units_section").on("cemetery_units").column("section_id").run()
        try await sql.create(index: "cemetery_sections_cemetery").on("cemetery_sections").column("cemetery_id").run()
        // The cemetery term's default (`cemeteryTermYears`) for a database stored before it.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["cemetery_allocations", "cemetery_units", "cemetery_sections", "cemeteries"] {
            try await database.schema(table).delete()
        }
    }
}
