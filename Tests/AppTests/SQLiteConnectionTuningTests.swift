@testable import App
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The page cache and memory map every SQLite connection reads through (`SQLiteConnectionTuning`).
@Suite("SQLite connections: a city-sized page cache and memory map")
struct SQLiteConnectionTuningTests {
    @Test("the writer's and the readers' connections read through 64 MiB of cache and a 1 GiB map")
    func tuned() async throws {
        try await withTestApp(.sqlite) { app in
            for db in [app.sql, app.reads] {
                let cache = try await db.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int64.self)
                let map = try await db.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int64.self)
                #expect(cache == -SQLiteConnectionTuning.cacheKiB)
                #expect(map == SQLiteConnectionTuning.mapBytes)
            }
        }
    }
}
