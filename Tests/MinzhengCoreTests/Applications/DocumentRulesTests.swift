import Testing
import MinzhengCore

@Suite("Document rules: PDF/JPEG/PNG by content, 10 MB each, not empty")
struct DocumentRulesTests {
    static let limit = 10 * 1024 * 1024

    @Test func theLimitIsTenMebibytes() {
        #expect(DocumentRules.maximumBytes == 10_485_760)
    }

    @Test(arguments: [
        ("收入证明.pdf", MagicBytes.pdf, limit, DocumentKind.pdf),  // exactly 10 MB
        ("户口簿.jpg", MagicBytes.jpegJFIF, 1, .jpeg),
        ("IMG_0001.JPEG", MagicBytes.jpegExif, 3_200_000, .jpeg),
        ("scan.png", MagicBytes.png, 200_000, .png),
        ("scan.pdf", MagicBytes.png, 200_000, .png),  // content wins over the name
        ("无扩展名", MagicBytes.pdf, 10_000, .pdf),
    ])
    func accepted(fileName: String, prefix: [UInt8], byteCount: Int, kind: DocumentKind) throws {
        #expect(try DocumentRules.validate(fileName: fileName, byteCount: byteCount, prefix: prefix) == kind)
    }

    @Test(arguments: [
        ("收入证明.pdf", MagicBytes.pdf, limit + 1, DocumentRejection.tooLarge(fileName: "收入证明.pdf", byteCount: limit + 1)),
        ("photo.jpg", MagicBytes.jpegJFIF, 50_000_000, .tooLarge(fileName: "photo.jpg", byteCount: 50_000_000)),
        ("申请书.pdf", MagicBytes.text, 2_000, .unsupportedType(fileName: "申请书.pdf")),  // text named .pdf
        ("病历.png", MagicBytes.html, 2_000, .unsupportedType(fileName: "病历.png")),
        ("材料.docx", MagicBytes.zip, 80_000, .unsupportedType(fileName: "材料.docx")),
        ("动图.gif", MagicBytes.gif, 80_000, .unsupportedType(fileName: "动图.gif")),
        ("空白.pdf", [], 0, .empty(fileName: "空白.pdf")),
        ("空白.pdf", MagicBytes.pdf, 0, .empty(fileName: "空白.pdf")),
        // Too large is said before wrong type: the applicant fixes one thing at a time.
        ("大文件.txt", MagicBytes.text, limit + 1, .tooLarge(fileName: "大文件.txt", byteCount: limit + 1)),
    ])
    func refused(fileName: String, prefix: [UInt8], byteCount: Int, rejection: DocumentRejection) {
        #expect(throws: rejection) {
            try DocumentRules.validate(fileName: fileName, byteCount: byteCount, prefix: prefix)
        }
    }

    @Test(arguments: [
        (DocumentRejection.empty(fileName: "a.pdf"), "文件“a.pdf”是空文件，请重新选择"),
        (
            .tooLarge(fileName: "b.pdf", byteCount: 10_485_761),
            "文件“b.pdf”大小为 10.1 MB，超过每个文件 10 MB 的上限，请压缩或分开上传"
        ),
        (
            .tooLarge(fileName: "c.jpg", byteCount: 15_728_640),
            "文件“c.jpg”大小为 15.0 MB，超过每个文件 10 MB 的上限，请压缩或分开上传"
        ),
        (
            .unsupportedType(fileName: "d.pdf"),
            "文件“d.pdf”不是 PDF、JPEG 或 PNG 格式（按文件内容识别，与文件名无关），请上传扫描件或照片"
        ),
    ])
    func messagesNameTheFileAndTheProblem(rejection: DocumentRejection, message: String) {
        #expect(rejection.chinese == message)
    }
}
