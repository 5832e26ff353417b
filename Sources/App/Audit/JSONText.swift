/// JSON written straight into a string, for the audit records of bulk jobs: `JSONEncoder`
/// spent 2 s of CPU on the 100 records of a million-row import (a dictionary of 4 000 keys
/// sorted and boxed per record), on two cores that were both busy.
struct JSONText {
    private(set) var text = ""

    init(reservingCapacity capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ json: String) {
        text += json
    }

    /// A string value, escaped as RFC 8259 requires (quote, backslash, control characters).
    mutating func string(_ value: String) {
        text.append("\"")
        if value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        } else {
            text += value
        }
        text.append("\"")
    }

    /// `"key":` inside an object.
    mutating func key(_ key: String) {
        string(key)
        text.append(":")
    }
}
