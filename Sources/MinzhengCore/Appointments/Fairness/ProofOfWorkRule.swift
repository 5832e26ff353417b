/// The proof of work asked on popular dates: the answer's hash must start with `bits` zero
/// bits, about 2^bits tries (18 bits ≈ 1 s of a phone's CPU), so a script pays for each try.
public enum ProofOfWorkRule {
    /// The number of leading zero bits of `digest`.
    public static func leadingZeroBits<Bytes: Sequence>(_ digest: Bytes) -> Int where Bytes.Element == UInt8 {
        var count = 0
        for byte in digest {
            if byte == 0 {
                count += 8
                continue
            }
            return count + byte.leadingZeroBitCount
        }
        return count
    }
}
