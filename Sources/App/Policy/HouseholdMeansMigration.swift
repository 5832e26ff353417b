import Fluent
import SQLKit

/// A household's declared means — incomes, assets, rigid expenses and the facts the rules
/// need — as the contract's assessment request, encrypted (it is personal data). Written
/// when a household is assessed (applications, the demo seeder); read by the what-if.
struct CreateHouseholdMeans: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("household_means")
            .field("household_id", .uuid, .identifier(auto: false), .references("households", "id"))
            .field("declared_month", .string, .required)
            .field("request_cipher", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("household_means").delete()
    }
}
