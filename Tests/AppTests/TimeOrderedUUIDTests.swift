@testable import App
import Foundation
import Testing

@Suite("UUID.random (version 7)")
struct TimeOrderedUUIDTests {
    @Test("version 7, RFC variant, and ids of later milliseconds sort after earlier ones")
    func ordered() {
        let early = UUID.random(now: Date(timeIntervalSince1970: 1_700_000_000.000))
        let later = UUID.random(now: Date(timeIntervalSince1970: 1_700_000_000.002))
        #expect(early.uuidString.dropFirst(14).first == "7")
        #expect("89AB".contains(early.uuidString.dropFirst(19).first!))
        #expect(early.uuidString < later.uuidString)
        #expect(early.uuidString.hasPrefix("018BCFE5-6800"), "48-bit milliseconds first: \(early.uuidString)")
        #expect(Set((0..<1000).map { _ in UUID.random() }).count == 1000)
    }
}
