import Fluent
import SQLKit

struct CreateRealEstateHoldings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("real_estate_holdings")
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("properties", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "person_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("real_estate_holdings").delete()
    }
}
