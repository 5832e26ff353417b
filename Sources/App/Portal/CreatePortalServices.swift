import Fluent
import SQLKit

/// 民政通's services (SERVICES.md), one row per service holding its guide as JSON, seeded from
/// the shipped `portal-services.json` so that a city edits its guides without a release.
struct CreatePortalServices: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("portal_services")
            .field("id", .int, .identifier(auto: false))
            .field("category", .string, .required)
            .field("guide_json", .string, .required)
            .field("version", .int, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await PortalStore.seed(on: database.sql)
    }

    func revert(on database: Database) async throws {
        try await database.schema("portal_services").delete()
    }
}
