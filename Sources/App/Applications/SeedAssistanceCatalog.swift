import Fluent
import MinzhengCore
import SQLKit

/// Seeds the catalogue after the tables exist.
struct SeedAssistanceCatalog: AsyncMigration {
    func prepare(on database: any FluentKit.Database) async throws {
        try await CatalogStore.seed(on: database.sql)
    }

    func revert(on database: any FluentKit.Database) async throws {
        try await database.sql.delete(from: "assistance_items").run()
    }
}
