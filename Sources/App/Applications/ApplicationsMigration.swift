import Fluent
import SQLKit

/// Applications for the 32 assistance items, their steps and documents, the enrollments
/// approval creates, and the link from a resident's account to the person it is.
struct CreateApplications: AsyncMigration {
    func prepare(on database: Database) async throws {
        // The catalogue's editable part (approving level, documents) lives here, seeded from
        // MinzhengCore's standard catalogue; the item's identity stays in code.
        try await database.schema("assistance_items")
            .field("code", .string, .identifier(auto: false))
            .field("item_json", .string, .required)
            .field("version", .int, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("applications")
            .id()
            .field("item_code", .string, .required)
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("person_id", .uuid, .references("persons", "id"))
            .field("region", .string, .required)
            .field("flow", .string, .required)
            .field("approving_level", .string)
            .field("department", .string)
            .field("state", .string, .required)
            .field("returned_from", .string)
            .field("publicity_start", .string)
            .field("open_objections", .int, .required)
            .field("economy_check_eligible", .bool)
            .field("assessment_json", .string)
            .field("means_cipher", .string)
            .field("conflicts_json", .string)
            .field("monthly_fen", .int64)
            .field("decision_note", .string)
            .field("submitted_on", .string, .required)
            .field("deadline_on", .string, .required)
            .field("applicant_user_id", .uuid)
            .field("submitted_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("application_steps")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("note", .string)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("application_documents")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("requirement", .string, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.schema("enrollments")
            .id()
            .field("item_code", .string, .required)
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("person_id", .uuid, .references("persons", "id"))
            .field("region", .string, .required)
            .field("monthly_fen", .int64, .required)
            .field("start_month", .string, .required)
            .field("end_month", .string)
            .field("status", .string, .required)
            .field("application_id", .uuid, .references("applications", "id"))
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("users").field("person_id", .uuid).update()
        let sql = database.sql
        try await sql.create(index: "applications_region_state").on("applications").column("region").column("state")
            .run()
        try await sql.create(index: "applications_department_state").on("applications").column("department").column(
            "state"
        ).run()
        try await sql.create(index: "applications_household").on("applications").column("household_id").run()
        try await sql.create(index: "application_steps_application").on("application_steps").column("application_id")
            .run()
        try await sql.create(index: "application_documents_application").on("application_documents").column(
            "application_id"
        ).run()
        try await sql.create(index: "enrollments_household").on("enrollments").column("household_id").run()
        try await sql.create(index: "enrollments_region_status").on("enrollments").column("region").column("status")
            .run()
        try await sql.create(index: "users_person").on("users").column("person_id").run()
    }

    func revert(on database: Database) async throws {
        for table in ["enrollments", "application_documents", "application_steps", "applications", "assistance_items"] {
            try await database.schema(table).delete()
        }
    }
}
