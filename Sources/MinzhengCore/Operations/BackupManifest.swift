import Foundation

/// What a database holds, as far as a backup is checked against it: the rows of every
/// table, the head of the audit chain and the schema migrations applied.
public struct DatabaseInventory: Codable, Hashable, Sendable {
    /// Rows per table, every table of the database (the migrations' own table included).
    public var tables: [String: Int]
    public var auditHead: AuditChainHead
    /// Names of the applied migrations, sorted.
    public var migrations: [String]

    public init(tables: [String: Int], auditHead: AuditChainHead, migrations: [String]) {
        self.tables = tables
        self.auditHead = auditHead
        self.migrations = migrations.sorted()
    }

    public var totalRows: Int { tables.values.reduce(0, +) }

    /// The tables whose rows say the database is in use: every write is audited, and people,
    /// households and accounts are what a restore must never overwrite unasked. Tables that
    /// migrations fill (policy defaults, the catalogue) do not count.
    public static let occupancyTables = ["audit_events", "users", "persons", "households"]

    /// Whether the database holds records a restore would destroy.
    public var isOccupied: Bool {
        Self.occupancyTables.contains { (tables[$0] ?? 0) > 0 }
    }
}

/// The file written next to a backup (`FILE.manifest.json`): what the database held in the
/// snapshot the backup copied, so that the copy can be checked at any time later — after
/// it was moved off the machine, and after it was restored.
public struct BackupManifest: Codable, Hashable, Sendable {
    public static let currentFormat = 1

    public enum Engine: String, Codable, Sendable {
        case sqlite, postgresql
    }

    public var format: Int
    public var engine: Engine
    /// When the snapshot was taken (real time, UTC).
    public var createdAt: Date
    public var inventory: DatabaseInventory
    /// SHA-256 (hex) and size of the backup file, to tell a damaged or truncated copy.
    public var sha256: String
    public var bytes: Int64
    /// The uploaded files copied into `FILE.files/`, each with its path under the data
    /// directory, size and SHA-256; `nil` in a backup made before uploads were backed up.
    public var files: [BackupFile]?

    public init(
        engine: Engine, createdAt: Date, inventory: DatabaseInventory, sha256: String, bytes: Int64,
        files: [BackupFile]? = nil
    ) {
        format = Self.currentFormat
        self.engine = engine
        self.createdAt = createdAt
        self.inventory = inventory
        self.sha256 = sha256
        self.bytes = bytes
        self.files = files
    }

    /// The manifest's path for a backup file.
    public static func path(forBackup file: String) -> String { file + ".manifest.json" }

    /// The folder of a backup's uploaded files, beside the backup file.
    public static func filesPath(forBackup file: String) -> String { file + ".files" }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest = try decoder.decode(BackupManifest.self, from: data)
        guard manifest.format == currentFormat else {
            throw Refusal.invalid("manifest", "备份清单格式 \(manifest.format) 不受支持（应为 \(currentFormat)）")
        }
        return manifest
    }
}

/// One uploaded file in a backup: its path relative to the data directory (and to the
/// backup's `FILE.files/` folder), its size and the SHA-256 (hex) of its bytes.
public struct BackupFile: Codable, Hashable, Sendable {
    public var path: String
    public var bytes: Int64
    public var sha256: String

    public init(path: String, bytes: Int64, sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// Whether a relative path stays inside the folder it is joined to (no `..`, not absolute),
    /// so that a tampered manifest cannot make a restore write elsewhere.
    public var isContained: Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }
}

/// Where a copy (a backup file, or a database restored from one) differs from its manifest.
public enum BackupDifference: Hashable, Sendable, CustomStringConvertible {
    case missingTable(String)
    case extraTable(String, rows: Int)
    case rowCount(table: String, expected: Int, found: Int)
    case auditHead(expected: AuditChainHead, found: AuditChainHead)
    case auditChain(AuditChainBreak)
    case migrations(missing: [String], extra: [String])

    public var description: String {
        switch self {
        case .missingTable(let table): return "缺少数据表 \(table) / table \(table) missing"
        case .extraTable(let table, let rows): return "多出数据表 \(table)（\(rows) 行） / unexpected table \(table)"
        case .rowCount(let table, let expected, let found):
            return "数据表 \(table) 应有 \(expected) 行，实有 \(found) 行 / \(table): \(found) rows, expected \(expected)"
        case .auditHead(let expected, let found):
            return
                "审计链末条应为 #\(expected.sequence)，实为 #\(found.sequence) / audit head #\(found.sequence), expected #\(expected.sequence)"
        case .auditChain(let broken): return broken.description
        case .migrations(let missing, let extra):
            return "数据库结构版本不符：缺 \(missing)，多 \(extra) / migrations differ: missing \(missing), extra \(extra)"
        }
    }

    /// Compares what a copy holds, and how its audit chain verified, with the manifest:
    /// empty when the copy is the database the manifest describes.
    public static func between(
        _ expected: DatabaseInventory, _ found: DatabaseInventory, chain: AuditVerification
    ) -> [BackupDifference] {
        var differences: [BackupDifference] = []
        for (table, rows) in expected.tables.sorted(by: { $0.key < $1.key }) {
            guard let actual = found.tables[table] else {
                differences.append(.missingTable(table))
                continue
            }
            if actual != rows { differences.append(.rowCount(table: table, expected: rows, found: actual)) }
        }
        for (table, rows) in found.tables.sorted(by: { $0.key < $1.key }) where expected.tables[table] == nil {
            differences.append(.extraTable(table, rows: rows))
        }
        if case .broken(let sequence, let reason) = chain {
            differences.append(.auditChain(AuditChainBreak(sequence: sequence, reason: reason)))
        }
        if expected.auditHead != found.auditHead {
            differences.append(.auditHead(expected: expected.auditHead, found: found.auditHead))
        }
        let (want, have) = (Set(expected.migrations), Set(found.migrations))
        if want != have {
            differences.append(
                .migrations(missing: want.subtracting(have).sorted(), extra: have.subtracting(want).sorted()))
        }
        return differences
    }
}

/// Whether a restore may write into its target.
public enum RestoreRule {
    /// A target holding records is refused unless the operator forces it; the engines must match.
    public static func check(
        target: DatabaseInventory, targetEngine: BackupManifest.Engine, manifest: BackupManifest, force: Bool
    ) -> Refusal? {
        guard manifest.engine == targetEngine else {
            return Refusal(
                .invalid, "备份来自 \(manifest.engine.rawValue)，不能恢复到 \(targetEngine.rawValue) 数据库", field: "file")
        }
        guard !target.isOccupied || force else {
            let rows = DatabaseInventory.occupancyTables.map { "\($0) \(target.tables[$0] ?? 0)" }
                .joined(separator: ", ")
            return Refusal(
                .conflict, "目标数据库已有数据（\(rows)），恢复会覆盖它；确认覆盖请加 --force / target database is not empty",
                field: "force")
        }
        return nil
    }
}
