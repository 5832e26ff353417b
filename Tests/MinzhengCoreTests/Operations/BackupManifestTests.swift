import Foundation
import MinzhengCore
import Testing

@Suite("backup manifest and restore rule")
struct BackupManifestTests {
    static let head = AuditChainHead(sequence: 3, hash: String(repeating: "a", count: 64))
    static let inventory = DatabaseInventory(
        tables: ["persons": 2, "households": 1, "audit_events": 3, "_fluent_migrations": 2], auditHead: head,
        migrations: ["b", "a"])

    static func manifest(_ engine: BackupManifest.Engine = .sqlite) -> BackupManifest {
        BackupManifest(
            engine: engine, createdAt: Date(timeIntervalSince1970: 1_800_000_000), inventory: inventory,
            sha256: String(repeating: "0", count: 64), bytes: 4096)
    }

    @Test("the manifest survives its JSON, with the migrations sorted")
    func roundTrip() throws {
        let manifest = Self.manifest()
        #expect(try BackupManifest.decode(manifest.encoded()) == manifest)
        #expect(manifest.inventory.migrations == ["a", "b"])
        #expect(manifest.inventory.totalRows == 8)
        #expect(BackupManifest.path(forBackup: "/b/x.db") == "/b/x.db.manifest.json")
    }

    @Test("the uploaded files survive the JSON; a manifest written before them reads as a backup without files")
    func files() throws {
        var manifest = Self.manifest()
        manifest.files = [BackupFile(path: "documents/a/b", bytes: 3, sha256: String(repeating: "1", count: 64))]
        #expect(try BackupManifest.decode(manifest.encoded()) == manifest)
        #expect(BackupManifest.filesPath(forBackup: "/b/x.db") == "/b/x.db.files")
        let earlier = try JSONSerialization.jsonObject(with: Self.manifest().encoded()) as! [String: Any]
        #expect(earlier["files"] == nil)
        #expect(try BackupManifest.decode(JSONSerialization.data(withJSONObject: earlier)).files == nil)
    }

    @Test(
        "a file's path must stay inside the folder it is restored to",
        arguments: [
            ("documents/a/b", true), ("station-photos/x", true), ("../data.key", false), ("/etc/passwd", false),
            ("documents/../../x", false), ("documents//x", false), ("", false),
        ])
    func contained(path: String, inside: Bool) {
        #expect(BackupFile(path: path, bytes: 0, sha256: "").isContained == inside)
    }

    @Test("a manifest of another format is refused")
    func otherFormat() throws {
        var manifest = Self.manifest()
        manifest.format = 99
        #expect(throws: Refusal.self) { try BackupManifest.decode(manifest.encoded()) }
    }

    @Test("a copy equal to its manifest has no difference")
    func same() {
        #expect(BackupDifference.between(Self.inventory, Self.inventory, chain: .intact(count: 3)).isEmpty)
    }

    @Test("every kind of difference is named")
    func differences() {
        var found = Self.inventory
        found.tables["persons"] = 1
        found.tables["households"] = nil
        found.tables["extra"] = 5
        found.auditHead = AuditChainHead(sequence: 2, hash: String(repeating: "b", count: 64))
        found.migrations = ["a", "c"]
        let differences = BackupDifference.between(
            Self.inventory, found, chain: .broken(sequence: 2, reason: .contentsAltered))
        #expect(
            differences == [
                .missingTable("households"), .rowCount(table: "persons", expected: 2, found: 1),
                .extraTable("extra", rows: 5), .auditChain(AuditChainBreak(sequence: 2, reason: .contentsAltered)),
                .auditHead(expected: Self.head, found: found.auditHead), .migrations(missing: ["b"], extra: ["c"]),
            ])
        #expect(differences[1].description.contains("persons"))
    }

    @Test(
        "a restore goes into an empty database, over records only when forced, and only from the same engine",
        arguments: [
            ([:], false, BackupManifest.Engine.sqlite, nil),
            (["policy_parameters": 40, "assistance_items": 32], false, .sqlite, nil),
            (["audit_events": 1], false, .sqlite, Refusal.Kind.conflict),
            (["persons": 1], true, .sqlite, nil),
            ([:], false, .postgresql, .invalid),
        ] as [([String: Int], Bool, BackupManifest.Engine, Refusal.Kind?)])
    func restoreRule(tables: [String: Int], force: Bool, target: BackupManifest.Engine, refused: Refusal.Kind?) {
        let inventory = DatabaseInventory(tables: tables, auditHead: .genesis, migrations: [])
        let refusal = RestoreRule.check(
            target: inventory, targetEngine: target, manifest: Self.manifest(), force: force)
        #expect(refusal?.kind == refused)
    }
}
