import Foundation
import MinzhengCore
import SQLKit

/// Reading the audit trail: filtered pages for auditors, the CSV export, and the whole
/// chain in order for `minzheng audit verify`.
struct AuditStore {
    let db: SQLDatabase

    struct Filter: Sendable {
        var from: Date?
        var until: Date?
        var actor: String?
        var action: String?
        var entityID: String?
    }

    func count(within scope: RegionScope, matching filter: Filter) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM audit_events WHERE \(condition(scope, filter))")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The count held to `ListCount.cap` events: a city's trail is never counted whole for a page.
    func cappedCount(within scope: RegionScope, matching filter: Filter) async throws -> ListCount {
        let counted =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM audit_events WHERE \(condition(scope, filter))
                LIMIT \(bind: ListCount.cap + 1)) c
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        return ListCount(counted: counted)
    }

    /// Newest first.
    func events(
        within scope: RegionScope, matching filter: Filter, limit: Int, offset: Int
    ) async throws -> [AuditEvent] {
        try await db.raw(
            """
            SELECT * FROM audit_events WHERE \(condition(scope, filter))
            ORDER BY sequence DESC LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))
            """
        ).all().map(AuditLog.event(from:))
    }

    /// Newest first, from an edge of the page beside: the events older than `before` or
    /// newer than `after` (a seek in the sequence's order, however deep the page).
    func events(
        within scope: RegionScope, matching filter: Filter, limit: Int, before: Int64? = nil, after: Int64? = nil
    ) async throws -> [AuditEvent] {
        let edge: SQLQueryString =
            before.map { " AND sequence < \(bind: $0)" } ?? after.map { " AND sequence > \(bind: $0)" } ?? ""
        let events = try await db.raw(
            """
            SELECT * FROM audit_events WHERE \(condition(scope, filter))\(edge)
            ORDER BY sequence \(unsafeRaw: after == nil ? "DESC" : "ASC") LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map(AuditLog.event(from:))
        return after == nil ? events : events.reversed()
    }

    /// The chain in order, one page after `sequence`.
    func chain(after sequence: Int64, limit: Int) async throws -> [AuditEvent] {
        try await db.select().columns("*").from("audit_events").where("sequence", .greaterThan, sequence)
            .orderBy("sequence").limit(limit).all().map(AuditLog.event(from:))
    }

    /// Streams every event in order through the verifier, page by page.
    func verify(pageSize: Int = 5_000, progress: ((Int) -> Void)? = nil) async throws -> AuditVerification {
        var verifier = AuditChainVerifier()
        var last: Int64 = 0
        while true {
            let page = try await chain(after: last, limit: pageSize)
            guard let tail = page.last else { break }
            for event in page where verifier.check(event) != nil {
                return verifier.result
            }
            last = tail.sequence
            progress?(verifier.count)
        }
        return verifier.result
    }

    private func condition(_ scope: RegionScope, _ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = scope.condition("region")
        if let from = f.from {
            sql = sql + " AND occurred_at_ms >= \(bind: AuditTimestamp(from).millisecondsSinceEpoch)"
        }
        if let until = f.until {
            sql = sql + " AND occurred_at_ms < \(bind: AuditTimestamp(until).millisecondsSinceEpoch)"
        }
        if let actor = f.actor { sql = sql + " AND actor_name = \(bind: actor)" }
        if let action = f.action { sql = sql + " AND action = \(bind: action)" }
        if let entityID = f.entityID { sql = sql + " AND entity_id = \(bind: entityID)" }
        return sql
    }
}
