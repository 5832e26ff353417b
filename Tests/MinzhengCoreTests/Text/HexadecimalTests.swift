import Testing
@testable import MinzhengCore

@Suite("Bytes as hexadecimal")
struct HexadecimalTests {
    @Test("two lowercase digits a byte, leading zero kept; nothing for no bytes")
    func digits() {
        #expect([UInt8]([0x00, 0x0F, 0xA5, 0xFF, 0x10]).hexadecimal == "000fa5ff10")
        #expect([UInt8]().hexadecimal == "")
        let all = (0...255).map { UInt8($0) }.hexadecimal
        #expect(all.count == 512)
        #expect(all.hasPrefix("000102") && all.hasSuffix("fdfeff"))
    }
}
