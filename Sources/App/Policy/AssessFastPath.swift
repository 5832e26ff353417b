import Foundation
import MinzhengCore
import SQLiteNIO

/// `minzheng assess` on an SQLite file that is already migrated reads the stored parameters
/// with one query on a bare connection, without building the web application: starting
/// Vapor (event loops, views, sessions, the migration check) took three times longer than
/// the whole assessment. Anything else — PostgreSQL, a missing or unmigrated file — goes
/// the ordinary way.
enum AssessFastPath {
    /// The stored parameter history, or nil when the fast path does not apply.
    static func history(config: AppConfig) async -> PolicyParameterHistory? {
        guard case .sqlite(let path) = config.database, FileManager.default.fileExists(atPath: path),
            let connection = try? await SQLiteConnection.open(storage: .file(path: path))
        else { return nil }
        defer { Task { try? await connection.close() } }
        guard
            let rows = try? await connection.query(
                """
                SELECT region, key, from_month, value FROM policy_parameters ORDER BY key, region, from_month, revision
                """)
        else { return nil }
        var parsed: [PolicyParameterRow] = []
        for row in rows {
            guard let region = row.column("region")?.string, let key = row.column("key")?.string,
                let month = row.column("from_month")?.string.flatMap(YearMonth.init),
                let value = row.column("value")?.integer,
                let parameter = try? PolicyParameterRow(
                    regionCode: region, keyName: key, fromMonth: month, value: Int64(value))
            else { return nil }
            parsed.append(parameter)
        }
        return parsed.isEmpty ? nil : PolicyParameterHistory(rows: parsed)
    }
}
