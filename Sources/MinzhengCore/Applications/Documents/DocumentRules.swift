/// What an uploaded document must be: not empty, at most 10 MB, and a PDF, JPEG or PNG by
/// content. One call, so the API, the resident's page and the staff page agree.
public enum DocumentRules {
    /// 10 MB (10 × 1024 × 1024 bytes) per file: a scanned multi-page PDF or a phone photo
    /// fits; the server can refuse anything larger while still streaming it.
    public static let maximumBytes = 10 * 1024 * 1024

    /// The kind of an upload of `byteCount` bytes starting with `prefix` (its first
    /// `DocumentKind.sniffLength` bytes or more), or the reason to refuse it. Checks in the
    /// order the applicant can act on: empty, too large, wrong type. `fileName` is only
    /// quoted back in the message; it never decides the type.
    public static func validate(
        fileName: String, byteCount: Int, prefix: [UInt8]
    ) throws(DocumentRejection) -> DocumentKind {
        guard byteCount > 0 else { throw .empty(fileName: fileName) }
        guard byteCount <= maximumBytes else { throw .tooLarge(fileName: fileName, byteCount: byteCount) }
        guard let kind = DocumentKind.detect(prefix: prefix) else { throw .unsupportedType(fileName: fileName) }
        return kind
    }
}
