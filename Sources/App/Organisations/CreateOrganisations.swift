import Fluent
import SQLKit

/// The registry of social organisations (issue 17): `organisations` (the record: credit code,
/// kind, name, the legal representative — a registry person or an outsider, the ID number
/// sealed and blind-indexed — domicile and its region, scope, supervising unit, capital in fen,
/// status and since when), `organisation_status_history` (every status with its reason),
/// `organisation_reports` (one annual report per organisation and year, its review),
/// `organisation_notices` (reminders and the public notices of the lists, one per organisation,
/// kind and key), and `users.organisation_id` (an organisation's own account).
struct CreateOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("region", .string, .required)
            .field("domicile", .string, .required)
            .field("business_scope", .string, .required)
            .field("supervising_unit", .string)
            .field("registered_capital_fen", .int64, .required)
            .field("registered_on", .string, .required)
            .field("rep_person_id", .uuid, .references("persons", "id"))
            .field("rep_name", .string, .required)
            .field("rep_id_cipher", .string, .required)
            .field("rep_id_index", .string, .required)
            .field("rep_id_masked", .string, .required)
            .field("status", .string, .required)
            .field("status_since", .string, .required)
            .field("listed_for_missed_report", .bool, .required)
            .field("revocation_proposed_on", .string)
            .field("unreachable_since", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "credit_code")
            .create()
        try await database.schema("organisation_status_history")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("status", .string, .required)
            .field("since", .string, .required)
            .field("reason", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("organisation_reports")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("activities", .int, .required)
            .field("income_fen", .int64, .required)
            .field("expenditure_fen", .int64, .required)
            .field("net_assets_fen", .int64, .required)
            .field("summary", .string, .required)
            .field("submitted_on", .string, .required)
            .field("late", .bool, .required)
            .field("submitted_by", .string, .required)
            .field("outcome", .string)
            .field("review_note", .string)
            .field("reviewed_by", .string)
            .field("reviewed_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organisation_id", "year")
            .create()
        try await database.schema("organisation_notices")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("notice_key", .string, .required)
            .field("text", .string, .required)
            .field("is_public", .bool, .required)
            .field("notice_on", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organisation_id", "kind", "notice_key")
            .create()
        try await database.schema("users").field("organisation_id", .uuid).update()
        let sql = database.sql
        try await sql.create(index: "organisations_region").on("organisations").column("region").column("name").run()
        try await sql.create(index: "organisations_status").on("organisations").column("status").column("region").run()
        try await sql.create(index: "organisation_status_history_organisation").on("organisation_status_history")
            .column("organisation_id").column("since").run()
        // The dormant sweep's pass over the reports of the years it looks at (covering).
        try await sql.create(index: "organisation_reports_year").on("organisation_reports")
            .column("year").column("organisation_id").column("activities").column("income_fen")
            .column("expenditure_fen").run()
        try await sql.create(index: "organisation_notices_public").on("organisation_notices")
            .column("is_public").column("notice_on").run()
        // The annual report's window and the credit rules' defaults for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("users").deleteField("organisation_id").update()
        for table in ["organisation_notices", "organisation_reports", "organisation_status_history", "organisations"] {
            try await database.schema(table).delete()
        }
    }
}
