import Crypto
import Foundation
import MinzhengCore

/// An uploaded file checked by the application documents' rules (`DocumentRules`: not empty,
/// ≤ 10 MB, PDF/JPEG/PNG by content) and written outside the database (folder 0700, file
/// 0600), sealed with the data key (`FieldCipher.sealFile`); read back with `read(_:cipher:)`.
/// Its folder is one of `UploadFolder`. Used by application documents and photos alike.
struct StoredUpload: Sendable {
    let kind: DocumentKind
    let sha256: String
    let size: Int
    /// The name to show and download under (the uploader's, or one from the kind).
    let fileName: String
    let path: String

    /// Checks the bytes (a refusal naming `field`), then writes them sealed at `path`; the
    /// size and SHA-256 are those of the plain bytes.
    static func save(
        _ data: Data, fileName: String, field: String = "file", defaultName: String, cipher: FieldCipher,
        at path: String
    )
        throws -> StoredUpload
    {
        let checked: CheckedUpload
        do {
            checked = try DocumentRules.check(
                fileName: fileName, byteCount: data.count, prefix: Array(data.prefix(DocumentKind.sniffLength)),
                defaultName: defaultName)
        } catch {
            throw Refusal.invalid(field, error.chinese)
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard
            FileManager.default.createFile(
                atPath: path, contents: cipher.sealFile(data), attributes: [.posixPermissions: 0o600])
        else {
            throw Refusal(.failed, "无法保存上传的文件，请稍后重试")
        }
        let digest = SHA256.hash(data: data).hexadecimal
        return StoredUpload(
            kind: checked.kind, sha256: digest, size: data.count, fileName: checked.fileName, path: path)
    }

    /// The plain bytes of the file at `path` (nil when there is none): sealed ones opened, a
    /// plain one written before files were sealed as it is.
    static func read(_ path: String, cipher: FieldCipher) throws -> Data? {
        guard let stored = FileManager.default.contents(atPath: path) else { return nil }
        return try cipher.openFile(stored)
    }

    /// Removes the file again when the database write that records it failed.
    func discard() { try? FileManager.default.removeItem(atPath: path) }
}
