import Crypto
import Foundation

/// Encrypts personal data (ID numbers, phone numbers, bank accounts) at rest with
/// AES-GCM, and derives a keyed blind index (HMAC-SHA256) so that exact lookups work
/// without the plain value ever being stored.
public struct FieldCipher: Sendable {
    private let encryptionKey: SymmetricKey
    /// HMAC keyed once: each blind index copies it (a value type) instead of hashing the
    /// key again, which was half the cost of an index.
    private let keyedIndexMAC: HMAC<SHA256>

    public struct DecryptionFailed: Error, CustomStringConvertible {
        public var description: String { "无法解密个人数据：数据密钥与数据库不匹配" }
    }

    public init(masterKey: SymmetricKey) {
        // Separate subkeys so that the index never reveals anything about the ciphertext key.
        encryptionKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: masterKey, info: Data("minzheng field encryption".utf8), outputByteCount: 32)
        let indexKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: masterKey, info: Data("minzheng blind index".utf8), outputByteCount: 32)
        keyedIndexMAC = HMAC<SHA256>(key: indexKey)
    }

    /// Base64 of nonce ‖ ciphertext ‖ tag.
    public func encrypt(_ plain: String) -> String {
        // A seal only fails for a nonce of the wrong size, which cannot happen here. A random
        // 96-bit nonce, as CryptoKit would draw, but from the pool (one system call per 340).
        let (a, b) = (RandomPool.shared.next(), RandomPool.shared.next())
        let nonce = try! AES.GCM.Nonce(
            data: withUnsafeBytes(of: (a, UInt32(truncatingIfNeeded: b))) { Data($0.prefix(12)) })
        let box = try! AES.GCM.seal(Data(plain.utf8), using: encryptionKey, nonce: nonce)
        return box.combined!.base64EncodedString()
    }

    public func decrypt(_ stored: String) throws -> String {
        guard let data = Data(base64Encoded: stored),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: encryptionKey)
        else { throw DecryptionFailed() }
        return String(decoding: plain, as: UTF8.self)
    }

    /// 32 hex characters: the first 128 bits of HMAC-SHA256 of the value.
    public func blindIndex(_ plain: String) -> String {
        var hmac = keyedIndexMAC
        var plain = plain
        plain.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let mac = hmac.finalize()
        var hex = ""
        hex.reserveCapacity(32)
        for byte in mac.prefix(16) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return hex
    }
}

private let hexDigits: [Character] = Array("0123456789abcdef")

/// Where the master key comes from: `MINZHENG_DATA_KEY`, or a key file created on first
/// start under the data folder with mode 600.
enum DataKeyStore {
    static func load(config: AppConfig) throws -> SymmetricKey {
        if let base64 = config.dataKeyBase64, let data = Data(base64Encoded: base64) {
            return SymmetricKey(data: data)
        }
        let path = config.dataDirectory + "/data.key"
        let fm = FileManager.default
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
            let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32
        {
            return SymmetricKey(data: data)
        }
        if fm.fileExists(atPath: path) {
            throw AppConfig.Invalid(
                variable: "MINZHENG_DATA_KEY", reason: "key file \(path) is unreadable or not 32 bytes of base64")
        }
        try fm.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
        guard fm.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw AppConfig.Invalid(variable: "MINZHENG_DATA_DIR", reason: "cannot write the key file \(path)")
        }
        return key
    }
}
