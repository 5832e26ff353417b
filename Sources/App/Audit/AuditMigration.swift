import Fluent
import SQLKit

/// The append-only audit trail. `sequence` orders the hash chain; the time is whole
/// milliseconds (an integer) because the hash covers it and must read back exactly.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await sql.create(table: "audit_events")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("occurred_at_ms", type: .bigint, .notNull)
            .column("actor_id", type: .text)
            .column("actor_name", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("entity_id", type: .text)
            .column("region", type: .text, .notNull)
            .column("before_json", type: .text)
            .column("after_json", type: .text)
            .column("request_id", type: .text)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.create(index: "audit_events_region_time").on("audit_events").column("region").column(
            "occurred_at_ms"
        ).run()
        try await sql.create(index: "audit_events_entity").on("audit_events").column("entity").column("entity_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(table: "audit_events").run()
    }
}
