import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// A bulk job's own connection to the SQLite file, seen through SQLKit so that the same
/// store code runs on it as on the pool. What makes it fast:
/// - statements are prepared once and kept (SQLiteNIO prepares every statement anew);
/// - `insert(_:)` runs a whole batch of rows through one prepared single-row INSERT in
///   one hop to the connection's thread, instead of multi-row statements of 30 000 binds
///   that SQLite had to parse, plan and journal each time;
/// - a job's transactions share one longer transaction, committed every `commitInterval`
///   (see `transaction`);
/// - the connection is tuned for large transactions (see `init`).
/// Every call runs on one serial queue, which owns the handle.
final class SQLiteBulkDatabase: AsyncSQLDatabase, @unchecked Sendable {
    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    let dialect: any SQLDialect = SQLiteDialect()
    private let connection: RawSQLiteConnection
    private let checkpointer: BackgroundCheckpointer
    private let queue = DispatchQueue(label: "minzheng.sqlite-bulk")
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()
    private let serializer: WriteSerializer
    /// How long the job keeps the file's write lock (and the process's write turn) before
    /// committing and letting other writers in.
    private let commitInterval: Duration
    /// When the open outer transaction began; nil when none is open. Only the job's one
    /// writing task touches it (`PipelinedWriter` keeps one batch in flight).
    private var outerBegan: ContinuousClock.Instant?
    /// Set when a batch failed: the job is over (see `transaction`).
    private var failed = false

    /// A batch asked for after an earlier batch of the job failed.
    struct JobEnded: Error, CustomStringConvertible {
        var description: String { "批量任务的前一批写入失败，任务已终止，请修正后重新运行" }
    }

    /// Opens `path` with settings for a bulk job:
    /// - `synchronous = NORMAL`: in WAL mode the file stays consistent; a power cut may lose
    ///   the last committed batches, which a rerun restores (the jobs are idempotent);
    /// - a page cache of `cacheMB` so the random-order indexes (blind index, names) stay in memory;
    /// - no checkpoint on the job's connection (each one copied the batch's pages into the
    ///   file and synced it before the next batch): a `BackgroundCheckpointer` folds each
    ///   commit into the file beside the job, and `close()` folds in the rest.
    init(
        path: String, cacheMB: Int, serializer: WriteSerializer, commitInterval: Duration = .seconds(2),
        walLimit: Int = 256 << 20, logger: Logger
    ) throws {
        self.logger = logger
        self.serializer = serializer
        self.commitInterval = commitInterval
        connection = try RawSQLiteConnection(path: path)
        try connection.exec(
            """
            PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = \(-cacheMB * 1024); PRAGMA wal_autocheckpoint = 0
            """)
        checkpointer = try BackgroundCheckpointer(path: path, walLimit: walLimit)
    }

    /// Commits what the job wrote, folds its WAL into the file and closes the connection.
    func close() async throws {
        try await commitOuter()
        await checkpointer.finish()
        try await onQueue { [connection] in
            defer { connection.close() }
            try connection.exec("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Closes after a failure: what the open outer transaction holds is rolled back.
    func abandon() async {
        if outerBegan != nil { await rollbackOuter() }
        await checkpointer.finish()
        try? await onQueue { [connection] in connection.close() }
    }

    /// Without an `EventLoopFuture` (see `AsyncSQLDatabase`).
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (text, binds) = try serialized(query)
        try await onQueue { [connection, decoder] in
            try connection.query(text, binds) { columns, values in
                onRow(RawSQLiteRow(columns: columns, values: values, decoder: decoder))
            }
        }
    }

    /// Writes `rows` into `table` through one prepared single-row INSERT; with a
    /// `conflictTarget`, a row whose target columns match a stored row is skipped
    /// (`ON CONFLICT … DO NOTHING`). Tells for each row whether it was written.
    @discardableResult
    func insert(
        into table: String, columns: [String], rows: [[BulkValue]], conflictTarget: [String]?
    ) async throws -> [Bool] {
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ",")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        let onConflict =
            conflictTarget.map { " ON CONFLICT (" + $0.map { "\"\($0)\"" }.joined(separator: ",") + ") DO NOTHING" }
            ?? ""
        let sql = "INSERT INTO \"\(table)\" (\(quoted)) VALUES (\(placeholders))\(onConflict)"
        return try await onQueue { [connection] in
            try connection.run(sql, rows: rows)
        }
    }

    /// Runs `body` inside the job's outer transaction. Committing each batch on its own
    /// rewrote the pages of the random-order indexes (blind index, names) at every commit: a
    /// 1 M-row import wrote some 12 GB to the WAL for a 1 GB file. The outer transaction
    /// commits every `commitInterval`, so other writers wait at most about that long; it is
    /// IMMEDIATE (the write lock taken up front, never a failed upgrade half-way) and holds
    /// the process's write turn, so that no writer of this process waits on SQLite's lock
    /// while holding the turn this job needs.
    ///
    /// A failed `body` ends the job: everything since the last commit is rolled back, the
    /// failed batch with it, and later batches are refused (`JobEnded`). Nothing is ever
    /// half-saved, and every job stops at its first failed batch anyway; the jobs are
    /// idempotent, so a rerun completes what was undone. (Each batch was a savepoint before,
    /// so that only it was undone; journalling every page a batch touched cost 5.5 s of a 35 s
    /// import, and 500 MB for a payroll roll of one large batch.)
    func transaction<T: Sendable>(_ body: @Sendable (SQLDatabase) async throws -> T) async throws -> T {
        guard !failed else { throw JobEnded() }
        if outerBegan == nil {
            await serializer.acquire()
            do { try await onQueue { [connection] in try connection.exec("BEGIN IMMEDIATE") } } catch {
                await serializer.release()
                throw error
            }
            outerBegan = .now
        }
        let result: T
        do {
            result = try await body(self)
        } catch {
            failed = true
            await rollbackOuter()
            throw error
        }
        if let began = outerBegan, ContinuousClock.now - began >= commitInterval { try await commitOuter() }
        return result
    }

    private func commitOuter() async throws {
        guard outerBegan != nil else { return }
        do {
            try await onQueue { [connection] in try connection.exec("COMMIT") }
        } catch {
            // A failed COMMIT leaves the transaction open.
            await rollbackOuter()
            throw error
        }
        outerBegan = nil
        // Before the write turn goes: a waiting checkpoint must not let another writer in first.
        await checkpointer.settle()
        await serializer.release()
    }

    /// Ends the outer transaction undone and gives the write turn back.
    private func rollbackOuter() async {
        outerBegan = nil
        try? await onQueue { [connection] in try connection.exec("ROLLBACK") }
        await serializer.release()
    }

    private func serialized(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        try RawSQLiteAccess.statement(query, on: self, encoder: encoder)
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await RawSQLiteAccess.run(on: queue, work)
    }
}

/// A result row of `SQLiteBulkDatabase` and `SQLiteReadPool`, decoded the way SQLiteKit decodes its own rows.
struct RawSQLiteRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        if let decoded = Self.direct(value, as: D.self) { return decoded }
        return try decoder.decode(D.self, from: value)
    }

    /// The common column types without the `Decoder` machinery (a bulk job decodes
    /// millions of ids and strings); nil leaves the value to SQLiteKit's decoder, which
    /// also gives the errors.
    private static func direct<D>(_ value: SQLiteData, as type: D.Type) -> D? {
        switch value {
        case .text(let text):
            if D.self == String.self || D.self == String?.self { return text as? D }
            if D.self == UUID.self || D.self == UUID?.self, let uuid = UUID(text: text) { return uuid as? D }
        case .integer(let integer):
            if D.self == Int.self || D.self == Int?.self { return integer as? D }
            if D.self == Int64.self || D.self == Int64?.self { return Int64(integer) as? D }
        case .float(let double):
            if D.self == Double.self || D.self == Double?.self { return double as? D }
        default:
            break
        }
        return nil
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let offset = columns.firstIndex(of: column) else { throw MissingColumn(column: column) }
        return values[offset]
    }
}
