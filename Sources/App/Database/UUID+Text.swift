import Foundation

extension UUID {
    /// Parses the 36-character text form (either case), as SQLKit stores ids on SQLite.
    /// Foundation's `UUID(uuidString:)` goes through `sscanf` on Linux, which was a tenth
    /// of a feed ingest's time.
    init?(text: String) {
        var text = text
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = text.withUTF8 { chars in
            withUnsafeMutableBytes(of: &uuid) { out -> Bool in
                guard chars.count == 36 else { return false }
                var byte = 0
                var i = 0
                while i < 36 {
                    if i == 8 || i == 13 || i == 18 || i == 23 {
                        guard chars[i] == UInt8(ascii: "-") else { return false }
                        i += 1
                        continue
                    }
                    guard let high = hexValue(chars[i]), let low = hexValue(chars[i + 1]) else { return false }
                    out[byte] = high << 4 | low
                    byte += 1
                    i += 2
                }
                return true
            }
        }
        guard parsed else { return nil }
        self.init(uuid: uuid)
    }

    /// The upper-case text form, as `uuidString` gives it, without Foundation's `sprintf`
    /// per byte (a thirtieth of a feed ingest, binding ids).
    var text: String {
        String(unsafeUninitializedCapacity: 36) { write(into: $0) }
    }

    /// The 36 bytes of `text` in a stack buffer, for binding without a String.
    func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            let count = write(into: buffer)
            return try body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private func write(into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        withUnsafeBytes(of: uuid) { bytes in
            var o = 0
            for (i, byte) in bytes.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 {
                    out[o] = UInt8(ascii: "-")
                    o += 1
                }
                out[o] = upperHexDigits[Int(byte >> 4)]
                out[o + 1] = upperHexDigits[Int(byte & 0x0F)]
                o += 2
            }
            return o
        }
    }
}

private let upperHexDigits = Array("0123456789ABCDEF".utf8)

@inline(__always)
private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}
