import Fluent
import SQLKit

/// `region_counts`' numbers in an index beside its key, so that adding up a scope's counts (a
/// list's count, the running sum that finds a numbered page's first region) reads that index
/// alone. Every household or person written updates a count row; on PostgreSQL, after a city's
/// seed, the live versions of the 1 071 community rows lay a heap page apart, and the key's
/// index scan read 1 072 pages to add up 1 071 numbers (0.29 ms of page 5 000's 1.04 ms); the
/// index-only scan reads a few. The price: an update of `n` is no longer a heap-only one, so
/// it writes both indexes.
struct CoverRegionCounts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.create(index: "region_counts_sums").on("region_counts")
            .column("list").column("region").column("n").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "region_counts_sums").run()
    }
}
