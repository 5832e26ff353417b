import SQLiteNIO
import SQLKit

/// Collects rows for one table and writes them as multi-row INSERTs, keeping each
/// statement under the bind-parameter limits of SQLite (32 766) and PostgreSQL (65 535).
struct BulkInsert: Sendable {
    let table: String
    let columns: [String]
    private var rows: [[BulkValue]] = []
    private let rowsPerStatement: Int

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        rowsPerStatement = max(1, 30_000 / columns.count)
    }

    var pendingCount: Int { rows.count }

    mutating func append(_ values: [BulkValue]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }

    mutating func clear() { rows.removeAll(keepingCapacity: true) }

    /// Writes everything collected, `onConflictDoNothing` leaving existing rows as they are.
    mutating func flush(on db: SQLDatabase, onConflictDoNothing: Bool = false) async throws {
        if let bulk = db as? SQLiteBulkDatabase {
            try await bulk.insert(into: table, columns: columns, rows: rows, orIgnore: onConflictDoNothing)
            rows.removeAll(keepingCapacity: true)
            return
        }
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let chunk = rows[start..<end]
            if let sqlite = db as? any SQLiteDatabase, db.dialect.name == "sqlite" {
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk { for value in row { binds.append(value.sqlite) } }
                _ = try await sqlite.query(sqliteStatement(rows: chunk.count, ignoringConflicts: onConflictDoNothing), binds)
            } else {
                let insert = db.insert(into: table).columns(columns)
                for row in chunk { insert.values(row.map(\.bind)) }
                if onConflictDoNothing { insert.ignoringConflicts() }
                try await insert.run()
            }
            start = end
        }
        rows.removeAll(keepingCapacity: true)
    }

    /// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?) …` for SQLite's positional binds.
    private func sqliteStatement(rows count: Int, ignoringConflicts: Bool) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ",")
        return "INSERT\(ignoringConflicts ? " OR IGNORE" : "") INTO \"\(table)\" (\(quoted)) VALUES "
            + Array(repeating: tuple, count: count).joined(separator: ",")
    }
}
