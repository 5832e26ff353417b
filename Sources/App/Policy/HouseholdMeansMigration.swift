import Fluent
import SQLKit

/// A household's latest declared means (`DeclaredMeans`: each member's incomes and
/// circumstances by person id, the household's assets and rigid expenses), encrypted — it
/// is personal data. Together with the registry's facts it makes the household's
/// assessment request. Written when an application is approved and by the demo seeder;
/// read by the what-if and the standard-change recalculation.
struct CreateHouseholdMeans: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("household_means")
            .field("household_id", .uuid, .identifier(auto: false), .references("households", "id"))
            .field("declared_month", .string, .required)
            .field("means_cipher", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("household_means").delete()
    }
}
