import Fluent
import SQLKit

/// 个人信息保护法: who of the staff looked at a person (the person reads it on their own
/// page), and the person's requests to correct their file.
struct CreatePersonalInformationRights: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("person_views")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("viewer_id", .uuid, .required)
            .field("viewer_name", .string, .required)
            .field("viewer_role", .string, .required)
            .field("viewer_region", .string, .required)
            .field("channel", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("correction_requests")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("region", .string, .required)
            .field("field", .string, .required)
            .field("requested", .string, .required)
            .field("reason", .string)
            .field("state", .string, .required)
            .field("answer", .string)
            .field("handled_by", .string)
            .field("handled_at", .datetime)
            .field("requested_by", .uuid, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "person_views_person").on("person_views").column("person_id").column("at").run()
        try await sql.create(index: "correction_requests_region").on("correction_requests").column("region")
            .column("state").run()
        try await sql.create(index: "correction_requests_person").on("correction_requests").column("person_id").run()
    }

    func revert(on database: Database) async throws {
        for table in ["correction_requests", "person_views"] { try await database.schema(table).delete() }
    }
}
