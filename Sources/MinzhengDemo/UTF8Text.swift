import MinzhengCore

/// A reusable byte buffer for assembling generated text (names, addresses, phone and ID
/// numbers) without Foundation formatting: one `String` per text and no other allocation.
struct UTF8Text {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(96) }

    mutating func start() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ piece: [UInt8]) { bytes.append(contentsOf: piece) }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// `n` (≥ 0) in decimal, zero-padded to `width` digits.
    mutating func append(number n: Int, width: Int = 1) {
        var digits = 1, power = 10
        while power <= n { digits += 1; power *= 10 }
        for _ in digits..<max(width, digits) { bytes.append(48) }
        var divisor = power / 10
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + (n / divisor) % 10))
            divisor /= 10
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Word lists are encoded to UTF-8 once, when built, not each time a word is used.
func utf8Words(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

func utf8Words(_ weighted: [(String, Int)]) -> [([UInt8], Int)] { weighted.map { (Array($0.0.utf8), $0.1) } }
