import Fluent
import SQLKit

/// The household list's default order (region, address, id) as an index, so that a page is
/// read in order instead of sorting every household of the scope: on PostgreSQL with 4 M
/// households the first page sorted them all (`Benchmarks/scale-postgres.sh`).
struct IndexHouseholdsForListing: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.create(index: "households_region_address").on("households")
            .column("region").column("address").column("id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "households_region_address").run()
    }
}
