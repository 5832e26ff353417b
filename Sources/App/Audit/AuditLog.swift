import Foundation
import MinzhengCore
import SQLKit

/// Appends events to the hash chain, inside the caller's transaction, so that a change
/// and its audit event are saved together or not at all.
struct AuditLog {
    /// The transaction the change is written in.
    let db: SQLDatabase

    static let columns = [
        "sequence", "occurred_at_ms", "actor_id", "actor_name", "action", "entity", "entity_id", "region",
        "before_json", "after_json", "request_id", "previous_hash", "hash",
    ]

    /// Seals `entry` after the current head and stores it. Appends must not interleave:
    /// PostgreSQL takes a table lock held to the end of the transaction; SQLite has one
    /// writer at a time, which `WriteSerializer` makes explicit within the process.
    @discardableResult
    func append(_ entry: AuditEntry) async throws -> AuditEvent {
        try await append(contentsOf: [entry])[0]
    }

    /// Seals `entries` one after another and stores them together: a batch's events (one
    /// per person who died) for one read of the head and one insert per thousand.
    @discardableResult
    func append(contentsOf entries: [AuditEntry]) async throws -> [AuditEvent] {
        guard !entries.isEmpty else { return [] }
        if db.dialect.name == "postgresql" {
            try await db.raw("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE").run()
        }
        var head = try await head()
        let events = entries.map { entry in
            let event = AuditChain.seal(entry, after: head)
            head = AuditChainHead(sequence: event.sequence, hash: event.hash)
            return event
        }
        for chunk in events.chunked(1000) {
            let insert = db.insert(into: "audit_events").columns(Self.columns)
            for event in chunk { insert.values(Self.values(event)) }
            try await insert.run()
        }
        return events
    }

    /// The last event's sequence and hash, or the genesis head of an empty trail.
    func head() async throws -> AuditChainHead {
        guard
            let row = try await db.select().columns("sequence", "hash").from("audit_events")
                .orderBy("sequence", .descending).limit(1).first()
        else { return .genesis }
        return AuditChainHead(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            hash: try row.decode(column: "hash", as: String.self))
    }

    static func values(_ e: AuditEvent) -> [any SQLExpression] {
        [
            SQLBind(e.sequence), SQLBind(e.occurredAt.millisecondsSinceEpoch), SQLBind(e.actorID), SQLBind(e.actorName),
            SQLBind(e.action),
            SQLBind(e.entity), SQLBind(e.entityID), SQLBind(e.region), SQLBind(e.before), SQLBind(e.after),
            SQLBind(e.requestID),
            SQLBind(e.previousHash), SQLBind(e.hash),
        ]
    }

    static func event(from row: SQLRow) throws -> AuditEvent {
        AuditEvent(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            occurredAt: AuditTimestamp(
                millisecondsSinceEpoch: try row.decode(column: "occurred_at_ms", as: Int64.self)),
            actorID: try row.decode(column: "actor_id", as: String?.self),
            actorName: try row.decode(column: "actor_name", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            entity: try row.decode(column: "entity", as: String.self),
            entityID: try row.decode(column: "entity_id", as: String?.self),
            region: try row.decode(column: "region", as: String.self),
            before: try row.decode(column: "before_json", as: String?.self),
            after: try row.decode(column: "after_json", as: String?.self),
            requestID: try row.decode(column: "request_id", as: String?.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
