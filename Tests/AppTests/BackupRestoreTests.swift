@testable import App
import Crypto
import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting

/// `minzheng backup` and `minzheng restore`: a copy taken while households are being
/// written is consistent and matches its manifest, restores into an empty database with the
/// same counts and an intact audit chain, and never overwrites a database holding records
/// unless forced.
@Suite("backup and restore")
struct BackupRestoreTests {
    /// PostgreSQL only where pg_dump is installed.
    static var databases: [TestDatabase] {
        TestDatabase.available.filter { $0 == .sqlite || PostgresTools.locate("pg_dump") != nil }
    }

    /// A household of one person, whose ID number is made from `n`.
    static func household(_ app: Application, token: String, _ n: Int) async throws {
        let id = residentID(
            "3204021950" + String(format: "%02d%02d", n / 900 + 1, n % 28 + 1) + String(format: "%03d", n % 900 + 100))
        let response = try await send(
            app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: id))
        #expect(response.status == .created, "\(response.body.string)")
    }

    static func count(_ app: Application, _ table: String) async throws -> Int {
        try await app.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "minzheng-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(
        "a backup while households are written is consistent, restores with the same counts, and is not restored over records unforced",
        arguments: databases)
    func backupWhileWriting(_ db: TestDatabase) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/minzheng.backup"
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            for n in 0..<5 { try await Self.household(app, token: token, n) }
            let before = try await Self.count(app, "households")
            // Writes go on while the backup runs, each household in its own audited transaction.
            let stop = NIOLockedValueBox(false)
            let writer = Task {
                var n = 5
                while !stop.withLockedValue({ $0 }) && n < 600 {
                    try await Self.household(app, token: token, n)
                    n += 1
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            let report = try await app.backups(actor: .system("test")).backup(to: file)
            stop.withLockedValue { $0 = true }
            try await writer.value
            let after = try await Self.count(app, "households")

            let manifest = try BackupManifest.decode(
                try #require(FileManager.default.contents(atPath: BackupManifest.path(forBackup: file))))
            let tables = manifest.inventory.tables
            let households = try #require(tables["households"])
            #expect(households >= before && households <= after)
            #expect(after > before, "households were written meanwhile")
            // Consistent: every household of the copy came with its person and membership, and its event.
            #expect(tables["persons"] == households)
            #expect(tables["memberships"] == households)
            #expect(manifest.inventory.auditHead.sequence == Int64(try #require(tables["audit_events"])))
            #expect(report.rows == manifest.inventory.totalRows && report.checked)
            #expect(manifest.engine == (db == .sqlite ? .sqlite : .postgresql))
            if db == .sqlite {
                // The copy itself, opened on its own: the manifest's counts and an intact chain.
                let (copy, chain) = try await BackupService.checkSQLiteFile(file)
                #expect(copy == manifest.inventory)
                #expect(chain == .intact(count: Int(manifest.inventory.auditHead.sequence)))
            }
            // The backup is on record, after the snapshot it copied.
            let recorded = try await app.sql.raw(
                """
                SELECT COUNT(*) AS n FROM audit_events
                WHERE action = 'backup.create' AND sequence > \(bind: manifest.inventory.auditHead.sequence)
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(recorded == 1)
            // A second backup never overwrites the first.
            await #expect(throws: Refusal.self) { try await app.backups(actor: .system("test")).backup(to: file) }
        }
        let manifest = try BackupManifest.decode(
            try #require(FileManager.default.contents(atPath: BackupManifest.path(forBackup: file))))
        try await withTestApp(db) { app in
            let report = try await app.backups(actor: .system("test")).restore(from: file, force: false)
            #expect(report.rows == manifest.inventory.totalRows)
            let restored = try await InventoryStore(db: app.sql).inventory()
            for (table, rows) in manifest.inventory.tables where table != "audit_events" {
                #expect(restored.tables[table] == rows, "\(table)")
            }
            // The chain goes on intact from the backup's head with the restore's own event.
            #expect(restored.auditHead.sequence == manifest.inventory.auditHead.sequence + 1)
            #expect(try await AuditStore(db: app.sql).verify() == .intact(count: Int(restored.auditHead.sequence)))
            // The restored people are found by their ID numbers.
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let id = residentID("320402195001" + "01" + "100")
            let found = try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["idNumber": id])
            #expect(found.status == .ok)
            #expect(found.body.string.contains("张建国"))

            // Now the database holds records: a second restore is refused unless forced.
            do {
                _ = try await app.backups(actor: .system("test")).restore(from: file, force: false)
                Issue.record("a restore over records was not refused")
            } catch let refusal as Refusal {
                #expect(refusal.kind == .conflict)
                #expect(refusal.field == "force")
            }
            #expect(try await Self.count(app, "households") == manifest.inventory.tables["households"])
            _ = try await app.backups(actor: .system("test")).restore(from: file, force: true)
            #expect(try await Self.count(app, "users") == manifest.inventory.tables["users"])
        }
    }

    @Test("a damaged backup file is refused before anything is written", arguments: databases)
    func damagedFile(_ db: TestDatabase) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/minzheng.backup"
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await Self.household(app, token: token, 1)
            _ = try await app.backups(actor: .system("test")).backup(to: file)
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        try handle.seek(toOffset: 200)
        let byte = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: 200)
        try handle.write(contentsOf: Data([byte ^ 0xFF]))
        try handle.close()
        try await withTestApp(db) { app in
            do {
                _ = try await app.backups(actor: .system("test")).restore(from: file, force: false)
                Issue.record("a damaged backup was restored")
            } catch let refusal as Refusal {
                #expect(refusal.field == "file")
                #expect(refusal.message.contains("SHA-256"))
            }
            #expect(try await Self.count(app, "households") == 0)
        }
    }
}

/// The uploaded files' part of a backup: applicants' documents and the station's photos go
/// into `FILE.files/` with their hashes in the manifest and come back byte-identical; a
/// changed file in the backup is refused by name; a backup made before files were backed up
/// still restores its database.
@Suite("backup and restore of uploaded files")
struct UploadBackupTests {
    static let pdf = Array("%PDF-1.7\n收入证明 backup".utf8)

    /// An application with one document and a station case with one photo; the document's
    /// URL path and the application's street officer's token.
    static func uploads(_ app: Application) async throws -> (document: String, token: String) {
        let f = try await ApplicationFlowTests.fixture(app)
        let a = try await ApplicationFlowTests.dibaoApplication(f)
        let (headers, body) = multipartForm(
            fields: [("requirement", "incomeProof")], file: ("file", "收入证明.pdf", "application/pdf", pdf),
            headers: .bearer(f.resident))
        let sent = try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/api/v1/applications/\(a.id)/documents"), headers: headers, body: body))
        #expect(sent.status == .created, "\(sent.body.string)")
        let id: String = try sent.value("id")
        let staff = try await app.token(role: .districtOfficer, region: "320402")
        let made = try await send(app, .POST, "/api/v1/station-cases", token: staff, json: StationCaseTests.intake)
        let station = try made.json(StationCaseTests.CaseView.self).summary.id
        let photographed = try await StationCaseTests.upload(
            app, station, token: staff, name: "脸.png", type: "image/png", bytes: [UInt8](DemoAdaptations.photo),
            face: true)
        #expect(photographed.status == .created, "\(photographed.body.string)")
        return ("/api/v1/applications/\(a.id)/documents/\(id)", f.streetOfficer)
    }

    static func manifest(_ file: String) throws -> BackupManifest {
        try BackupManifest.decode(
            try #require(FileManager.default.contents(atPath: BackupManifest.path(forBackup: file))))
    }

    @Test(
        "documents and station photos are backed up with their hashes and restored byte-identical; a different file in place is not overwritten unforced",
        arguments: BackupRestoreTests.databases)
    func roundTrip(_ db: TestDatabase) async throws {
        let folder = try BackupRestoreTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/minzheng.backup"
        var download = ("", "")
        try await withTestApp(db) { app in
            download = try await Self.uploads(app)
            let report = try await app.backups(actor: .system("test")).backup(to: file)
            #expect(report.files == 2)
        }
        let files = try #require(try Self.manifest(file).files)
        #expect(files.map { $0.path.split(separator: "/").first! } == ["documents", "station-photos"])
        // The copies are the files as stored: sealed with the data key (the test apps' fixed one).
        let copies = BackupManifest.filesPath(forBackup: file)
        let cipher = FieldCipher(masterKey: SymmetricKey(data: Data(repeating: 7, count: 32)))
        #expect(try StoredUpload.read(copies + "/" + files[0].path, cipher: cipher) == Data(Self.pdf))
        #expect(try StoredUpload.read(copies + "/" + files[1].path, cipher: cipher) == DemoAdaptations.photo)
        // A new server: its data directory holds none of the files.
        try await withTestApp(db) { app in
            let data = app.platform.config.dataDirectory
            #expect(!FileManager.default.fileExists(atPath: data + "/" + files[0].path))
            // A different file where the backup's would go is refused unless forced.
            let other = data + "/" + files[1].path
            try FileManager.default.createDirectory(
                atPath: (other as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: other, contents: Data("other".utf8))
            do {
                _ = try await app.backups(actor: .system("test")).restore(from: file, force: false)
                Issue.record("a different file was overwritten unforced")
            } catch let refusal as Refusal {
                #expect(refusal.field == "force")
                #expect(refusal.message.contains(files[1].path))
            }
            #expect(try await BackupRestoreTests.count(app, "users") == 0)
            try FileManager.default.removeItem(atPath: other)

            let report = try await app.backups(actor: .system("test")).restore(from: file, force: false)
            #expect(report.files == 2)
            for restored in files {
                #expect(
                    FileManager.default.contents(atPath: data + "/" + restored.path)
                        == FileManager.default.contents(atPath: copies + "/" + restored.path))
            }
            #expect(
                try StoredUpload.read(data + "/" + files[1].path, cipher: app.platform.cipher) == DemoAdaptations.photo)
            // The restored document is served again, to the restored account.
            let served = try await send(app, .GET, download.0, token: download.1)
            #expect(served.status == .ok)
            #expect(Array(served.body.readableBytesView) == Self.pdf)
        }
    }

    @Test(
        "a changed file in the backup is refused by name before anything is written",
        arguments: BackupRestoreTests.databases)
    func tampered(_ db: TestDatabase) async throws {
        let folder = try BackupRestoreTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/minzheng.backup"
        try await withTestApp(db) { app in
            _ = try await Self.uploads(app)
            _ = try await app.backups(actor: .system("test")).backup(to: file)
        }
        let photo = try #require(try Self.manifest(file).files?.first { $0.path.hasPrefix("station-photos/") })
        let copy = BackupManifest.filesPath(forBackup: file) + "/" + photo.path
        var bytes = try #require(FileManager.default.contents(atPath: copy))
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: copy))
        try await withTestApp(db) { app in
            do {
                _ = try await app.backups(actor: .system("test")).restore(from: file, force: false)
                Issue.record("a changed file was restored")
            } catch let refusal as Refusal {
                #expect(refusal.field == "file")
                #expect(refusal.message.contains(photo.path))
            }
            #expect(try await BackupRestoreTests.count(app, "users") == 0)
            #expect(
                UploadBackup.regularFiles(under: UploadFolder.documents.path(app.platform.config)).isEmpty)
        }
    }

    @Test(
        "a backup made before uploaded files were backed up restores its database",
        arguments: BackupRestoreTests.databases)
    func withoutFiles(_ db: TestDatabase) async throws {
        let folder = try BackupRestoreTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/minzheng.backup"
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            try await BackupRestoreTests.household(app, token: token, 1)
            _ = try await app.backups(actor: .system("test")).backup(to: file)
        }
        // As the earlier version wrote it: no `files` in the manifest, no folder beside it.
        var manifest = try Self.manifest(file)
        manifest.files = nil
        #expect(!String(decoding: try manifest.encoded(), as: UTF8.self).contains("\"files\""))
        try manifest.encoded().write(to: URL(fileURLWithPath: BackupManifest.path(forBackup: file)))
        try FileManager.default.removeItem(atPath: BackupManifest.filesPath(forBackup: file))
        try await withTestApp(db) { app in
            let report = try await app.backups(actor: .system("test")).restore(from: file, force: false)
            #expect(report.files == nil)
            #expect(try await BackupRestoreTests.count(app, "households") == 1)
        }
    }
}
