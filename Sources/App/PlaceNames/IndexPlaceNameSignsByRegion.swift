import Fluent
import SQLKit

/// The county's sign list (`PlaceNameSignStore.list`) reads a region range and a condition;
/// door plates make signs many, so the list reads this index instead of every sign of the city.
struct IndexPlaceNameSignsByRegion: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.create(index: "place_name_signs_region").on("place_name_signs")
            .column("region").column("condition").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "place_name_signs_region").run()
    }
}
