import Crypto
import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng keys rotate` and `keys status`: re-encrypts every encrypted column and rebuilds
/// every blind index (`RotatedTable.all`) under a new data key while the servers run.
///
/// The key files: `data.key.next` (the new key) is written first; every process then holds
/// both keys (`DataKeyRing`: servers re-read the files every 2 s, `DataKeyWatcher`), seals and
/// indexes with the new one, opens with either and looks up under both. After a grace period
/// the tables are walked in batches — one transaction each, the progress row written in it —
/// twice (`KeyRotation.Phase`). Then the uploaded files are sealed anew
/// (`FieldCipher.resealUploads`), the rotation is marked complete, the old key is archived
/// as `data.key.retired-<id>` and `data.key.next` is renamed over `data.key`.
struct KeyRotationService {
    let database: any FluentKit.Database
    let writer: AuditedWriter
    let config: AppConfig
    let cipher: FieldCipher
    var tables: [RotatedTable] = RotatedTable.all

    struct Status: Encodable, Sendable {
        let state: String
        let phase: Int?
        let oldKeyId: String?
        let newKeyId: String?
        /// ISO 8601, UTC.
        let startedAt: String?
        let finishedAt: String?
        let keysHeld: [String]
        let tables: [TableStatus]
    }

    struct TableStatus: Encodable, Sendable {
        let table: String
        let rows: Int
        let rowsDone: Int
        let rowsChanged: Int
        let done: Bool
    }

    private var store: KeyRotationStore { KeyRotationStore(db: database.sql) }

    /// Starts a rotation, or resumes the one cut off, and runs it to the end — or for at most
    /// `maxBatches` batches (then it stays running, to be resumed).
    func rotate(batchSize: Int = 500, maxBatches: Int? = nil, grace: Duration = .seconds(5)) async throws -> Status {
        guard config.dataKeyBase64 == nil else {
            throw Refusal(
                .invalid, "数据密钥由环境变量 MINZHENG_DATA_KEY 提供，无法轮换：请先把它写入密钥文件 \(DataKeyStore.path(config))（模式 600）并去掉该变量",
                field: "MINZHENG_DATA_KEY")
        }
        cipher.ring.reload()
        let last = try await store.latest()
        if let running = last, running.state == .running {
            let held = cipher.ring.keys.map(\.id)
            guard held == [running.newKeyID, running.oldKeyID] else {
                throw Refusal(
                    .conflict,
                    "密钥文件与进行中的轮换不符：应有 data.key（\(running.oldKeyID)）和 data.key.next（\(running.newKeyID)），现有 \(held)")
            }
            _ = try await writer.transaction { _, audit in
                try await audit.record(
                    "keys.rotation.resume", entity: "data_key", id: running.newKeyID,
                    region: RegionTable.changzhou.value,
                    after: ["oldKeyId": running.oldKeyID, "phase": "\(running.phase.rawValue)"])
            }
        } else {
            // A run cut off between completing and renaming the key files only finishes that.
            if let done = last, try finishKeyFiles(done) { return try await status() }
            try await start()
            // Running servers read the key files every 2 s: once they all hold the new key,
            // nothing is written under the old one any more.
            try await Task.sleep(for: grace)
        }
        guard let rotation = try await store.latest(), rotation.state == .running else { return try await status() }
        var batches = 0
        var phase = rotation.phase
        while maxBatches.map({ batches < $0 }) ?? true {
            let progress = try await store.progress(rotation.id)
            switch KeyRotation.next(phase: phase, tables: progress.map(\.0)) {
            case .batch(let name):
                guard let table = tables.first(where: { $0.name == name }) else {
                    throw Refusal(.failed, "未知的轮换数据表 \(name)")
                }
                let last = progress.first { $0.0.table == name }?.lastKey
                try await batch(rotation.id, table: table, after: last, size: batchSize)
                batches += 1
            case .startSweep:
                try await writer.transaction { tx, _ in try await KeyRotationStore(db: tx).startSweep(rotation.id) }
                phase = .sweep
            case .finish:
                try await finish(rotation.id, tables: progress.map(\.0))
                return try await status()
            }
        }
        return try await status()
    }

    /// Writes the next key file (unless a crash left one), and records the rotation.
    private func start() async throws {
        let nextPath = DataKeyStore.nextPath(config)
        if try DataKeyStore.readKey(at: nextPath) == nil {
            try DataKeyStore.write(SymmetricKey(size: .bits256), to: nextPath)
        }
        cipher.ring.reload()
        let keys = cipher.ring.keys
        guard keys.count == 2 else { throw Refusal(.failed, "无法读取新密钥文件 \(nextPath)") }
        let (old, new) = (keys[1].id, keys[0].id)
        let names = tables.map(\.name)
        // Real time, like audit events: when the platform actually did it (and the order of rotations).
        let now = Date()
        try await writer.transaction { tx, audit in
            let store = KeyRotationStore(db: tx)
            // One rotation at a time, however many operators start one.
            if tx.dialect.name == "postgresql" { try await tx.raw("SELECT pg_advisory_xact_lock(2104)").run() }
            if let running = try await store.latest(), running.state == .running {
                throw Refusal(.conflict, "已有一次数据密钥轮换在进行（\(running.newKeyID)）", field: "action")
            }
            try await store.start(id: UUID(), oldKeyID: old, newKeyID: new, tables: names, at: now)
            try await audit.record(
                "keys.rotation.start", entity: "data_key", id: new, region: RegionTable.changzhou.value,
                after: ["oldKeyId": old, "tables": names.joined(separator: ",")])
        }
    }

    /// One batch of a table, in one transaction with its progress.
    private func batch(_ rotation: UUID, table: RotatedTable, after last: UUID?, size: Int) async throws {
        let cipher = cipher
        let lock = database.sql.dialect.name == "postgresql" ? "FOR UPDATE" : ""
        try await writer.transaction { tx, _ in
            let store = KeyRotationStore(db: tx)
            try await store.claim(rotation, table: table.name)
            let rows = try await tx.raw(table.select(last, size, lock)).all()
            var changed = 0
            for row in rows {
                let set = try table.rewrite(row, cipher)
                guard !set.isEmpty else { continue }
                let update = tx.update(table.name)
                for (column, value) in set.sorted(by: { $0.key < $1.key }) { update.set(column, to: value) }
                try await update.where(
                    SQLIdentifier(table.key), .equal, SQLBind(try row.decode(column: "k", as: UUID.self))
                )
                .run()
                changed += 1
            }
            try await store.advance(
                rotation, table: table.name, lastKey: try rows.last?.decode(column: "k", as: UUID.self) ?? last,
                walked: rows.count, changed: changed, done: rows.count < size)
        }
    }

    /// Marks the rotation complete (audited), then swaps the key files.
    private func finish(_ rotation: UUID, tables: [KeyRotation.TableProgress]) async throws {
        // The uploaded files too, while both keys are held (idempotent: a resumed run walks them again).
        let files = try cipher.resealUploads(under: config.dataDirectory)
        let now = Date()
        try await writer.transaction { tx, audit in
            try await KeyRotationStore(db: tx).complete(rotation, at: now)
            var after = Dictionary(uniqueKeysWithValues: tables.map { ($0.table, String($0.rowsChanged)) })
            after["uploadFiles"] = String(files)
            try await audit.record(
                "keys.rotation.complete", entity: "data_key", id: cipher.ring.current.id,
                region: RegionTable.changzhou.value, after: after)
        }
        if let done = try await store.latest() { _ = try finishKeyFiles(done) }
    }

    /// After a completed rotation: the old key archived, the new key file renamed over the
    /// key file. Idempotent, so that a crash between the two steps is finished by the next run;
    /// tells whether there was anything to do.
    private func finishKeyFiles(_ rotation: KeyRotationStore.Rotation) throws -> Bool {
        let nextPath = DataKeyStore.nextPath(config)
        guard rotation.state == .complete, let next = try DataKeyStore.readKey(at: nextPath),
            DataKey(next).id == rotation.newKeyID
        else { return false }
        let keyPath = DataKeyStore.path(config)
        if let old = try DataKeyStore.readKey(at: keyPath), DataKey(old).id == rotation.oldKeyID {
            try DataKeyStore.write(old, to: config.dataDirectory + "/data.key.retired-\(rotation.oldKeyID)")
        }
        guard rename(nextPath, keyPath) == 0 else {
            throw Refusal(.failed, "无法把 \(nextPath) 改名为 \(keyPath)")
        }
        cipher.ring.reload()
        return true
    }

    /// The last rotation and its progress per table, with each table's rows.
    func status() async throws -> Status {
        let keysHeld = cipher.ring.keys.map(\.id)
        guard let rotation = try await store.latest() else {
            return Status(
                state: "none", phase: nil, oldKeyId: nil, newKeyId: nil, startedAt: nil, finishedAt: nil,
                keysHeld: keysHeld, tables: [])
        }
        var tables: [TableStatus] = []
        for (progress, _) in try await store.progress(rotation.id) {
            let count: SQLQueryString = "SELECT COUNT(*) AS n FROM \(ident: progress.table)"
            let rows = try await database.sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0
            tables.append(
                TableStatus(
                    table: progress.table, rows: rows, rowsDone: progress.rowsDone, rowsChanged: progress.rowsChanged,
                    done: progress.done))
        }
        return Status(
            state: rotation.state.rawValue, phase: rotation.phase.rawValue, oldKeyId: rotation.oldKeyID,
            newKeyId: rotation.newKeyID, startedAt: rotation.startedAt.formatted(.iso8601),
            finishedAt: rotation.finishedAt?.formatted(.iso8601),
            keysHeld: keysHeld, tables: tables)
    }
}

extension Application {
    func keyRotation(actor: AuditActor) -> KeyRotationService {
        KeyRotationService(
            database: db, writer: writer(actor: actor), config: platform.config, cipher: platform.cipher)
    }
}
