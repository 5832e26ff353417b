import Foundation
import MinzhengCore
import SQLKit

/// The stored policy parameters: reading the whole dated history, and adding versions.
struct PolicyStore {
    let db: SQLDatabase

    static let columns = ["id", "region", "key", "from_month", "revision", "value", "note", "created_by", "created_at"]

    static func values(
        _ row: PolicyParameterRow, revision: Int, note: String?, createdBy: String, at: Date
    ) -> [BulkValue] {
        [
            BulkValue(UUID()), BulkValue(row.regionCode), BulkValue(row.key.rawValue),
            BulkValue(row.fromMonth.description), BulkValue(revision),
            BulkValue(row.value), BulkValue(note), BulkValue(createdBy), BulkValue(at),
        ]
    }

    /// One stored version as the administration page lists it.
    struct Version: Codable, Sendable {
        let region: String
        let key: String
        let fromMonth: String
        let revision: Int
        let value: Int64
        let note: String?
        let createdBy: String
        let createdAt: Date
    }

    /// Every version, oldest first within a series, so that building a history from them
    /// lets a later revision of the same month win.
    func versions(key: PolicyParameterKey? = nil) async throws -> [Version] {
        let query = db.select().columns(
            "region", "key", "from_month", "revision", "value", "note", "created_by", "created_at"
        )
        .from("policy_parameters")
        if let key { query.where("key", .equal, key.rawValue) }
        return try await query.orderBy("key").orderBy("region").orderBy("from_month").orderBy("revision").all().map {
            row in
            Version(
                region: try row.decode(column: "region", as: String.self),
                key: try row.decode(column: "key", as: String.self),
                fromMonth: try row.decode(column: "from_month", as: String.self),
                revision: try row.decode(column: "revision", as: Int.self),
                value: try row.decode(column: "value", as: Int64.self),
                note: try row.decode(column: "note", as: String?.self),
                createdBy: try row.decode(column: "created_by", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    func history() async throws -> PolicyParameterHistory {
        PolicyParameterHistory(rows: try await rows())
    }

    /// The parameters in force for `region` in `month`; a key without a value then is the
    /// platform's failure (a 500 naming the key), not the caller's.
    func parameters(for region: String, month: YearMonth) async throws -> PolicyParameters {
        do {
            return try await history().parameters(for: region, month: month)
        } catch let error as PolicyParameterError {
            throw Refusal(.failed, "政策参数缺失：\(error.description)")
        }
    }

    /// The stored versions as engine rows; a malformed stored row is corruption, not skipped.
    private func rows() async throws -> [PolicyParameterRow] {
        try await versions().map { version in
            guard let month = YearMonth(version.fromMonth) else {
                throw Refusal(.failed, "policy_parameters 中的月份无效：\(version.fromMonth)")
            }
            return try PolicyParameterRow(
                regionCode: version.region, keyName: version.key, fromMonth: month, value: version.value)
        }
    }

    /// Adds a version in force from `row.fromMonth`; the caller's transaction also writes
    /// its audit event. The parameters that would then be in force for that region and
    /// month are validated first, so an administrator cannot store a set the engine refuses
    /// (a working-age minimum above the maximum, say).
    func addVersion(_ row: PolicyParameterRow, note: String?, createdBy: String, at now: Date) async throws -> Version {
        let candidate = try await rows() + [row]
        do {
            _ = try PolicyParameterHistory(rows: candidate).parameters(for: row.regionCode, month: row.fromMonth)
        } catch {
            throw Refusal.invalid("value", error.description)
        }
        let revision =
            try await db.select().column(SQLFunction("MAX", args: SQLColumn("revision")), as: "r").from(
                "policy_parameters"
            )
            .where("region", .equal, row.regionCode).where("key", .equal, row.key.rawValue).where(
                "from_month", .equal, row.fromMonth.description
            )
            .first()?.decode(column: "r", as: Int?.self) ?? 0
        try await db.insert(into: "policy_parameters").columns(Self.columns)
            .values(Self.values(row, revision: revision + 1, note: note, createdBy: createdBy, at: now).map(\.bind))
            .run()
        return Version(
            region: row.regionCode, key: row.key.rawValue, fromMonth: row.fromMonth.description, revision: revision + 1,
            value: row.value, note: note, createdBy: createdBy, createdAt: now)
    }
}
