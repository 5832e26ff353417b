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

    /// Writes everything collected.
    mutating func flush(on db: SQLDatabase) async throws {
        _ = try await write(on: db, skippingStored: nil)
    }

    /// Writes the rows but those whose `uniqueKey` columns (a unique constraint, text
    /// values) match a row already stored, and tells which were written, in the order
    /// appended. The rows' keys must differ from one another (the callers drop repeats
    /// first). Asking first which keys are stored looked every key up twice: once for the
    /// question, once more for the insert's own uniqueness check.
    mutating func flushSkippingStored(on db: SQLDatabase, uniqueKey: [String]) async throws -> [Bool] {
        try await write(on: db, skippingStored: uniqueKey)
    }

    private mutating func write(on db: SQLDatabase, skippingStored key: [String]?) async throws -> [Bool] {
        defer { rows.removeAll(keepingCapacity: true) }
        if let bulk = db as? SQLiteBulkDatabase {
            return try await bulk.insert(into: table, columns: columns, rows: rows, conflictTarget: key)
        }
        var written = Array(repeating: key == nil, count: rows.count)
        // Where each key's row is, to mark the rows the database answers were written.
        let keyPositions = key.map { key in key.map { columns.firstIndex(of: $0)! } }
        var positions: [String: Int] = [:]
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let chunk = rows[start..<end]
            if let keyPositions {
                for i in start..<end { positions[Self.keyText(rows[i], keyPositions)] = i }
            }
            let returned: [SQLRow]
            if let sqlite = db as? any SQLiteDatabase, db.dialect.name == "sqlite" {
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk { for value in row { binds.append(value.sqlite) } }
                returned = try await sqlite.query(sqliteStatement(rows: chunk.count, skippingStored: key), binds)
            } else {
                let insert = db.insert(into: table).columns(columns)
                for row in chunk { insert.values(row.map(\.bind)) }
                if let key {
                    returned = try await insert.ignoringConflicts(with: key).returning(key.map { SQLColumn($0) }).all()
                } else {
                    try await insert.run()
                    returned = []
                }
            }
            if let key {
                for row in returned {
                    let text = try key.map { try row.decode(column: $0, as: String.self) }.joined(
                        separator: Self.keySeparator)
                    if let i = positions[text] { written[i] = true }
                }
            }
            start = end
        }
        return written
    }

    private static let keySeparator = "\u{1F}"

    private static func keyText(_ row: [BulkValue], _ positions: [Int]) -> String {
        positions.map { position -> String in
            if case .text(let text) = row[position] { return text }
            preconditionFailure("a unique key of text columns")
        }.joined(separator: keySeparator)
    }

    /// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?) …` for SQLite's positional binds; when
    /// skipping stored rows, `ON CONFLICT (key) DO NOTHING RETURNING key`.
    private func sqliteStatement(rows count: Int, skippingStored key: [String]?) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ",")
        let values =
            "INSERT INTO \"\(table)\" (\(quoted)) VALUES "
            + Array(repeating: tuple, count: count).joined(separator: ",")
        guard let key else { return values }
        let keyList = key.map { "\"\($0)\"" }.joined(separator: ",")
        return values + " ON CONFLICT (\(keyList)) DO NOTHING RETURNING \(keyList)"
    }
}
