@testable import App
import Crypto
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// Uploaded files at rest: sealed with the data key behind a header naming it, read back
/// through `StoredUpload.read`; files written before sealing still read; a key rotation seals
/// them anew under the new key.
@Suite("uploaded files sealed at rest")
struct UploadSealTests {
    static let png = DemoAdaptations.photo
    static let pngSignature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    @Test("a sealed file hides its bytes, opens under any key of the ring, and a plain one reads as it is")
    func sealAndOpen() throws {
        let (old, new) = (SymmetricKey(size: .bits256), SymmetricKey(size: .bits256))
        let before = FieldCipher(masterKey: old)
        let sealed = before.sealFile(Self.png)
        #expect(sealed.starts(with: FieldCipher.fileMagic))
        #expect(sealed.range(of: Self.pngSignature) == nil)
        #expect(try before.openFile(sealed) == Self.png)
        #expect(try before.openFile(Self.png) == Self.png)
        // During a rotation: both keys held, the file sealed anew under the new one.
        let rotating = FieldCipher(ring: DataKeyRing(keys: [DataKey(new), DataKey(old)]))
        let resealed = try #require(try rotating.resealFile(sealed))
        #expect(try rotating.resealFile(resealed) == nil)
        let after = FieldCipher(masterKey: new)
        #expect(try after.openFile(resealed) == Self.png)
        #expect(throws: FieldCipher.DecryptionFailed.self) { try after.openFile(sealed) }
        // A damaged file is refused, not served.
        var damaged = resealed
        damaged[damaged.count - 1] ^= 1
        #expect(throws: FieldCipher.DecryptionFailed.self) { try after.openFile(damaged) }
    }

    @Test("a key rotation's walk seals every upload anew, plain legacy files too")
    func reseal() throws {
        let folder = NSTemporaryDirectory() + "minzheng-seal-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (old, new) = (SymmetricKey(size: .bits256), SymmetricKey(size: .bits256))
        let photos = UploadFolder.path(UploadFolder.stationPhotos.rawValue, under: folder) + "/c"
        try FileManager.default.createDirectory(atPath: photos, withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: photos + "/sealed", contents: FieldCipher(masterKey: old).sealFile(Self.png))
        FileManager.default.createFile(atPath: photos + "/plain", contents: Self.png)
        let rotating = FieldCipher(ring: DataKeyRing(keys: [DataKey(new), DataKey(old)]))
        #expect(try rotating.resealUploads(under: folder) == 2)
        #expect(try rotating.resealUploads(under: folder) == 0)
        let after = FieldCipher(masterKey: new)
        for name in ["sealed", "plain"] {
            #expect(try StoredUpload.read(photos + "/" + name, cipher: after) == Self.png, "\(name)")
        }
    }

    @Test(
        "a document and a station photo are sealed on disk, served plain, and a file stored plain before still reads",
        arguments: TestDatabase.available)
    func onDisk(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (download, token) = try await UploadBackupTests.uploads(app)
            let data = app.platform.config.dataDirectory
            let files = UploadFolder.allCases.flatMap { upload in
                UploadBackup.regularFiles(under: upload.path(app.platform.config)).map { upload.rawValue + "/" + $0 }
            }.sorted()
            #expect(files.count == 2)
            let (document, photo) = (data + "/" + files[0], data + "/" + files[1])
            let stored = try #require(FileManager.default.contents(atPath: photo))
            #expect(stored.range(of: Self.pngSignature) == nil)
            #expect(try StoredUpload.read(photo, cipher: app.platform.cipher) == Self.png)
            let sealedDocument = try #require(FileManager.default.contents(atPath: document))
            #expect(sealedDocument.range(of: Data("%PDF".utf8)) == nil)
            let served = try await send(app, .GET, download, token: token)
            #expect(Array(served.body.readableBytesView) == UploadBackupTests.pdf)
            // As an earlier version stored it: the plain bytes.
            try Data(UploadBackupTests.pdf).write(to: URL(fileURLWithPath: document))
            let legacy = try await send(app, .GET, download, token: token)
            #expect(legacy.status == .ok)
            #expect(Array(legacy.body.readableBytesView) == UploadBackupTests.pdf)
        }
    }
}
