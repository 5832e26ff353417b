import Foundation
import MinzhengCore
import SQLKit

/// The SQL of `key_rotations` and `key_rotation_progress`.
struct KeyRotationStore {
    let db: SQLDatabase

    struct Rotation: Sendable, Encodable {
        let id: UUID
        let state: KeyRotation.State
        let phase: KeyRotation.Phase
        let oldKeyID: String
        let newKeyID: String
        let startedAt: Date
        let finishedAt: Date?
    }

    /// The last rotation started, if any.
    func latest() async throws -> Rotation? {
        guard
            let r = try await db.select().columns("*").from("key_rotations").orderBy("started_at", .descending)
                .limit(1).first()
        else { return nil }
        return Rotation(
            id: try r.decode(column: "id", as: UUID.self),
            state: KeyRotation.State(rawValue: try r.decode(column: "state", as: String.self)) ?? .running,
            phase: KeyRotation.Phase(rawValue: try r.decode(column: "phase", as: Int.self)) ?? .rekey,
            oldKeyID: try r.decode(column: "old_key_id", as: String.self),
            newKeyID: try r.decode(column: "new_key_id", as: String.self),
            startedAt: try r.decode(column: "started_at", as: Date.self),
            finishedAt: try r.decode(column: "finished_at", as: Date?.self))
    }

    func start(id: UUID, oldKeyID: String, newKeyID: String, tables: [String], at now: Date) async throws {
        try await db.insert(into: "key_rotations")
            .columns("id", "state", "phase", "old_key_id", "new_key_id", "started_at")
            .values(
                SQLBind(id), SQLBind(KeyRotation.State.running.rawValue), SQLBind(KeyRotation.Phase.rekey.rawValue),
                SQLBind(oldKeyID), SQLBind(newKeyID), SQLBind(now)
            )
            .run()
        let insert = db.insert(into: "key_rotation_progress")
            .columns("rotation_id", "table_name", "position", "done", "rows_done", "rows_changed")
        for (position, table) in tables.enumerated() {
            insert.values(SQLBind(id), SQLBind(table), SQLBind(position), SQLBind(false), SQLBind(0), SQLBind(0))
        }
        try await insert.run()
    }

    /// The tables of a rotation in their order, with the last row done of each.
    func progress(_ rotation: UUID) async throws -> [(KeyRotation.TableProgress, lastKey: UUID?)] {
        try await db.select().columns("*").from("key_rotation_progress").where("rotation_id", .equal, rotation)
            .orderBy("position").all().map { r in
                (
                    KeyRotation.TableProgress(
                        table: try r.decode(column: "table_name", as: String.self),
                        done: try r.decode(column: "done", as: Bool.self),
                        rowsDone: try r.decode(column: "rows_done", as: Int.self),
                        rowsChanged: try r.decode(column: "rows_changed", as: Int.self)),
                    try r.decode(column: "last_key", as: String?.self).flatMap(UUID.init(uuidString:))
                )
            }
    }

    /// A write before the batch reads its rows: on SQLite the batch then holds the file's
    /// write lock throughout, so no other process writes between its reads and its writes.
    func claim(_ rotation: UUID, table: String) async throws {
        try await db.raw(
            """
            UPDATE key_rotation_progress SET rows_done = rows_done
            WHERE rotation_id = \(bind: rotation) AND table_name = \(bind: table)
            """
        ).run()
    }

    func advance(
        _ rotation: UUID, table: String, lastKey: UUID?, walked: Int, changed: Int, done: Bool
    ) async throws {
        try await db.raw(
            """
            UPDATE key_rotation_progress SET last_key = \(bind: lastKey?.uuidString), done = \(bind: done),
              rows_done = rows_done + \(bind: walked), rows_changed = rows_changed + \(bind: changed)
            WHERE rotation_id = \(bind: rotation) AND table_name = \(bind: table)
            """
        ).run()
    }

    func startSweep(_ rotation: UUID) async throws {
        try await db.update("key_rotations").set("phase", to: KeyRotation.Phase.sweep.rawValue)
            .where("id", .equal, rotation).run()
        try await db.raw(
            """
            UPDATE key_rotation_progress SET done = \(bind: false), last_key = NULL, rows_done = 0
            WHERE rotation_id = \(bind: rotation)
            """
        ).run()
    }

    func complete(_ rotation: UUID, at now: Date) async throws {
        try await db.update("key_rotations").set("state", to: KeyRotation.State.complete.rawValue)
            .set("finished_at", to: now).where("id", .equal, rotation).run()
    }
}
