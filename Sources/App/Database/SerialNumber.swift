import SQLKit

/// A numbered series of records (`WB2026-000001`, `SY320402-2026-000001`): the highest number of
/// the prefix on record plus one, six digits. Read inside the transaction that inserts it; the
/// column's unique index refuses a number taken by a concurrent one.
enum SerialNumber {
    static func next(prefix: String, in table: String, db: SQLDatabase) async throws -> String {
        let last = try await db.raw(
            "SELECT MAX(number) AS n FROM \(ident: table) WHERE number LIKE \(bind: prefix + "%")"
        ).first()?.decode(column: "n", as: String?.self)
        let serial = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + String(format: "%06d", serial)
    }
}
