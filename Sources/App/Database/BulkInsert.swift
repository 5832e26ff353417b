import SQLKit

/// Collects rows for one table and writes them as multi-row INSERTs, keeping each
/// statement under the bind-parameter limits of SQLite (32 766) and PostgreSQL (65 535).
struct BulkInsert: Sendable {
    let table: String
    let columns: [String]
    private var rows: [[any SQLExpression & Sendable]] = []
    private let rowsPerStatement: Int

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        rowsPerStatement = max(1, 30_000 / columns.count)
    }

    var pendingCount: Int { rows.count }

    mutating func append(_ values: [any SQLExpression & Sendable]) { rows.append(values) }

    mutating func clear() { rows.removeAll(keepingCapacity: true) }

    /// Writes everything collected, `onConflictDoNothing` leaving existing rows as they are.
    mutating func flush(on db: SQLDatabase, onConflictDoNothing: Bool = false) async throws {
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let insert = db.insert(into: table).columns(columns).rows(Array(rows[start..<end]))
            if onConflictDoNothing { insert.ignoringConflicts() }
            try await insert.run()
            start = end
        }
        rows.removeAll(keepingCapacity: true)
    }
}

extension SQLInsertBuilder {
    @discardableResult
    func rows(_ rows: [[any SQLExpression]]) -> Self {
        for row in rows { self.values(row) }
        return self
    }
}
