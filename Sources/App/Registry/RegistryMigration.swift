import Fluent
import SQLKit

/// Households, persons and memberships (一人一档).
///
/// Personal numbers are stored only encrypted (`*_cipher`) with a masked copy for lists
/// and, for ID numbers, a keyed blind index for exact lookups.
struct CreateRegistry: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("households")
            .id()
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("import_ref", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "import_ref")
            .create()
        try await database.schema("persons")
            .id()
            .field("name", .string, .required)
            .field("id_index", .string, .required)
            .field("id_cipher", .string, .required)
            .field("id_masked", .string, .required)
            .field("sex", .string, .required)
            .field("birth_date", .string, .required)
            .field("phone_cipher", .string)
            .field("phone_masked", .string)
            .field("hukou", .string, .required)
            .field("disability_grade", .int)
            .field("disability_kind", .string)
            .field("self_care", .string, .required)
            .field("labor_capacity", .string, .required)
            .field("deceased_on", .string)
            // The region of the person's current household, kept here so that scoped
            // person searches need no join.
            .field("region", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "id_index")
            .create()
        try await database.schema("memberships")
            .id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("relation", .string, .required)
            .field("joined_at", .datetime, .required)
            .field("left_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.create(index: "households_region").on("households").column("region").run()
        try await sql.create(index: "persons_region_name").on("persons").column("region").column("name").run()
        try await sql.create(index: "persons_name").on("persons").column("name").run()
        try await sql.create(index: "memberships_household").on("memberships").column("household_id").run()
        // A person belongs to at most one household at a time; past memberships stay as history.
        try await sql.raw(
            "CREATE UNIQUE INDEX memberships_current_person ON memberships (person_id) WHERE left_at IS NULL"
        ).run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("memberships").delete()
        try await database.schema("persons").delete()
        try await database.schema("households").delete()
    }
}
