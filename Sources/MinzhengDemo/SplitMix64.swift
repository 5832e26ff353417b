import MinzhengCore

/// The generator's own pseudo-random source (SplitMix64, Steele et al. 2014).
///
/// Synthetic data must be reproducible from a seed on every platform and Swift version,
/// so neither `SystemRandomNumberGenerator` nor the standard library's `random(in:)`
/// (whose algorithm is not specified) is used.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`, by the multiply-high method: one draw, bias below n / 2⁶⁴.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "empty range")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }
}
