import Fluent
import SQLKit

/// `enrollment_reviews`: the street's queue of household-level enrollments that followed a
/// change of the household's members (a death, a member moving out, a newborn), each with
/// the reassessment and its trace, to confirm or correct.
struct CreateEnrollmentReviews: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("enrollment_reviews")
            .id()
            .field("enrollment_id", .uuid, .required, .references("enrollments", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("region", .string, .required)
            .field("change_kind", .string, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("effective_month", .string, .required)
            .field("outcome", .string, .required)
            .field("old_fen", .int64, .required)
            .field("new_fen", .int64)
            .field("explanation", .string, .required)
            .field("trace_json", .string)
            .field("proposed_head_id", .uuid, .references("persons", "id"))
            .field("status", .string, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("corrected_fen", .int64)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        // The queue: a region's open reviews, oldest first.
        try await database.sql.create(index: "enrollment_reviews_queue").on("enrollment_reviews")
            .column("status").column("region").column("created_at").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("enrollment_reviews").delete()
    }
}
