import Testing
import MinzhengCore

/// Real file beginnings, as the first bytes of files produced by common tools.
enum MagicBytes {
    static let pdf: [UInt8] = Array("%PDF-1.7\n%âãÏÓ".utf8)
    static let jpegJFIF: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]
    static let jpegExif: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0x2F, 0xFE, 0x45, 0x78, 0x69, 0x66]
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    ]
    static let gif: [UInt8] = Array("GIF89a".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]  // also .docx / .xlsx
    static let text: [UInt8] = Array("申请书：本人因病致贫……".utf8)
    static let html: [UInt8] = Array("<!DOCTYPE html><script>".utf8)
}

@Suite("Document kinds: recognised by content")
struct DocumentKindTests {
    @Test(arguments: [
        (MagicBytes.pdf, DocumentKind?.some(.pdf)),
        (MagicBytes.jpegJFIF, .jpeg),
        (MagicBytes.jpegExif, .jpeg),
        (MagicBytes.png, .png),
        (Array(MagicBytes.png.prefix(DocumentKind.sniffLength)), .png),
        (MagicBytes.gif, nil),
        (MagicBytes.zip, nil),
        (MagicBytes.text, nil),
        (MagicBytes.html, nil),
        (Array("%PDF".utf8), nil),  // too short to be sure
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A], nil),
        ([0xFF, 0xD8], nil),
        ([], nil),
        (Array(" %PDF-1.4".utf8), nil),  // the signature must be at the very start
    ])
    func detect(prefix: [UInt8], kind: DocumentKind?) {
        #expect(DocumentKind.detect(prefix: prefix) == kind)
    }

    @Test(arguments: [
        (DocumentKind.pdf, "application/pdf", "pdf"),
        (.jpeg, "image/jpeg", "jpg"),
        (.png, "image/png", "png"),
    ])
    func mimeTypeAndExtension(kind: DocumentKind, mime: String, fileExtension: String) {
        #expect(kind.mimeType == mime)
        #expect(kind.fileExtension == fileExtension)
    }
}
