@testable import App
import Crypto
import Foundation
import MinzhengCore
import SQLKit
import Testing
import Vapor

/// `minzheng keys rotate`: every encrypted column and blind index under a new key, while the
/// platform keeps reading and writing; cut off after some batches, it resumes and finishes.
@Suite("data key rotation")
struct KeyRotationTests {
    static let households = 12

    /// The key file (not MINZHENG_DATA_KEY), which a rotation needs.
    static func withKeyFileApp(_ db: TestDatabase, _ body: (Application) async throws -> Void) async throws {
        try await withTestApp(db, adjusting: { $0.dataKeyBase64 = nil }, body)
    }

    static func idNumber(_ n: Int) -> String {
        residentID("3204021960" + String(format: "01%02d", n % 28 + 1) + String(format: "%03d", n + 100))
    }

    /// Households of one person each (with a phone), one with a bank account and declared
    /// means, and a resident account for the first person.
    static func seed(_ app: Application, count: Int = households) async throws -> String {
        let token = try await app.token(role: .cityAdmin, region: "3204")
        for n in 0..<count {
            let response = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: RegistryAPITests.household(headID: idNumber(n)))
            #expect(response.status == .created, "\(response.body.string)")
        }
        let cipher = app.platform.cipher
        let person = try #require(
            try await RegistryStore(
                db: app.sql, cipher: cipher, regions: app.platform.regions, clock: app.platform.clock
            ).personID(blindIndexes: cipher.blindIndexes(idNumber(0))))
        try await BankAccountStore(db: app.sql, cipher: cipher).set(
            person: person, account: "6222020000000001", masked: "6222 **** 0001", bank: "工商银行", at: Date())
        let account = try await AccountStore.prepare(
            username: ResidentAccounts.username(
                for: try ResidentID(idNumber(0), today: app.platform.clock.today), cipher: cipher),
            displayName: "张建国", password: "correct horse battery", role: .resident, region: RegionCode("320402001")!,
            hash: { try app.password.hash($0) })
        let store = AccountStore(db: app.sql)
        try await store.link(userID: try await store.insert(account), toPerson: person)
        // A department's feed row naming the person, by blind index.
        try await app.sql.raw(
            """
            INSERT INTO feed_rows (id, kind, source_record_id, department, id_index, person_id, received_at)
            VALUES (\(bind: UUID()), 'death', 'r1', 'civilAffairs', \(bind: cipher.blindIndex(idNumber(0))), \(bind: person), \(bind: Date()))
            """
        ).run()
        return token
    }

    /// Every person is found by ID number (the API search) and their record decrypts.
    static func everyoneFound(_ app: Application, token: String, count: Int = households) async throws {
        let registry = RegistryStore(
            db: app.sql, cipher: app.platform.cipher, regions: app.platform.regions, clock: app.platform.clock)
        for n in 0..<count {
            let found = try await send(
                app, .POST, "/api/v1/persons/search", token: token, json: ["idNumber": idNumber(n)])
            #expect(found.status == .ok)
            let id = try #require(
                try await registry.personID(blindIndexes: app.platform.cipher.blindIndexes(idNumber(n))))
            #expect(found.body.string.contains(id.uuidString.lowercased()) || found.body.string.contains(id.uuidString))
            let detail = try #require(
                try await registry.person(id: id, within: RegionScope(RegionCode("3204")!), revealIdentity: true))
            #expect(detail.idNumber == idNumber(n))
        }
        let byPhone = try await send(app, .POST, "/api/v1/persons/search", token: token, json: ["phone": "13912345678"])
        #expect(byPhone.status == .ok)
        #expect(try byPhone.value("total", as: Int.self) == count)
        let signIn = try await send(
            app, .POST, "/api/v1/sessions", json: ["username": idNumber(0), "password": "correct horse battery"])
        #expect(signIn.status == .created, "the resident signs in with the ID number")
    }

    /// How many of the column's values open under this master key alone.
    static func sealedUnder(_ key: SymmetricKey, _ app: Application, _ query: SQLQueryString) async throws -> Int {
        let only = FieldCipher(masterKey: key)
        return try await app.sql.raw(query).all().filter {
            (try? only.decrypt($0.decode(column: "c", as: String.self))) != nil
        }.count
    }

    static func key(_ app: Application, _ name: String) throws -> SymmetricKey {
        try #require(try DataKeyStore.readKey(at: app.platform.config.dataDirectory + "/" + name))
    }

    static func service(_ app: Application, cipher: FieldCipher? = nil) -> KeyRotationService {
        var service = app.keyRotation(actor: .system("test"))
        if let cipher {
            service = KeyRotationService(
                database: app.db, writer: app.writer(actor: .system("test")), config: app.platform.config,
                cipher: cipher)
        }
        return service
    }

    @Test(
        "a rotation re-keys every column and index; everyone is found and decrypts; the old key is archived",
        arguments: TestDatabase.available)
    func completes(_ db: TestDatabase) async throws {
        try await Self.withKeyFileApp(db) { app in
            let token = try await Self.seed(app)
            let old = try Self.key(app, "data.key")
            // An uploaded photo sealed under the old key.
            let photo = UploadFolder.stationPhotos.path(app.platform.config) + "/case/photo"
            _ = try StoredUpload.save(
                DemoAdaptations.photo, fileName: "a.png", defaultName: "照片", cipher: app.platform.cipher, at: photo)
            let status = try await Self.service(app).rotate(batchSize: 5, grace: .zero)
            #expect(status.state == "complete")
            let new = try Self.key(app, "data.key")
            // The photo was sealed anew: the new key alone opens it.
            #expect(try StoredUpload.read(photo, cipher: FieldCipher(masterKey: new)) == DemoAdaptations.photo)
            #expect(throws: FieldCipher.DecryptionFailed.self) {
                try StoredUpload.read(photo, cipher: FieldCipher(masterKey: old))
            }
            #expect(DataKey(new).id == status.newKeyId && DataKey(old).id == status.oldKeyId)
            #expect(status.keysHeld == [DataKey(new).id])
            let folder = app.platform.config.dataDirectory
            #expect(!FileManager.default.fileExists(atPath: folder + "/data.key.next"))
            #expect(
                try DataKeyStore.readKey(at: folder + "/data.key.retired-\(DataKey(old).id)").map(DataKey.init)?.id
                    == DataKey(old).id)
            // Nothing is left under the old key.
            for query: SQLQueryString in [
                "SELECT id_cipher AS c FROM persons", "SELECT phone_cipher AS c FROM persons",
                "SELECT account_cipher AS c FROM bank_accounts",
            ] {
                #expect(try await Self.sealedUnder(old, app, query) == 0)
                #expect(try await Self.sealedUnder(new, app, query) > 0)
            }
            let feedIndex = try await app.sql.raw("SELECT id_index FROM feed_rows").first()?.decode(
                column: "id_index", as: String.self)
            #expect(feedIndex == FieldCipher(masterKey: new).blindIndex(Self.idNumber(0)))
            let persons = status.tables.first { $0.table == "persons" }
            #expect(persons?.rows == Self.households && persons?.rowsChanged == Self.households)
            #expect(status.tables.first { $0.table == "users" }?.rowsChanged == 1)
            try await Self.everyoneFound(app, token: token)
            // On record, and the chain intact.
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE entity = 'data_key' ORDER BY sequence"
            )
            .all().map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["keys.rotation.start", "keys.rotation.complete"])
            if case .broken = try await AuditStore(db: app.sql).verify() { Issue.record("audit chain broken") }
            // Cut off after completing but before the key files were swapped: the next run only swaps them.
            try DataKeyStore.write(new, to: folder + "/data.key.next")
            try DataKeyStore.write(old, to: folder + "/data.key")
            let swapped = try await Self.service(app).rotate(grace: .zero)
            #expect(swapped.state == "complete" && swapped.newKeyId == status.newKeyId)
            #expect(DataKey(try Self.key(app, "data.key")).id == DataKey(new).id)
            #expect(!FileManager.default.fileExists(atPath: folder + "/data.key.next"))
            // A second rotation starts afresh under yet another key.
            let again = try await Self.service(app).rotate(batchSize: 50, grace: .zero)
            #expect(again.state == "complete" && again.oldKeyId == DataKey(new).id)
            try await Self.everyoneFound(app, token: token)
        }
    }

    @Test(
        "a rotation cut off after some batches keeps reads and writes working, and resumes to the end",
        arguments: TestDatabase.available)
    func resumes(_ db: TestDatabase) async throws {
        try await Self.withKeyFileApp(db) { app in
            let token = try await Self.seed(app)
            let old = try Self.key(app, "data.key")
            // Two batches of three persons, then the process "crashes".
            let cut = try await Self.service(app).rotate(batchSize: 3, maxBatches: 2, grace: .zero)
            #expect(cut.state == "running" && cut.phase == 1)
            #expect(cut.tables.first { $0.table == "persons" }?.rowsDone == 6)
            let next = try Self.key(app, "data.key.next")
            #expect(try await Self.sealedUnder(next, app, "SELECT id_cipher AS c FROM persons") == 6)
            #expect(try await Self.sealedUnder(old, app, "SELECT id_cipher AS c FROM persons") == Self.households - 6)
            let status = try await Self.service(app).status()
            #expect(status.state == "running" && status.keysHeld == [DataKey(next).id, DataKey(old).id])

            // Meanwhile: everyone is found and decrypts, under either key; new records are written.
            try await Self.everyoneFound(app, token: token)
            let added = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: RegistryAPITests.household(headID: Self.idNumber(Self.households)))
            #expect(added.status == .created)
            // A person still under the old key is refused as a duplicate, and found by a move-in.
            let oldOnly = FieldCipher(masterKey: old)
            let stillOld = try #require(
                try await app.sql.raw("SELECT id_cipher FROM persons").all().compactMap {
                    try? oldOnly.decrypt($0.decode(column: "id_cipher", as: String.self))
                }.first)
            let duplicate = try await send(
                app, .POST, "/api/v1/households", token: token, json: RegistryAPITests.household(headID: stillOld))
            #expect(duplicate.status == .conflict, "\(duplicate.body.string)")
            // Bulk jobs wait for the rotation.
            #expect(throws: Refusal.self) { try app.platform.cipher.requireNoRotation() }

            // A new process resumes from the stored progress, one row a batch, while the
            // platform goes on finding people.
            let fresh = FieldCipher(ring: try DataKeyStore.ring(config: app.platform.config))
            let reader = Task {
                for _ in 0..<3 { try await Self.everyoneFound(app, token: token, count: Self.households + 1) }
            }
            let done = try await Self.service(app, cipher: fresh).rotate(batchSize: 1, grace: .zero)
            try await reader.value
            #expect(done.state == "complete")
            app.platform.cipher.ring.reload()
            let new = try Self.key(app, "data.key")
            #expect(DataKey(new).id == DataKey(next).id)
            #expect(try await Self.sealedUnder(old, app, "SELECT id_cipher AS c FROM persons") == 0)
            try await Self.everyoneFound(app, token: token, count: Self.households + 1)
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM persons").first()?.decode(column: "n", as: Int.self)
                    == Self.households + 1)
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE entity = 'data_key' ORDER BY sequence"
            )
            .all().map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["keys.rotation.start", "keys.rotation.resume", "keys.rotation.complete"])
            try app.platform.cipher.requireNoRotation()
        }
    }

    @Test("a key given by MINZHENG_DATA_KEY is not rotated")
    func environmentKey() async throws {
        try await withTestApp(.sqlite) { app in
            await #expect(throws: Refusal.self) { _ = try await Self.service(app).rotate(grace: .zero) }
        }
    }
}

@Suite("the data key ring")
struct DataKeyRingTests {
    static let (old, new) = (
        SymmetricKey(data: Data(repeating: 1, count: 32)), SymmetricKey(data: Data(repeating: 2, count: 32))
    )

    @Test("during a rotation the new key seals and indexes first, either key opens, and lookups ask for both")
    func rotating() throws {
        let before = FieldCipher(masterKey: Self.old)
        let after = FieldCipher(masterKey: Self.new)
        let both = FieldCipher(ring: DataKeyRing(keys: [DataKey(Self.new), DataKey(Self.old)]))
        let sealedBefore = before.encrypt("13900000000")
        #expect(try both.decrypt(sealedBefore) == "13900000000")
        #expect(try after.decrypt(both.encrypt("13900000000")) == "13900000000")
        #expect(both.blindIndex("x") == after.blindIndex("x"))
        #expect(both.blindIndexes("x") == [after.blindIndex("x"), before.blindIndex("x")])
        let resealed = try #require(try both.reencrypt(sealedBefore))
        #expect(try after.decrypt(resealed) == "13900000000")
        #expect(try both.reencrypt(resealed) == nil, "already under the current key")
        #expect(throws: FieldCipher.DecryptionFailed.self) { try after.decrypt(sealedBefore) }
        #expect(DataKey(Self.old).id != DataKey(Self.new).id && DataKey(Self.old).id.count == 16)
        try before.requireNoRotation()
        #expect(throws: Refusal.self) { try both.requireNoRotation() }
    }
}
