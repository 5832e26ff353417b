import Fluent

/// The city administrator's booking rules: dated entries over the shipped ones, each the
/// JSON of `BookingRules`; one per kind and date (a change of the same date replaces it).
struct CreateBookingRuleEntries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("booking_rule_entries")
            .id()
            .field("kind", .string, .required)
            .field("from_day", .string, .required)
            .field("rules", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "from_day")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("booking_rule_entries").delete()
    }
}
