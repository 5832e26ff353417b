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
            rows.append(
                PolicyStore.values(row, revision: 1, note: "常州默认参数（POLICY.md 第 1 节）", createdBy: "system", at: now))
        }
        try await rows.flush(on: database.sql)
    }

    func revert(on database: Database) async throws {
        try await database.schema("policy_parameters").delete()
    }
}

/// Adds the shipped default of every parameter key a database does not have yet — keys
/// added by later versions (the early-warning thresholds) — without touching any stored value.
struct SeedMissingPolicyDefaults: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        let present = Set(
            try await sql.select().distinct().column("key").from("policy_parameters").all()
                .map { try $0.decode(column: "key", as: String.self) })
        var rows = BulkInsert(table: "policy_parameters", columns: PolicyStore.columns)
        let now = Date()
        for row in try PolicyDefaults.load().rows where !present.contains(row.key.rawValue) {
            rows.append(PolicyStore.values(row, revision: 1, note: "新增参数的默认值", createdBy: "system", at: now))
        }
        try await rows.flush(on: sql)
    }

    func revert(on database: Database) async throws {}
}
