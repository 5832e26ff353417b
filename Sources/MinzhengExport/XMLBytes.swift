/// UTF-8 bytes of XML under construction. Markup is appended as written; text goes through
/// `appendEscaped`, the one place that makes arbitrary strings safe to put in a part.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Markup and other text that needs no escaping (tags, numbers, our own attribute values).
    mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Appends `text` as XML character data (also fine inside a double-quoted attribute):
    /// - `<`, `>`, `&` and `"` become entities;
    /// - characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) are
    ///   dropped, since no escape can represent them and one would make the whole file unreadable;
    /// - an `_` that starts `_xHHHH_` becomes `_x005F_`, because Excel reads `_xHHHH_` in a
    ///   string as an escaped character and would otherwise change the text.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "\""): append("&quot;")
                case 0x09, 0x0A, 0x0D: bytes.append(byte)
                case 0x00..<0x20: break
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                    index += 2  // U+FFFE or U+FFFF, encoded EF BF BE / EF BF BF
                case UInt8(ascii: "_") where Self.startsExcelEscape(utf8, at: index):
                    append("_x005F_")
                default: bytes.append(byte)
                }
                index += 1
            }
        }
    }

    /// Whether `_xHHHH_` (H a hexadecimal digit, either case) starts at `index`.
    private static func startsExcelEscape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return (index + 2...index + 5).allSatisfy { isHexDigit(utf8[$0]) }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }
}
