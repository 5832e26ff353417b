import Crypto
import Foundation
import MinzhengCore

/// Uploaded files at rest: sealed with AES-GCM under the data key's encryption subkey, behind
/// a small header naming the key — `MZSEAL1\n` ‖ the key's 16-character id ‖ nonce ‖
/// ciphertext ‖ tag. A file without the header is one written before files were sealed and
/// is read as it is (an upload is a PDF, JPEG or PNG by its first bytes, never the header).
extension FieldCipher {
    static let fileMagic = Data("MZSEAL1\n".utf8)
    static let fileHeaderLength = fileMagic.count + 16

    /// The bytes sealed under the current key, with the header.
    func sealFile(_ plain: Data) -> Data {
        let key = ring.current
        // Sealing only fails for a nonce of the wrong size; CryptoKit draws a random one.
        let box = try! AES.GCM.seal(plain, using: key.encryptionKey)
        return Self.fileMagic + Data(key.id.utf8) + box.combined!
    }

    /// The plain bytes of a stored file: opened under the key its header names (any key of
    /// the ring), or the bytes themselves when there is no header.
    func openFile(_ stored: Data) throws -> Data {
        guard let (id, box) = try Self.sealedParts(stored) else { return stored }
        let keys = ring.keys
        for key in keys.filter({ $0.id == id }) + keys.filter({ $0.id != id }) {
            if let plain = try? AES.GCM.open(box, using: key.encryptionKey) { return plain }
        }
        throw DecryptionFailed()
    }

    /// The file sealed anew under the current key, or nil when it already is: what a key
    /// rotation writes back (a plain legacy file is sealed too).
    func resealFile(_ stored: Data) throws -> Data? {
        if let (id, _) = try Self.sealedParts(stored), id == ring.current.id { return nil }
        return sealFile(try openFile(stored))
    }

    /// The key id and the box of a sealed file; nil for a plain one; a damaged header throws.
    private static func sealedParts(_ stored: Data) throws -> (String, AES.GCM.SealedBox)? {
        guard stored.starts(with: fileMagic) else { return nil }
        let id = String(decoding: Data(stored.dropFirst(fileMagic.count).prefix(16)), as: UTF8.self)
        guard stored.count > fileHeaderLength,
            let box = try? AES.GCM.SealedBox(combined: Data(stored.dropFirst(fileHeaderLength)))
        else { throw DecryptionFailed() }
        return (id, box)
    }
}

extension FieldCipher {
    /// Seals anew under the current key every uploaded file (`UploadFolder`) under
    /// `dataDirectory` that is not already — each written aside and renamed; a key rotation
    /// runs it while both keys are held. Returns how many files it rewrote.
    func resealUploads(under dataDirectory: String) throws -> Int {
        var changed = 0
        for upload in UploadFolder.allCases {
            let folder = UploadFolder.path(upload.rawValue, under: dataDirectory)
            for relative in UploadBackup.regularFiles(under: folder) where !relative.hasSuffix(".resealing") {
                let path = folder + "/" + relative
                guard let stored = FileManager.default.contents(atPath: path), let sealed = try resealFile(stored)
                else { continue }
                guard
                    FileManager.default.createFile(
                        atPath: path + ".resealing", contents: sealed, attributes: [.posixPermissions: 0o600]),
                    rename(path + ".resealing", path) == 0
                else { throw Refusal(.failed, "无法以新密钥重写文件 \(upload.rawValue)/\(relative)") }
                changed += 1
            }
        }
        return changed
    }
}
