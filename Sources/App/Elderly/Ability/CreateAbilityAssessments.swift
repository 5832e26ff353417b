import Fluent
import SQLKit

/// `ability_assessments`: the ability assessments (GB/T 42195-2022) recorded for registry
/// persons — who assessed, when and why, the answers (encrypted: they hold diagnoses), the
/// computed result and when the next one is due.
struct CreateAbilityAssessments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("ability_assessments")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("region", .string, .required)
            .field("assessed_on", .string, .required)
            .field("reason", .string, .required)
            .field("assessor1", .string, .required)
            .field("assessor2", .string, .required)
            .field("answers_cipher", .string, .required)
            .field("self_care_score", .int, .required)
            .field("basic_motor_score", .int, .required)
            .field("mental_state_score", .int, .required)
            .field("perception_social_score", .int, .required)
            .field("total", .int, .required)
            .field("preliminary_level", .int, .required)
            .field("final_level", .int, .required)
            .field("changes", .string, .required)
            .field("next_due_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        // A person's assessments, newest first; the due list reads the latest of each.
        try await database.sql.create(index: "ability_assessments_person").on("ability_assessments")
            .column("person_id").column("assessed_on").run()
        try await database.sql.create(index: "ability_assessments_due").on("ability_assessments")
            .column("next_due_on").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("ability_assessments").delete()
    }
}
