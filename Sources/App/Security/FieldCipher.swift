import Crypto
import Foundation
import MinzhengCore
import NIOConcurrencyHelpers

/// Encrypts personal data (ID numbers, phone numbers, bank accounts) at rest with
/// AES-GCM, and derives a keyed blind index (HMAC-SHA256) so that exact lookups work
/// without the plain value ever being stored.
public struct FieldCipher: Sendable {
    /// The data keys in use: one, or during a key rotation the new one (which seals and
    /// indexes) and the old one (which still opens and finds what is not yet re-encrypted).
    let ring: DataKeyRing

    public struct DecryptionFailed: Error, CustomStringConvertible {
        public var description: String { "无法解密个人数据：数据密钥与数据库不匹配" }
    }

    public init(masterKey: SymmetricKey) {
        ring = DataKeyRing(keys: [DataKey(masterKey)])
    }

    init(ring: DataKeyRing) {
        self.ring = ring
    }

    /// Base64 of nonce ‖ ciphertext ‖ tag, under the current key.
    public func encrypt(_ plain: String) -> String {
        ring.current.encrypt(plain)
    }

    /// Opens a value sealed under any key of the ring, the current one first.
    public func decrypt(_ stored: String) throws -> String {
        let keys = ring.keys
        guard let data = Data(base64Encoded: stored), let box = try? AES.GCM.SealedBox(combined: data) else {
            throw DecryptionFailed()
        }
        for key in keys {
            if let plain = try? AES.GCM.open(box, using: key.encryptionKey) {
                return String(decoding: plain, as: UTF8.self)
            }
        }
        throw DecryptionFailed()
    }

    /// The value sealed anew under the current key, or nil when it already is: what a key
    /// rotation writes back.
    func reencrypt(_ stored: String) throws -> String? {
        let current = ring.current
        if let data = Data(base64Encoded: stored), let box = try? AES.GCM.SealedBox(combined: data),
            (try? AES.GCM.open(box, using: current.encryptionKey)) != nil
        {
            return nil
        }
        return current.encrypt(try decrypt(stored))
    }

    /// 32 hex characters: the first 128 bits of HMAC-SHA256 of the value, under the current key.
    public func blindIndex(_ plain: String) -> String {
        ring.current.blindIndex(plain)
    }

    /// The value's blind index under every key of the ring, the current one first: a lookup
    /// asks for all of them, since a row not yet re-keyed by a rotation holds the old one.
    public func blindIndexes(_ plain: String) -> [String] {
        ring.keys.map { $0.blindIndex(plain) }
    }

    /// Refuses a bulk write while a key rotation runs (the ring is read from the key files
    /// again first): a bulk job finds stored persons by one blind index, and would not see
    /// those still under the other key.
    func requireNoRotation() throws {
        ring.reload()
        guard ring.keys.count == 1 else {
            throw Refusal(.conflict, "数据密钥轮换进行中，批量导入和生成暂停；轮换完成（minzheng keys status）后重新运行即可")
        }
    }
}

/// One master key's derived keys. Separate subkeys, so that the index never reveals
/// anything about the ciphertext key.
struct DataKey: Sendable {
    let encryptionKey: SymmetricKey
    /// HMAC keyed once: each blind index copies it (a value type) instead of hashing the
    /// key again, which was half the cost of an index.
    let keyedIndexMAC: HMAC<SHA256>
    /// 16 hex characters naming the key (an HMAC of a fixed text), safe to store and print.
    let id: String

    init(_ masterKey: SymmetricKey) {
        encryptionKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: masterKey, info: Data("minzheng field encryption".utf8), outputByteCount: 32)
        let indexKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: masterKey, info: Data("minzheng blind index".utf8), outputByteCount: 32)
        keyedIndexMAC = HMAC<SHA256>(key: indexKey)
        id =
            HMAC<SHA256>.authenticationCode(for: Data("minzheng key id".utf8), using: masterKey).prefix(8)
            .hexadecimal
    }

    func encrypt(_ plain: String) -> String {
        // A seal only fails for a nonce of the wrong size, which cannot happen here. A random
        // 96-bit nonce, as CryptoKit would draw, but from the pool (one system call per 340).
        let (a, b) = (RandomPool.shared.next(), RandomPool.shared.next())
        let nonce = try! AES.GCM.Nonce(
            data: withUnsafeBytes(of: (a, UInt32(truncatingIfNeeded: b))) { Data($0.prefix(12)) })
        let box = try! AES.GCM.seal(Data(plain.utf8), using: encryptionKey, nonce: nonce)
        return box.combined!.base64EncodedString()
    }

    func blindIndex(_ plain: String) -> String {
        var hmac = keyedIndexMAC
        var plain = plain
        plain.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return hmac.finalize().prefix(16).hexadecimal
    }
}

/// The keys a process holds, shared by every copy of its `FieldCipher`, and read again from
/// the key files (`DataKeyStore.keys`) when a rotation starts or ends — every few seconds by
/// a running server (`DataKeyWatcher`), before every batch by a bulk job.
final class DataKeyRing: @unchecked Sendable {
    private let lock = NIOLock()
    private var held: [DataKey]
    /// Where the keys come from; nil for a ring of fixed keys.
    let config: AppConfig?

    init(keys: [DataKey], config: AppConfig? = nil) {
        held = keys
        self.config = config
    }

    /// The current key first; the old one second during a rotation.
    var keys: [DataKey] { lock.withLock { held } }
    var current: DataKey { lock.withLock { held[0] } }

    /// Reads the key files again; keeps the keys held when they cannot be read.
    func reload() {
        guard let config, let keys = try? DataKeyStore.keys(config: config) else { return }
        lock.withLock { held = keys }
    }
}

/// Where the master key comes from: `MINZHENG_DATA_KEY`, or a key file created on first
/// start under the data folder with mode 600.
enum DataKeyStore {
    /// The key file of the next key while a rotation runs (`minzheng keys rotate`).
    static func nextPath(_ config: AppConfig) -> String { config.dataDirectory + "/data.key.next" }
    static func path(_ config: AppConfig) -> String { config.dataDirectory + "/data.key" }

    /// The ring of a process: the key, and while a rotation runs the next key before it.
    static func ring(config: AppConfig) throws -> DataKeyRing {
        DataKeyRing(keys: try keys(config: config), config: config)
    }

    /// The next key is read before the key: a rotation's end renames the next key file over
    /// the key file, so a reader never sees the old key alone once the next one is in use.
    static func keys(config: AppConfig) throws -> [DataKey] {
        let next = try readKey(at: nextPath(config)).map(DataKey.init)
        let key = DataKey(try load(config: config))
        guard let next, next.id != key.id else { return [key] }
        return [next, key]
    }

    /// The 32-byte key in a key file, nil when there is no such file.
    static func readKey(at path: String) throws -> SymmetricKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32
        else {
            throw AppConfig.Invalid(
                variable: "MINZHENG_DATA_DIR", reason: "key file \(path) is unreadable or not 32 bytes of base64")
        }
        return SymmetricKey(data: data)
    }

    /// Writes a key file with mode 600, whole or not at all (written aside, then renamed).
    static func write(_ key: SymmetricKey, to path: String) throws {
        let text = key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
        let aside = path + ".writing"
        try? FileManager.default.removeItem(atPath: aside)
        guard
            FileManager.default.createFile(
                atPath: aside, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw AppConfig.Invalid(variable: "MINZHENG_DATA_DIR", reason: "cannot write the key file \(path)") }
        guard rename(aside, path) == 0 else {
            throw AppConfig.Invalid(variable: "MINZHENG_DATA_DIR", reason: "cannot write the key file \(path)")
        }
    }

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
