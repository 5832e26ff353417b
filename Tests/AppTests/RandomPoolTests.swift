@testable import App
import Crypto
import Foundation
import Testing

@Suite("random pool")
struct RandomPoolTests {
    @Test("values across several refills are distinct and every bit is set about half the time")
    func spread() {
        let draws = (0..<4_000).map { _ in RandomPool.shared.next() }
        #expect(Set(draws).count == draws.count)
        for bit in 0..<64 {
            let ones = draws.filter { $0 & (1 << UInt64(bit)) != 0 }.count
            #expect((1_600...2_400).contains(ones), "bit \(bit) set in \(ones) of 4000")
        }
    }

    @Test("an encrypted field gets a fresh nonce each time and still opens")
    func nonces() throws {
        let cipher = FieldCipher(masterKey: SymmetricKey(size: .bits256))
        let sealed = (0..<1_000).map { _ in cipher.encrypt("320402196503124015") }
        let nonces = Set(sealed.map { Data(base64Encoded: $0)!.prefix(12) })
        #expect(nonces.count == sealed.count)
        for text in sealed.prefix(10) { #expect(try cipher.decrypt(text) == "320402196503124015") }
    }
}
