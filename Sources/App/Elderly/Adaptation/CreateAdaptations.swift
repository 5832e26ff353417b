import Fluent
import SQLKit

/// Home adaptations (适老化改造): one case per household and programme year, its plan's
/// lines, from screening to payment.
struct CreateAdaptations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("adaptation_cases")
            .id()
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("region", .string, .required)
            .field("year", .int, .required)
            .field("priority", .int, .required)
            .field("cap_fen", .int64, .required)
            .field("state", .string, .required)
            .field("assessed_on", .string)
            .field("assessor", .string)
            .field("assessment", .string)
            .field("total_fen", .int64)
            .field("contractor", .string)
            .field("completed_on", .string)
            .field("completion_note", .string)
            .field("accepted_on", .string)
            .field("accepted_by", .string)
            .field("satisfaction", .int)
            .field("paid_on", .string)
            .field("closed_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "household_id", "year")
            .create()
        try await database.schema("adaptation_plan_lines")
            .field("case_id", .uuid, .required, .references("adaptation_cases", "id"))
            .field("item", .string, .required)
            .field("quantity", .int, .required)
            .field("unit_price_fen", .int64, .required)
            .unique(on: "case_id", "item")
            .create()
        try await database.sql.create(index: "adaptation_cases_region").on("adaptation_cases").column("region")
            .column("year").column("state").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("adaptation_plan_lines").delete()
        try await database.schema("adaptation_cases").delete()
    }
}
