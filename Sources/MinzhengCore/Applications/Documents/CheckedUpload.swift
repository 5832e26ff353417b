/// An upload that passed `DocumentRules`: its kind by content and the name it is stored,
/// listed and downloaded under. The server's multipart handlers (application documents,
/// adaptation photos, hazard photos) all check through `DocumentRules.check`, so the fuzz
/// target `fuzz-upload` (Fuzz/) exercises exactly what they run.
public struct CheckedUpload: Hashable, Sendable {
    public let kind: DocumentKind
    public let fileName: String
}

extension DocumentRules {
    /// The longest name kept, in characters.
    public static let maximumNameLength = 120

    /// Checks an upload of `byteCount` bytes starting with `prefix` (see `validate`) and
    /// names it: the uploader's name, or `defaultName` with the kind's extension when none was sent.
    public static func check(
        fileName: String, byteCount: Int, prefix: [UInt8], defaultName: String
    ) throws(DocumentRejection) -> CheckedUpload {
        let kind = try validate(fileName: fileName, byteCount: byteCount, prefix: prefix)
        return CheckedUpload(kind: kind, fileName: storedName(fileName, kind: kind, defaultName: defaultName))
    }

    /// The name an accepted upload is kept under: the last part of what the browser sent (old
    /// browsers send `C:\Users\…\证明.pdf`), without control or bidirectional-override
    /// characters (a name is shown in pages and sent back in a header), at most
    /// `maximumNameLength` characters; `defaultName` with the kind's extension when nothing is left.
    public static func storedName(_ fileName: String, kind: DocumentKind, defaultName: String) -> String {
        // By scalars: a separator followed by a combining mark is one Character, and still a separator.
        let scalars = fileName.unicodeScalars
        let start =
            scalars.lastIndex(where: { $0 == "/" || $0 == "\\" }).map(scalars.index(after:)) ?? scalars.startIndex
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: scalars[start...].filter { !$0.isControlCharacter && !$0.isBidiControl })
        let name = String(cleaned).trimmedWhitespace
        return String((name.isEmpty ? "\(defaultName).\(kind.fileExtension)" : name).prefix(maximumNameLength))
    }

    /// The `Content-Disposition` value a stored document is served with (shown in the browser):
    /// the name as RFC 8187 `filename*`, every byte outside its `attr-char` set percent-encoded,
    /// so the header is plain ASCII whatever the name (Foundation's `.alphanumerics` would have
    /// left Chinese letters raw).
    public static func inlineDisposition(fileName: String) -> String {
        var encoded = ""
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in fileName.utf8 {
            if isAttributeCharacter(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded.unicodeScalars.append(contentsOf: [
                    "%", Unicode.Scalar(hex[Int(byte >> 4)]), Unicode.Scalar(hex[Int(byte & 0x0F)]),
                ])
            }
        }
        return "inline; filename*=UTF-8''\(encoded)"
    }

    /// RFC 8187 `attr-char`: ALPHA / DIGIT / `!#$&+-.^_`|~`.
    private static func isAttributeCharacter(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            || "!#$&+-.^_`|~".utf8.contains(b)
    }
}

extension Unicode.Scalar {
    /// The invisible marks that reorder text (U+200E/F, U+202A–202E, U+2066–2069): in a file
    /// name they can make `…fdp.exe` read as `…exe.pdf`.
    var isBidiControl: Bool {
        value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
