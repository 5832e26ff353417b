import Fluent
import SQLKit

/// Enrollment amounts over time, monthly payment rolls and their lines, and payees' bank
/// accounts (encrypted like ID numbers).
struct CreatePayroll: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        // The month the enrollment's current status took effect, and why.
        try await database.schema("enrollments").field("status_from", .string).update()
        try await database.schema("enrollments").field("status_reason", .string).update()
        // Amounts by month: a standard change adds a row from its month and closes the last,
        // so a roll of any month pays what was in force then.
        try await database.schema("enrollment_amounts")
            .id()
            .field("enrollment_id", .uuid, .required, .references("enrollments", "id"))
            .field("from_month", .string, .required)
            .field("to_month", .string)
            .field("monthly_fen", .int64, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("payroll_rolls")
            .id()
            .field("month", .string, .required)
            .field("region", .string, .required)
            .field("state", .string, .required)
            .field("line_count", .int, .required)
            .field("total_fen", .int64, .required)
            .field("generated_by", .string, .required)
            .field("generated_at", .datetime, .required)
            .field("approved_by", .string)
            .field("approved_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "month", "region")
            .create()
        try await sql.create(table: "payroll_lines")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("roll_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "TEXT")), .notNull)
            .column(
                "enrollment_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "TEXT")), .notNull
            )
            .column("item_code", type: .text, .notNull)
            .column("household_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "TEXT")), .notNull)
            .column("payee_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "TEXT")))
            .column("region", type: .text, .notNull)
            .column("amount_fen", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("reason", type: .text)
            .column("carried_from", type: .bigint)
            .run()
        try await database.schema("bank_accounts")
            .field("person_id", .uuid, .identifier(auto: false), .references("persons", "id"))
            .field("account_cipher", .string, .required)
            .field("account_masked", .string, .required)
            .field("bank", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await sql.create(index: "enrollment_amounts_enrollment").on("enrollment_amounts").column("enrollment_id")
            .column("from_month").run()
        try await sql.create(index: "payroll_lines_roll").on("payroll_lines").column("roll_id").column("status").run()
        // The recalculation walks enrollments household by household.
        try await sql.create(index: "enrollments_household_id").on("enrollments").column("household_id").column("id")
            .run()
    }

    func revert(on database: Database) async throws {
        for table in ["bank_accounts", "payroll_lines", "payroll_rolls", "enrollment_amounts"] {
            try await database.schema(table).delete()
        }
    }
}
