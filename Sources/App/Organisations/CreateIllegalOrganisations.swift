import Fluent
import SQLKit

/// Illegal social organisations and improper fees (issue 17 item 4): `illegal_org_reports` (a
/// report: its source, the reporter sealed in `reporter_cipher` and shown masked, the
/// organisation as named, where and what, the state, the clerk investigating, the outcome),
/// `illegal_org_entries` (the report's timeline: received, assigned, notes with their dates,
/// closed), `trade_associations` (registry organisations marked as trade associations),
/// `trade_association_fees` (a fee item of a year and its finding) and
/// `trade_association_refunds` (refunds with their date and amount).
struct CreateIllegalOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("illegal_org_reports")
            .id()
            .field("number", .string, .required)
            .field("source", .string, .required)
            .field("reporter_user_id", .uuid)
            .field("reporter_cipher", .string, .required)
            .field("reporter_masked", .string, .required)
            .field("organisation_name", .string, .required)
            .field("region", .string, .required)
            .field("location", .string, .required)
            .field("activities", .string, .required)
            .field("evidence", .string)
            .field("state", .string, .required)
            .field("assignee_id", .uuid)
            .field("assignee_name", .string)
            .field("outcome", .string)
            .field("reported_on", .string, .required)
            .field("closed_on", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "number")
            .create()
        try await database.schema("illegal_org_entries")
            .id()
            .field("report_id", .uuid, .required, .references("illegal_org_reports", "id"))
            .field("kind", .string, .required)
            .field("on_day", .string, .required)
            .field("text", .string, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("trade_associations")
            .field("organisation_id", .uuid, .identifier(auto: false), .references("organisations", "id"))
            .field("marked_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("trade_association_fees")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("region", .string, .required)
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("basis", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("payers", .int, .required)
            .field("finding", .string)
            .field("rule", .string)
            .field("found_on", .string)
            .field("found_by", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("trade_association_refunds")
            .id()
            .field("fee_id", .uuid, .required, .references("trade_association_fees", "id"))
            .field("refunded_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("note", .string)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "illegal_org_reports_region").on("illegal_org_reports")
            .column("region").column("state").run()
        try await sql.create(index: "illegal_org_reports_reporter").on("illegal_org_reports")
            .column("reporter_user_id").run()
        try await sql.create(index: "illegal_org_entries_report").on("illegal_org_entries").column("report_id").run()
        try await sql.create(index: "trade_association_fees_region").on("trade_association_fees")
            .column("region").column("year").run()
        try await sql.create(index: "trade_association_fees_organisation").on("trade_association_fees")
            .column("organisation_id").column("year").run()
        try await sql.create(index: "trade_association_refunds_fee").on("trade_association_refunds")
            .column("fee_id").run()
    }

    func revert(on database: Database) async throws {
        for table in [
            "trade_association_refunds", "trade_association_fees", "trade_associations", "illegal_org_entries",
            "illegal_org_reports",
        ] {
            try await database.schema(table).delete()
        }
    }
}
