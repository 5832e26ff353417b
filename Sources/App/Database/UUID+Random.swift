import Foundation

extension UUID {
    /// A version-7 UUID: 48 bits of Unix milliseconds, then random bits from the system's
    /// cryptographic generator (through `RandomPool`). Records created together get neighbouring ids, so inserts
    /// land at the end of the primary-key and foreign-key indexes instead of all over them
    /// (random ids made the bulk writers read index pages back from disk). `UUID()` on
    /// Linux also opens /dev/urandom for every value.
    static func random(now: Date = Date()) -> UUID {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let random = (RandomPool.shared.next(), RandomPool.shared.next())
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * i)) }
        for i in 6..<16 { b[i] = UInt8(truncatingIfNeeded: (i < 11 ? random.0 : random.1) >> (8 * (i % 8))) }
        b[6] = (b[6] & 0x0F) | 0x70  // version 7
        b[8] = (b[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
        )
    }
}
