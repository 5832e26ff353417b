import Fluent
import SQLKit

/// 收养登记: `adoption_records`, one row per registration — an adoption (the child, the
/// adopters, the placing party, the assessment, the certificate, the household the child
/// joined and the one it left) or the dissolution of one (`adoption_id`). The placing party's
/// name, the assessment's findings and the notes are sealed in `details_cipher`. One adoption
/// in force per child (a partial unique index).
struct CreateAdoptions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("adoption_records")
            .id()
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("status", .string, .required)
            .field("child_person_id", .uuid, .required, .references("persons", "id"))
            .field("adopter_ids", .string, .required)
            .field("placing_party", .string, .required)
            .field("details_cipher", .string, .required)
            .field("region", .string, .required)
            .field("household_id", .uuid, .references("households", "id"))
            .field("previous_household_id", .uuid, .references("households", "id"))
            .field("adoption_id", .uuid, .references("adoption_records", "id"))
            .field("registered_on", .string, .required)
            .field("registered_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "number")
            .create()
        let sql = database.sql
        try await sql.raw(
            """
            CREATE UNIQUE INDEX adoption_records_in_force ON adoption_records (child_person_id)
            WHERE kind = 'adoption' AND status = 'inForce'
            """
        ).run()
        try await sql.create(index: "adoption_records_region").on("adoption_records").column("region")
            .column("registered_on").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("adoption_records").delete()
    }
}
