import Fluent
import Foundation
import MinzhengCore
import SQLKit

/// Dated, per-region policy parameters, seeded with the Changzhou defaults shipped in
/// MinzhengCore. Rows are only ever added: a change is a new row from a month, and a
/// correction of the same region, key and month a higher `revision`, so history stays.
struct CreatePolicyParameters: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("policy_parameters")
            .id()
            .field("region", .string, .required)
            .field("key", .string, .required)
            .field("from_month", .string, .required)
            .field("revision", .int, .required)
            .field("value", .int64, .required)
            .field("note", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "region", "key", "from_month", "revision")
            .create()
        let defaults = try PolicyDefaults.load()
        var rows = BulkInsert(table: "policy_parameters", columns: PolicyStore.columns)
        let now = Date()
        for row in defaults.rows {
            rows.append(PolicyStore.values(row, revision: 1, note: "常州默认参数（POLICY.md 第 1 节）", createdBy: "system", at: now))
        }
        try await rows.flush(on: database as! SQLDatabase)
    }

    func revert(on database: Database) async throws {
        try await database.schema("policy_parameters").delete()
    }
}
