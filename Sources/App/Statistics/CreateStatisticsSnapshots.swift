import Fluent

/// Frozen months of the bureau's statistics (民政统计): the month's cells as computed at the
/// freeze (JSON, canonical order), their digest, and the data version they came from — the
/// audit trail's last sequence and the month's payroll rolls with their versions.
struct CreateStatisticsSnapshots: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("statistics_snapshots")
            .id()
            .field("month", .string, .required)
            .field("cells", .string, .required)
            .field("digest", .string, .required)
            .field("audit_sequence", .int64, .required)
            .field("payroll_rolls", .string, .required)
            .field("frozen_by", .string, .required)
            .field("frozen_at", .datetime, .required)
            .unique(on: "month")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("statistics_snapshots").delete()
    }
}
