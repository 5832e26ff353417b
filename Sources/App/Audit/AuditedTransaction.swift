import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Who acts, as every audit event of a request or command records it.
struct AuditActor: Sendable {
    let id: String?
    let name: String
    let requestID: String?

    static func system(_ name: String) -> AuditActor { AuditActor(id: nil, name: name, requestID: nil) }
}

/// Records the audit events of one transaction.
struct AuditRecorder {
    let log: AuditLog
    let actor: AuditActor

    /// One event; `before` and `after` are stored as sorted-key JSON of what changed.
    @discardableResult
    func record(
        _ action: String, entity: String, id: String?, region: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) async throws -> AuditEvent {
        try await record(
            action, entity: entity, id: id, region: region, beforeJSON: before.map(Self.json),
            afterJSON: after.map(Self.json))
    }

    /// The same with `before` and `after` already encoded by `json(_:)`: a bulk batch
    /// encodes its large record on another core while its rows are written.
    @discardableResult
    func record(
        _ action: String, entity: String, id: String?, region: String,
        beforeJSON: String? = nil, afterJSON: String?
    ) async throws -> AuditEvent {
        try await log.append(
            entry(action, entity: entity, id: id, region: region, beforeJSON: beforeJSON, afterJSON: afterJSON))
    }

    /// An event of this recorder's actor, for `record(_:)`.
    func entry(_ action: String, entity: String, id: String?, region: String, after: any Encodable) -> AuditEntry {
        entry(action, entity: entity, id: id, region: region, beforeJSON: nil, afterJSON: Self.json(after))
    }

    /// Several events at once, in order (see `AuditLog.append(contentsOf:)`).
    func record(_ entries: [AuditEntry]) async throws {
        try await log.append(contentsOf: entries)
    }

    private func entry(
        _ action: String, entity: String, id: String?, region: String, beforeJSON: String?, afterJSON: String?
    ) -> AuditEntry {
        AuditEntry(
            occurredAt: .now(), actorID: actor.id, actorName: actor.name, action: action, entity: entity,
            entityID: id, region: region, before: beforeJSON, after: afterJSON, requestID: actor.requestID)
    }

    static func json(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}

/// A refusal that must be on record although the write it refused is rolled back: the
/// transaction that threw it ends, its event is recorded in one of its own, and the caller
/// gets `answer`.
protocol RecordedRefusal: Error {
    var answer: Refusal { get }
    func record(_ audit: AuditRecorder) async throws
}

/// One acting party's way to write: each `transaction` saves its changes together with the
/// audit events it records, or neither (but for a `RecordedRefusal`'s event). Services take
/// one of these instead of the request or the application.
struct AuditedWriter: Sendable {
    let database: any Database
    /// On SQLite the process's writers take turns (the file has one writer anyway), so that
    /// two appends never race for the same chain position; nil on PostgreSQL.
    let serializer: WriteSerializer?
    let actor: AuditActor

    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> T
    ) async throws -> T {
        do {
            return try await transactionWithAudit(body)
        } catch let refusal as RecordedRefusal {
            try await transactionWithAudit { _, audit in try await refusal.record(audit) }
            throw refusal.answer
        }
    }

    private func transactionWithAudit<T: Sendable>(
        _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> T
    ) async throws -> T {
        let (database, actor) = (database, actor)
        let run: @Sendable () async throws -> T = {
            try await database.transaction { tx in
                let sql = tx.sql
                return try await body(sql, AuditRecorder(log: AuditLog(db: sql), actor: actor))
            }
        }
        guard let serializer else { return try await run() }
        return try await serializer.run(run)
    }

    /// A city-wide routine step (scheduled visits, escalation, the watch) in one audited
    /// transaction; `step` returns how many records it changed. Its event, recorded only
    /// when something changed, carries `details` and that number under `count`.
    func routine(
        _ action: String, entity: String, details: [String: String] = [:], count: String,
        _ step: @escaping @Sendable (SQLDatabase) async throws -> Int
    ) async throws -> Int {
        try await transaction { tx, audit in
            let n = try await step(tx)
            if n > 0 {
                try await audit.record(
                    action, entity: entity, id: nil, region: RegionTable.changzhou.value,
                    after: details.merging([count: String(n)]) { _, new in new })
            }
            return n
        }
    }

    /// The same for a bulk job's batch.
    func transaction<T: Sendable>(
        on bulk: BulkDatabase, _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> T
    ) async throws -> T {
        switch bulk {
        case .pool(let db):
            return try await AuditedWriter(database: db, serializer: serializer, actor: actor).transaction(body)
        case .sqlite(let db):
            // The bulk database takes the process's write turn itself, for longer than a batch.
            let actor = actor
            return try await db.transaction { tx in
                try await body(tx, AuditRecorder(log: AuditLog(db: tx), actor: actor))
            }
        }
    }
}

extension Application {
    /// The writer for `actor`, on `database` (a request's) or the application's own.
    func writer(actor: AuditActor, on database: (any Database)? = nil) -> AuditedWriter {
        let serializer: WriteSerializer?
        if case .sqlite = platform.config.database { serializer = writeSerializer } else { serializer = nil }
        return AuditedWriter(database: database ?? db, serializer: serializer, actor: actor)
    }

    /// `body` in one audited transaction (`AuditedWriter.transaction`).
    func auditedTransaction<T: Sendable>(
        actor: AuditActor, on database: (any Database)? = nil,
        _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> T
    ) async throws -> T {
        try await writer(actor: actor, on: database).transaction(body)
    }
}

extension Request {
    /// The signed-in user as the acting party of this request's audit events.
    var auditActor: AuditActor {
        let user = auth.get(CurrentUser.self)
        return AuditActor(id: user?.id.uuidString, name: user?.username ?? "anonymous", requestID: requestID)
    }

    /// The signed-in user's writer.
    var writer: AuditedWriter { application.writer(actor: auditActor, on: db) }

    func auditedTransaction<T: Sendable>(
        _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> T
    ) async throws -> T {
        try await writer.transaction(body)
    }
}
