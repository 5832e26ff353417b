import Fluent
import SQLKit

/// `family_search_block_versions`: a number per blocking key of the reports, raised in the
/// transaction that files a report under the key or closes one filed under it. The matcher keeps
/// the reports of a key in memory (`FamilySearchBlockCache`) with the number it read them at, and
/// reads them again when the number has moved. A key without a row has number 0.
struct CreateFamilySearchBlockVersions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("family_search_block_versions")
            .field("key", .string, .required)
            .field("version", .int64, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("family_search_block_versions").delete()
    }
}
