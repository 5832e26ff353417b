import Fluent
import SQLKit

/// 两项补贴, 免申即享: `disability_certificates` (each registered person's latest certificate
/// from the federation's feed: grade, kind, the day certified) and
/// `disability_subsidy_proposals` (the street's queue of nursing and living subsidies proposed by
/// the monthly run, confirmed — and then enrolled — or refused with a reason). One open
/// proposal per person and program (a partial unique index).
struct CreateDisabilitySubsidies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("disability_certificates")
            .field("person_id", .uuid, .identifier(auto: false), .references("persons", "id"))
            .field("grade", .int, .required)
            .field("kind", .string, .required)
            .field("certified_on", .string, .required)
            .field("source_record_id", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("disability_subsidy_proposals")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("region", .string, .required)
            .field("program", .string, .required)
            .field("rule", .string, .required)
            .field("grade", .int, .required)
            .field("certified_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("month", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("enrollment_id", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw(
            """
            CREATE UNIQUE INDEX disability_subsidy_proposals_open ON disability_subsidy_proposals (person_id, program)
            WHERE status = 'open'
            """
        ).run()
        try await sql.create(index: "disability_subsidy_proposals_queue").on("disability_subsidy_proposals")
            .column("status").column("region").column("created_at").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("disability_subsidy_proposals").delete()
        try await database.schema("disability_certificates").delete()
    }
}
