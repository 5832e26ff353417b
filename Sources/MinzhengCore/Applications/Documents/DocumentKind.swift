/// The kinds of file an applicant may upload, recognised by their first bytes.
///
/// The content decides, never the file name or the browser's Content-Type: both are
/// whatever the uploader says, and a renamed script must not be served back as a PDF.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case pdf, jpeg, png

    /// How many leading bytes `detect(prefix:)` needs: enough for the longest signature.
    public static let sniffLength = 8

    /// PDF starts `%PDF-`; JPEG with the SOI marker and the first marker byte FF D8 FF;
    /// PNG with its fixed 8-byte signature. Nil for anything else, including a prefix too
    /// short to tell.
    public static func detect(prefix: [UInt8]) -> DocumentKind? {
        allCases.first { kind in prefix.starts(with: kind.signature) }
    }

    var signature: [UInt8] {
        switch self {
        case .pdf: return [0x25, 0x50, 0x44, 0x46, 0x2D]
        case .jpeg: return [0xFF, 0xD8, 0xFF]
        case .png: return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        }
    }

    /// The Content-Type to serve the stored file with.
    public var mimeType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        }
    }

    /// The extension to store and download the file under, from its content.
    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .jpeg: return "jpg"
        case .png: return "png"
        }
    }

    public var chinese: String {
        switch self {
        case .pdf: return "PDF 文档"
        case .jpeg: return "JPEG 图片"
        case .png: return "PNG 图片"
        }
    }
}
