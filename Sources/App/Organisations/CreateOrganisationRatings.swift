import Fluent
import SQLKit

/// The rating of social organisations (等级评估, issue 17 item 3): `rating_reviewers` (the pool:
/// a staff account or an outside expert recorded by name), `rating_declarations` (a reviewer's
/// declared relationship with an organisation, when it ended), `organisation_penalties`
/// (administrative penalties on record), `rating_applications` (one per round: scoring, publicity,
/// decided, the total in tenths of a point, the grade and its expiry), `rating_assignments` (a
/// reviewer on an application and the sheet they scored), and the current grade on `organisations`.
struct CreateOrganisationRatings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("rating_reviewers")
            .id()
            .field("user_id", .uuid)
            .field("name", .string, .required)
            .field("affiliation", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("rating_declarations")
            .id()
            .field("reviewer_id", .uuid, .required, .references("rating_reviewers", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("relation", .string, .required)
            .field("ended_on", .string)
            .field("note", .string)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("organisation_penalties")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("decided_on", .string, .required)
            .field("reason", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("rating_applications")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("region", .string, .required)
            .field("status", .string, .required)
            .field("applied_on", .string, .required)
            .field("applied_by", .string, .required)
            .field("total_tenths", .int)
            .field("grade", .int)
            .field("publicity_from", .string)
            .field("publicity_until", .string)
            .field("decided_on", .string)
            .field("expires_on", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("rating_assignments")
            .id()
            .field("application_id", .uuid, .required, .references("rating_applications", "id"))
            .field("reviewer_id", .uuid, .required, .references("rating_reviewers", "id"))
            .field("assigned_by", .string, .required)
            .field("basic", .int)
            .field("governance", .int)
            .field("performance", .int)
            .field("social", .int)
            .field("total", .int)
            .field("scored_on", .string)
            .field("scored_by", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "application_id", "reviewer_id")
            .create()
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("organisations").field("rating_grade", .int).update()
        try await database.schema("organisations").field("rated_on", .string).update()
        try await database.schema("organisations").field("rating_expires_on", .string).update()
        let sql = database.sql
        try await sql.create(index: "rating_applications_region").on("rating_applications")
            .column("region").column("status").run()
        try await sql.create(index: "rating_applications_organisation").on("rating_applications")
            .column("organisation_id").run()
        try await sql.create(index: "rating_declarations_reviewer").on("rating_declarations")
            .column("reviewer_id").column("organisation_id").run()
        try await sql.create(index: "organisation_penalties_organisation").on("organisation_penalties")
            .column("organisation_id").run()
        try await sql.create(index: "organisations_rating").on("organisations").column("rating_grade").run()
        // The rating's sheet, grades and windows for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for column in ["rating_expires_on", "rated_on", "rating_grade"] {
            try await database.schema("organisations").deleteField(.string(column)).update()
        }
        for table in [
            "rating_assignments", "rating_applications", "organisation_penalties", "rating_declarations",
            "rating_reviewers",
        ] {
            try await database.schema(table).delete()
        }
    }
}
