@testable import App
import Foundation
import SQLKit
import Testing
import Vapor

/// The SQLite bulk connection: a job's writes kept only once committed, a failed batch
/// ending the job, other writers served in between, rows decoded as SQLiteKit does.
@Suite("bulk jobs' own SQLite connection")
struct SQLiteBulkDatabaseTests {
    struct Boom: Error {}

    static func names(_ app: Application) async throws -> [String] {
        try await app.sql.raw("SELECT name FROM bulk_probe ORDER BY name").all().map {
            try $0.decode(column: "name", as: String.self)
        }
    }

    static func withProbeTable(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp(.sqlite) { app in
            try await app.sql.raw("CREATE TABLE bulk_probe (name TEXT NOT NULL UNIQUE, n INTEGER, x REAL, id TEXT)")
                .run()
            try await body(app)
        }
    }

    static func insert(_ name: String, on db: SQLDatabase) async throws {
        try await db.raw("INSERT INTO bulk_probe (name) VALUES (\(bind: name))").run()
    }

    @Test("a failed batch undoes the job's writes since its last commit and ends the job", arguments: [true, false])
    func failedBatch(committedBefore: Bool) async throws {
        try await Self.withProbeTable { app in
            // Either every batch commits, or (however slow the machine) none falls due.
            try await app.bulkJobs.run(commitInterval: committedBefore ? .zero : .seconds(3600)) { bulk in
                try await bulk.transaction { try await Self.insert("a", on: $0) }
                await #expect(throws: Boom.self) {
                    try await bulk.transaction { db in
                        try await Self.insert("b", on: db)
                        throw Boom()
                    }
                }
                await #expect(throws: SQLiteBulkDatabase.JobEnded.self) {
                    try await bulk.transaction { try await Self.insert("c", on: $0) }
                }
            }
            let kept = try await Self.names(app)
            #expect(kept == (committedBefore ? ["a"] : []))
            // The connection's lock and the process's write turn are released.
            try await app.auditedTransaction(actor: .system("test")) { db, _ in try await Self.insert("d", on: db) }
            #expect(try await Self.names(app) == kept + ["d"])
        }
    }

    @Test("a job commits every interval: what it wrote before is kept when it later fails")
    func periodicCommit() async throws {
        try await Self.withProbeTable { app in
            await #expect(throws: Boom.self) {
                try await app.bulkJobs.run(commitInterval: .zero) { bulk in
                    try await bulk.transaction { try await Self.insert("a", on: $0) }
                    throw Boom()
                }
            }
            let kept = try await Self.names(app)
            #expect(kept == ["a"])
        }
    }

    @Test("a job that fails keeps nothing it wrote since its last commit")
    func failedJob() async throws {
        try await Self.withProbeTable { app in
            // No commit falls due during the job, however slow the machine running the tests.
            await #expect(throws: Boom.self) {
                try await app.bulkJobs.run(commitInterval: .seconds(3600)) { bulk in
                    try await bulk.transaction { try await Self.insert("a", on: $0) }
                    throw Boom()
                }
            }
            #expect(try await Self.names(app) == [])
            // The connection's lock and the process's write turn are released.
            try await app.auditedTransaction(actor: .system("test")) { db, _ in try await Self.insert("b", on: db) }
            #expect(try await Self.names(app) == ["b"])
        }
    }

    @Test("committed batches reach the database file while the job still runs; none is left in the WAL after it")
    func checkpointsBesideTheJob() async throws {
        try await Self.withProbeTable { app in
            guard case .sqlite(let path) = app.platform.config.database else { Issue.record("not SQLite"); return }
            @Sendable func size(_ file: String) -> Int {
                ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
            }
            let before = size(path)
            try await app.bulkJobs.run(commitInterval: .zero) { bulk in
                // About 2 MB of rows in one committed batch.
                try await bulk.transaction { db in
                    let rows = (0..<2_000).map { [BulkValue("row \($0) " + String(repeating: "x", count: 1_000))] }
                    _ = try await (db as! SQLiteBulkDatabase).insert(
                        into: "bulk_probe", columns: ["name"], rows: rows, conflictTarget: nil)
                }
                let deadline = ContinuousClock.now + .seconds(20)
                while size(path) < before + 2_000_000, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(
                    size(path) >= before + 2_000_000,
                    "the file grew by \(size(path) - before) bytes before the job ended")
            }
            #expect(size(path + "-wal") == 0)
            #expect(try await Self.names(app).count == 2_000)
        }
    }

    @Test("a job's WAL stays about its limit however much it writes: each commit past it waits for the checkpoint")
    func walStaysBounded() async throws {
        try await Self.withProbeTable { app in
            guard case .sqlite(let path) = app.platform.config.database else { Issue.record("not SQLite"); return }
            let limit = 1 << 20
            // The WAL after each commit: 20 commits of about 1 MB of rows each (some 6 MB of WAL
            // frames each, with the unique index's pages); a job always ahead of its checkpoint
            // held them all (119 MB here).
            let sizes = try await app.bulkJobs.run(commitInterval: .zero, walLimit: limit) { bulk in
                var sizes: [Int] = []
                for batch in 0..<20 {
                    try await bulk.transaction { db in
                        let rows = (0..<1_000).map {
                            [BulkValue("\(batch) row \($0) " + String(repeating: "x", count: 1_000))]
                        }
                        _ = try await (db as! SQLiteBulkDatabase).insert(
                            into: "bulk_probe", columns: ["name"], rows: rows, conflictTarget: nil)
                    }
                    sizes.append(
                        (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0)
                }
                return sizes
            }
            // Past the limit the next commit starts the WAL over: never much more than the limit and a commit.
            let largest = sizes.max() ?? 0
            #expect(largest < limit + 2 * sizes[0], "the WAL reached \(largest) bytes, one commit \(sizes[0])")
            #expect(try await Self.names(app).count == 20_000)
        }
    }

    @Test("a constraint broken by a batch names the problem")
    func constraint() async throws {
        try await Self.withProbeTable { app in
            try await app.bulkJobs.run(commitInterval: .zero) { bulk in
                try await bulk.transaction { try await Self.insert("a", on: $0) }
                let error = await #expect(throws: RawSQLiteConnection.Failure.self) {
                    try await bulk.transaction { try await Self.insert("a", on: $0) }
                }
                #expect(error?.description.contains("UNIQUE constraint failed: bulk_probe.name") == true)
            }
            #expect(try await Self.names(app) == ["a"])
        }
    }

    @Test("an audited write of a request during a bulk job waits its turn; both are saved and the trail stays whole")
    func otherWriters() async throws {
        try await Self.withProbeTable { app in
            async let job: Void = app.bulkJobs.run { bulk in
                for i in 0..<20 {
                    try await app.writer(actor: .system("job")).transaction(on: bulk) { db, audit in
                        try await Self.insert("job-\(i)", on: db)
                        try await audit.record("probe", entity: "probe", id: nil, region: "3204")
                    }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            try await app.auditedTransaction(actor: .system("request")) { db, audit in
                try await Self.insert("request", on: db)
                try await audit.record("probe", entity: "probe", id: nil, region: "3204")
            }
            try await job
            #expect(try await Self.names(app).count == 21)
            #expect(try await AuditStore(db: app.sql).verify() == .intact(count: 21))
        }
    }

    @Test("a bulk job stores each kind of value exactly as the pool's inserts do")
    func bindsMatchPool() async throws {
        try await Self.withProbeTable { app in
            let id = UUID.random(), date = Date(timeIntervalSince1970: 1_790_000_000.25)
            @Sendable func rows(_ suffix: String) -> [[BulkValue]] {
                [
                    [.text("text" + suffix), .integer(42), .date(date), .uuid(id)],
                    [.text("flag" + suffix), .bool(true), .null, BulkValue(nil as String?)],
                ]
            }
            var pool = BulkInsert(table: "bulk_probe", columns: ["name", "n", "x", "id"])
            for row in rows("-pool") { pool.append(row) }
            try await pool.flush(on: app.sql)
            try await app.bulkJobs.run { bulk in
                try await bulk.transaction { db in
                    var insert = BulkInsert(table: "bulk_probe", columns: ["name", "n", "x", "id"])
                    for row in rows("-bulk") { insert.append(row) }
                    try await insert.flush(on: db)
                }
            }
            let stored = try await app.sql.raw(
                """
                SELECT name, typeof(n) || ':' || quote(n) || '|' || typeof(x) || ':' || quote(x) || '|' || typeof(id) || ':' || quote(id) AS v
                FROM bulk_probe ORDER BY name
                """
            ).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "v", as: String.self))
            }
            #expect(stored.map(\.0) == ["flag-bulk", "flag-pool", "text-bulk", "text-pool"])
            #expect(stored[0].1 == stored[1].1)
            #expect(stored[2].1 == stored[3].1)
            #expect(stored[2].1 == "integer:42|real:1790000000.25|text:'\(id.uuidString)'")
        }
    }

    @Test("rows decode as SQLiteKit decodes them: text, numbers, ids, dates and nulls")
    func decoding() async throws {
        try await Self.withProbeTable { app in
            let id = UUID()
            try await app.sql.raw(
                "INSERT INTO bulk_probe (name, n, x, id) VALUES ('p', 42, 1.5, \(bind: id)), ('q', NULL, NULL, NULL)"
            ).run()
            struct Row: Equatable, Sendable {
                let name: String; let n: Int?; let n64: Int64?; let x: Double?; let id: UUID?; let date: Date?
            }
            @Sendable func read(_ db: SQLDatabase) async throws -> [Row] {
                try await db.raw("SELECT name, n, x, id FROM bulk_probe ORDER BY name").all().map {
                    Row(
                        name: try $0.decode(column: "name", as: String.self),
                        n: try $0.decode(column: "n", as: Int?.self),
                        n64: try $0.decode(column: "n", as: Int64?.self),
                        x: try $0.decode(column: "x", as: Double?.self),
                        id: try $0.decode(column: "id", as: UUID?.self),
                        date: try $0.decode(column: "x", as: Date?.self))
                }
            }
            let expected = try await read(app.sql)
            #expect(expected.first?.id == id)
            let bulkRows = try await app.bulkJobs.run { bulk in try await read(bulk.sql) }
            #expect(bulkRows == expected)
        }
    }
}
