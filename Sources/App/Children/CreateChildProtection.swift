import Fluent
import SQLKit

/// Children known by category (`child_categories`: one row per category and period, so a
/// change ends one row and starts another and the history stays; an outsider guardian's ID
/// and phone numbers sealed in `guardian_cipher`, masked beside it), the child director's
/// visit details on `visit_tasks` (needs and referral), and the care homes for children
/// (关爱之家) with their activities and the children attending.
struct CreateChildProtection: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("child_categories")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("region", .string, .required)
            .field("category", .string, .required)
            .field("reason", .string)
            .field("guardian_person_id", .uuid)
            .field("guardian_name", .string, .required)
            .field("guardian_relation", .string, .required)
            .field("guardian_cipher", .string)
            .field("guardian_id_masked", .string)
            .field("guardian_phone_masked", .string)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("end_reason", .string)
            .field("director_id", .uuid, .required, .references("users", "id"))
            .field("supervisor_id", .uuid, .required, .references("users", "id"))
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("child_care_homes")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("opened_on", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("child_care_home_activities")
            .id()
            .field("home_id", .uuid, .required, .references("child_care_homes", "id"))
            .field("held_on", .string, .required)
            .field("title", .string, .required)
            .field("participants", .int, .required)
            .field("note", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("child_care_home_children")
            .id()
            .field("home_id", .uuid, .required, .references("child_care_homes", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("joined_on", .string, .required)
            .field("left_on", .string)
            .create()
        let sql = database.sql
        // One open record per child and category.
        try await sql.raw(
            "CREATE UNIQUE INDEX child_categories_open ON child_categories (person_id, category) WHERE end_reason IS NULL"
        ).run()
        try await sql.create(index: "child_categories_region").on("child_categories").column("region").run()
        try await sql.raw(
            "CREATE UNIQUE INDEX child_care_home_children_open ON child_care_home_children (home_id, person_id) WHERE left_on IS NULL"
        ).run()
        try await sql.create(index: "child_care_homes_region").on("child_care_homes").column("region").run()
        try await sql.raw("ALTER TABLE visit_tasks ADD COLUMN needs TEXT").run()
        try await sql.raw("ALTER TABLE visit_tasks ADD COLUMN referral TEXT").run()
        // The visit frequencies, the left-behind age and the ageing notice (ChildParameters).
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["child_care_home_children", "child_care_home_activities", "child_care_homes", "child_categories"]
        {
            try await database.schema(table).delete()
        }
    }
}
