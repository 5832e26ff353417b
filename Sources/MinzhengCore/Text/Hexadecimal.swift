/// Bytes as lowercase hexadecimal digits, two a byte: the form digests, blind indexes and
/// token hashes are stored in. Written without Foundation's `String(format:)`, which costs a
/// formatted string per byte (an API token is hashed on every request).
extension Sequence where Element == UInt8 {
    public var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
