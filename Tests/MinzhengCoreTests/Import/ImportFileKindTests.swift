import MinzhengCore
import Testing

/// Issue 13: a file that is not a CSV or a workbook is named for what it is.
@Suite("Import file kinds")
struct ImportFileKindTests {
    @Test(
        "a file's first bytes tell its kind, and every kind but text and ZIP is refused with what it is",
        arguments: [
            (Array("户编号,姓名\n".utf8), ImportFileKind.text, nil),
            ([0xEF, 0xBB, 0xBF] + Array("householdRef\n".utf8), .text, nil),
            ([0xBB, 0xA7, 0xB1, 0xE0, 0xBA, 0xC5, 0x0A], .text, nil),  // 户编号 in GB18030
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .zipArchive, nil),
            ([], .empty, "文件是空的"),
            (Array("%PDF-1.7\n".utf8), .pdf, "这是一个 PDF 文件"),
            (
                [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], .legacyOffice,
                ".xls 旧格式请在 Excel 或 WPS 中另存为 .xlsx 或 CSV"
            ),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], .image, "这是一张图片"),
            ([0xFF, 0xD8, 0xFF, 0xE0], .image, "这是一张图片"),
            (Array("Rar!".utf8) + [0x1A, 0x07], .compressedArchive, "这是一个压缩包"),
            ([0xFF, 0xFE, 0x37, 0x62, 0x16, 0x7F], .binary, "这不是文本格式的 CSV 文件"),  // UTF-16 text
        ] as [([UInt8], ImportFileKind, String?)])
    func sniff(bytes: [UInt8], kind: ImportFileKind, refusal: String?) {
        #expect(ImportFileKind.sniff(bytes) == kind)
        if let refusal {
            #expect(kind.refusal?.contains(refusal) == true, "\(kind.refusal ?? "nil")")
        } else {
            #expect(kind.refusal == nil)
        }
    }

    @Test("every refused kind says what to upload instead")
    func instead() {
        for kind in ImportFileKind.allCases where kind.refusal != nil {
            #expect(kind.refusal!.contains(".xlsx"), "\(kind)")
        }
    }
}
