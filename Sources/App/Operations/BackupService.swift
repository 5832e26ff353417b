import Crypto
import FluentKit
import Foundation
import MinzhengCore
import SQLiteKit
import SQLKit
import Vapor

/// `minzheng backup` and `minzheng restore`: a consistent copy of the running database
/// with a manifest beside it, and the way back, each checked against the manifest (rows
/// per table, the audit chain's head, the migrations) and the audit chain verified.
///
/// SQLite: SQLite's online backup API on a connection of its own, inside one read
/// transaction that also reads the inventory — the server keeps writing meanwhile.
/// PostgreSQL: `pg_dump` in the snapshot a repeatable-read transaction exports, in which
/// the inventory is read and the audit chain verified; the archive's data is then read back
/// (`pg_restore --data-only`) and its rows counted.
///
/// The uploaded files (`UploadFolder`) go to `FILE.files/`, copied after the snapshot: a
/// file is written before the row that names it and never removed once that row is in, so
/// every file the copied rows name is in the copy (a few newer ones may be too).
struct BackupService {
    let database: any FluentKit.Database
    let location: AppConfig.DatabaseLocation
    let writer: AuditedWriter
    /// Where the uploaded files live (`AppConfig.dataDirectory`).
    let dataDirectory: String

    struct Report: Encodable, Sendable {
        let file: String
        let manifest: String
        let engine: String
        let tables: Int
        let rows: Int
        let auditEvents: Int64
        let sha256: String
        let bytes: Int64
        /// The uploaded files in the backup and their bytes; absent for a backup made before
        /// uploads were backed up.
        let files: Int?
        let fileBytes: Int64?
        let checked = true
    }

    private var engine: BackupManifest.Engine {
        if case .sqlite = location { return .sqlite }
        return .postgresql
    }

    /// Copies the database to `file` (which must not exist), checks the copy, and writes
    /// `file.manifest.json`; the backup is an audit event.
    func backup(to file: String) async throws -> Report {
        let manifestPath = BackupManifest.path(forBackup: file)
        let filesPath = BackupManifest.filesPath(forBackup: file)
        let fm = FileManager.default
        guard !fm.fileExists(atPath: file), !fm.fileExists(atPath: manifestPath), !fm.fileExists(atPath: filesPath)
        else {
            throw Refusal(.conflict, "\(file) 已存在：备份不覆盖已有文件，请换一个文件名", field: "file")
        }
        // Written under another name and renamed once checked: a crash leaves no file that looks complete.
        let partial = file + ".partial"
        let filesPartial = filesPath + ".partial"
        try? fm.removeItem(atPath: partial)
        try? fm.removeItem(atPath: filesPartial)
        let createdAt = Date()  // real time: when the snapshot was taken
        let inventory: DatabaseInventory
        let differences: [BackupDifference]
        let files: [BackupFile]
        do {
            switch location {
            case .sqlite(let path):
                let snapshot = try SQLiteSnapshot(path: path)
                do {
                    inventory = try await snapshot.backup(to: partial)
                    await snapshot.close()
                } catch {
                    await snapshot.close()
                    throw error
                }
                let (found, chain) = try await Self.checkSQLiteFile(partial)
                differences = BackupDifference.between(inventory, found, chain: chain)
            case .postgres(let url):
                let tools = try PostgresTools(url: url)
                let (source, chain) = try await database.transaction { tx in
                    let sql = tx.sql
                    try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                    let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS s").first()!
                        .decode(column: "s", as: String.self)
                    let checked = try await InventoryStore(db: sql).check()
                    try await tools.dump(snapshot: snapshot, to: partial)
                    return checked
                }
                inventory = source
                let reader = PostgresArchiveReader()
                try await tools.data(of: partial) { reader.read($0) }
                // The chain was verified in the very snapshot the archive holds.
                differences = BackupDifference.between(inventory, reader.inventory, chain: chain)
            }
            guard differences.isEmpty else {
                throw Refusal(
                    .failed, "备份校验未通过 / backup check failed: " + differences.map(\.description).joined(separator: "; "))
            }
            files = try UploadBackup.copy(from: dataDirectory, to: filesPartial)
        } catch {
            try? fm.removeItem(atPath: partial)
            try? fm.removeItem(atPath: filesPartial)
            throw error
        }
        let (sha256, bytes) = try Self.digest(of: partial)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial)
        try fm.moveItem(atPath: partial, toPath: file)
        try fm.moveItem(atPath: filesPartial, toPath: filesPath)
        let manifest = BackupManifest(
            engine: engine, createdAt: createdAt, inventory: inventory, sha256: sha256, bytes: bytes, files: files)
        guard
            fm.createFile(
                atPath: manifestPath, contents: try manifest.encoded(), attributes: [.posixPermissions: 0o600])
        else { throw Refusal(.failed, "无法写入备份清单 \(manifestPath)", field: "file") }
        let report = Report(manifest, file: file)
        try await writer.transaction { _, audit in
            try await audit.record(
                "backup.create", entity: "backup", id: nil, region: RegionTable.changzhou.value, after: report)
        }
        return report
    }

    /// Restores `file` into this database after checking it against its manifest; a
    /// database holding records is refused unless `force`. The restored database is
    /// checked against the manifest and its audit chain verified; the restore is then an
    /// audit event in it. The backup's uploaded files are checked before anything is
    /// written, put back (an existing file with other contents only when `force`) and checked
    /// in place; a backup made before uploads were backed up restores the database alone.
    func restore(from file: String, force: Bool) async throws -> Report {
        let manifestPath = BackupManifest.path(forBackup: file)
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw Refusal.invalid("file", "找不到备份清单 \(manifestPath)：恢复需要备份时写在旁边的清单")
        }
        let manifest = try BackupManifest.decode(data)
        let (sha256, bytes) = try Self.digest(of: file)
        guard sha256 == manifest.sha256, bytes == manifest.bytes else {
            throw Refusal.invalid("file", "备份文件与清单不符（已损坏或不完整）：SHA-256 \(sha256)，应为 \(manifest.sha256)")
        }
        let filesPath = BackupManifest.filesPath(forBackup: file)
        if let files = manifest.files { try UploadBackup.check(files, in: filesPath) }
        let target = try await InventoryStore(db: database.sql).inventory()
        if let refusal = RestoreRule.check(target: target, targetEngine: engine, manifest: manifest, force: force) {
            throw refusal
        }
        let conflicts = UploadBackup.conflicts(manifest.files ?? [], in: dataDirectory)
        guard conflicts.isEmpty || force else {
            throw Refusal(
                .conflict,
                "数据目录中已有内容不同的文件，恢复会覆盖它们；确认覆盖请加 --force / files differ: "
                    + conflicts.prefix(5).joined(separator: ", ") + (conflicts.count > 5 ? " …" : ""),
                field: "force")
        }
        switch location {
        case .sqlite(let path):
            let live = try SQLiteSnapshot(path: path)
            do {
                // The process's write turn: none of its own writers is inside a transaction meanwhile.
                if let serializer = writer.serializer {
                    try await serializer.run { try await live.restore(from: file) }
                } else {
                    try await live.restore(from: file)
                }
                await live.close()
            } catch {
                await live.close()
                throw error
            }
        case .postgres(let url):
            // Tables the backup does not have (a newer schema's) would stay and block the drops.
            for table in try await InventoryStore(db: database.sql).tableNames()
            where manifest.inventory.tables[table] == nil {
                try await database.sql.raw("DROP TABLE IF EXISTS \(ident: table) CASCADE").run()
            }
            try await PostgresTools(url: url).restore(from: file)
        }
        let (found, chain) = try await InventoryStore(db: database.sql).check()
        let differences = BackupDifference.between(manifest.inventory, found, chain: chain)
        guard differences.isEmpty else {
            throw Refusal(
                .failed,
                "恢复后的数据库与备份清单不符 / restored database differs: "
                    + differences.map(\.description).joined(separator: "; "))
        }
        if let files = manifest.files { _ = try UploadBackup.restore(files, from: filesPath, into: dataDirectory) }
        let report = Report(manifest, file: file)
        try await writer.transaction { _, audit in
            try await audit.record(
                "backup.restore", entity: "backup", id: nil, region: RegionTable.changzhou.value, after: report)
        }
        return report
    }

    /// The inventory of a SQLite backup file and its audit chain's verification.
    static func checkSQLiteFile(_ path: String) async throws -> (DatabaseInventory, AuditVerification) {
        // One file on its own: no write-ahead log beside it.
        let raw = try RawSQLiteConnection(path: path)
        try raw.exec("PRAGMA journal_mode=DELETE")
        raw.close()
        let connection = try await SQLiteConnection.open(storage: .file(path: path)).get()
        do {
            let result = try await InventoryStore(db: connection.sql()).check()
            try await connection.close().get()
            return result
        } catch {
            try? await connection.close().get()
            throw error
        }
    }

    /// SHA-256 (hex) and size of a file, read in 1 MB pieces.
    static func digest(of path: String) throws -> (String, Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Refusal.invalid("file", "无法读取 \(path)")
        }
        defer { try? handle.close() }
        var hasher = Crypto.SHA256()
        var bytes: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += Int64(chunk.count)
        }
        return (hasher.finalize().hexadecimal, bytes)
    }
}

extension BackupService.Report {
    init(_ manifest: BackupManifest, file: String) {
        self.init(
            file: file, manifest: BackupManifest.path(forBackup: file), engine: manifest.engine.rawValue,
            tables: manifest.inventory.tables.count, rows: manifest.inventory.totalRows,
            auditEvents: manifest.inventory.auditHead.sequence, sha256: manifest.sha256, bytes: manifest.bytes,
            files: manifest.files?.count, fileBytes: manifest.files?.reduce(0) { $0 + $1.bytes })
    }
}

extension Application {
    /// The backup service acting as `actor`.
    func backups(actor: AuditActor) -> BackupService {
        BackupService(
            database: db, location: platform.config.database, writer: writer(actor: actor),
            dataDirectory: platform.config.dataDirectory)
    }
}
