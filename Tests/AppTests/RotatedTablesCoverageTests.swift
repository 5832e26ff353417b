@testable import App
import Foundation
import SQLKit
import Testing

/// A key rotation must reach every encrypted column: a new `…_cipher` column that
/// `RotatedTables.swift` does not name would stay under the retired key, unreadable after it.
@Suite("Every encrypted column is rotated")
struct RotatedTablesCoverageTests {
    @Test("each …_cipher column of the schema is named by RotatedTables.swift")
    func everyCipherColumnIsRotated() async throws {
        try await withTestApp(.sqlite) { app in
            let columns = try await app.sql.raw(
                """
                SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND p.name LIKE '%_cipher' ORDER BY t, c
                """
            ).all().map { (try $0.decode(column: "t", as: String.self), try $0.decode(column: "c", as: String.self)) }
            #expect(columns.count >= 7)
            let source = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                    "../../Sources/App/Operations/RotatedTables.swift"), encoding: .utf8)
            for (table, column) in columns {
                let named =
                    (source.contains("sealed(\"\(table)\"") || source.contains("indexed(\"\(table)\""))
                    && source.contains("column: \"\(column)\"")
                    || source.contains("FROM \(table)") && source.contains(column)
                #expect(named, "\(table).\(column) is encrypted but not rotated")
            }
        }
    }
}
