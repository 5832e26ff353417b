import Fluent
import SQLKit

/// 未成年人救助保护: `child_cases` (a report taken by the hotline or from a mandated reporter,
/// its triage, assignment, closure; what was reported, who reported, the child if not on file
/// and the plan sealed in `case_cipher`), `child_case_entries` (contact, visits, notes, the
/// plan's versions; sealed text) and `child_case_referrals` (to police, education, health and
/// the court, with the answer due and the answer; sealed). The lists read by worker, by
/// supervisor and by region.
struct CreateChildCases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("child_cases")
            .id()
            .field("number", .string, .required)
            .field("channel", .string, .required)
            .field("reporter_kind", .string, .required)
            .field("concerns", .string, .required)
            .field("urgency", .string, .required)
            .field("status", .string, .required)
            .field("case_cipher", .string, .required)
            .field("child_person_id", .uuid, .references("persons", "id"))
            .field("child_masked", .string, .required)
            .field("region", .string, .required)
            .field("reported_at", .datetime, .required)
            .field("response_due_at", .datetime, .required)
            .field("responded_at", .datetime)
            .field("last_contact_on", .string)
            .field("plan_interval_days", .int)
            .field("intake_user_id", .uuid, .required)
            .field("intake_name", .string, .required)
            .field("worker_id", .uuid)
            .field("worker_name", .string)
            .field("supervisor_id", .uuid)
            .field("supervisor_name", .string)
            .field("assigned_at", .datetime)
            .field("closure_reason", .string)
            .field("closure_note", .string)
            .field("closed_at", .datetime)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "number")
            .create()
        try await database.schema("child_case_entries")
            .id()
            .field("case_id", .uuid, .required, .references("child_cases", "id"))
            .field("kind", .string, .required)
            .field("text_cipher", .string, .required)
            .field("contact_on", .string, .required)
            .field("by_user_id", .uuid, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("child_case_referrals")
            .id()
            .field("case_id", .uuid, .required, .references("child_cases", "id"))
            .field("partner", .string, .required)
            .field("text_cipher", .string, .required)
            .field("sent_on", .string, .required)
            .field("answer_due_on", .string, .required)
            .field("answered_on", .string)
            .field("chased_at", .datetime)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        for (name, column) in [("child_cases_worker", "worker_id"), ("child_cases_supervisor", "supervisor_id")] {
            try await sql.create(index: name).on("child_cases").column(column).column("reported_at").run()
        }
        try await sql.create(index: "child_cases_region").on("child_cases").column("region").column("reported_at")
            .run()
        try await sql.create(index: "child_case_entries_case").on("child_case_entries").column("case_id")
            .column("created_at").run()
        try await sql.create(index: "child_case_referrals_case").on("child_case_referrals").column("case_id").run()
        // The hotline's response times for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("child_case_referrals").delete()
        try await database.schema("child_case_entries").delete()
        try await database.schema("child_cases").delete()
    }
}
