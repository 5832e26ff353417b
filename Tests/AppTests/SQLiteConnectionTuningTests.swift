@testable import App
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The page cache every SQLite connection reads through (`SQLiteConnectionTuning`).
@Suite("SQLite connections: a city-sized page cache")
struct SQLiteConnectionTuningTests {
    @Test("the writer's and the readers' connections read through the configured cache (64 MiB unless set)")
    func tuned() async throws {
        #expect(try AppConfig.fromEnvironment([:]).sqliteCacheMiB == 64)
        try await withTestApp(.sqlite) { app in
            for db in [app.sql, app.reads] {
                let cache = try await db.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int64.self)
                let map = try await db.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int64.self)
                #expect(cache == Int64(-app.platform.config.sqliteCacheMiB * 1024))
                #expect(map == Int64(app.platform.config.sqliteMapMiB << 20))
            }
        }
    }
}
