@testable import App
import Crypto
import Foundation
import Testing

@Suite("personal data at rest: encryption and the blind index")
struct FieldCipherTests {
    let master = SymmetricKey(data: Data(repeating: 7, count: 32))

    @Test(
        "the blind index is the first 128 bits of HMAC-SHA256 under the derived index key, in hex, stable across calls")
    func blindIndex() {
        let cipher = FieldCipher(masterKey: master)
        let indexKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("minzheng blind index".utf8), outputByteCount: 32)
        for id in ["32040219800101001X", "320402198001010028", "常州"] {
            let expected = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: indexKey).prefix(16)
                .map { String(format: "%02x", $0) }.joined()
            #expect(cipher.blindIndex(id) == expected)
            #expect(cipher.blindIndex(id) == cipher.blindIndex(id))
        }
        #expect(cipher.blindIndex("32040219800101001X") != cipher.blindIndex("320402198001010028"))
    }

    @Test("encryption round-trips, uses a fresh nonce each time, and fails under another key")
    func encryption() throws {
        let cipher = FieldCipher(masterKey: master)
        let sealed = cipher.encrypt("13900000000")
        #expect(try cipher.decrypt(sealed) == "13900000000")
        #expect(cipher.encrypt("13900000000") != sealed)
        let other = FieldCipher(masterKey: SymmetricKey(data: Data(repeating: 8, count: 32)))
        #expect(throws: FieldCipher.DecryptionFailed.self) { try other.decrypt(sealed) }
    }
}
