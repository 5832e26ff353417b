/// What an uploaded file is, told by its first bytes rather than its name (a clerk's
/// "户籍.csv" may well be a PDF or an old .xls renamed). Only text (CSV) and a ZIP
/// container (an .xlsx workbook, confirmed when it is opened) can be imported; for
/// anything else the clerk reads what the file is and what to do instead of a list of
/// garbled column names.
public enum ImportFileKind: String, Sendable, CaseIterable {
    case text, zipArchive, empty, pdf, legacyOffice, image, compressedArchive, wordDocument, binary

    /// The kind of a file that starts with `prefix` (its first few kilobytes).
    public static func sniff(_ prefix: some Collection<UInt8>) -> ImportFileKind {
        let bytes = Array(prefix.prefix(4_096))
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if bytes.isEmpty { return .empty }
        if starts(Array("%PDF".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zipArchive }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8))
            || starts(Array("BM".utf8))
        {
            return .image
        }
        if starts(Array("Rar!".utf8)) || starts([0x37, 0x7A, 0xBC, 0xAF]) || starts([0x1F, 0x8B]) {
            return .compressedArchive
        }
        // UTF-16 text (Excel's "Unicode text") starts with its byte-order mark; text in UTF-8
        // or GB18030 never holds a NUL byte, most binary files do.
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) || bytes.contains(0) { return .binary }
        return .text
    }

    /// What the clerk reads when a file of this kind is uploaded; nil for the kinds the importer reads.
    public var refusal: String? {
        let instead = "请上传 Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GB18030 编码）。"
        switch self {
        case .text, .zipArchive: return nil
        case .empty: return "文件是空的。" + instead
        case .pdf: return "这是一个 PDF 文件，不是表格，无法导入。" + instead
        case .legacyOffice:
            return "这是 Excel 97–2003 旧格式（.xls）或其他旧版 Office 文件。.xls 旧格式请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再上传。"
        case .image: return "这是一张图片，不是表格，无法导入。" + instead
        case .compressedArchive: return "这是一个压缩包，不是表格。请解压后上传其中的 .xlsx 或 CSV 文件。"
        case .wordDocument: return "这是一个 Word 文档，不是表格。请把名单放进 Excel 工作簿（.xlsx）或 CSV 文件后上传。"
        case .binary:
            return "这不是文本格式的 CSV 文件，也不是 Excel 工作簿（可能是 UTF-16 编码的文本或其他程序的文件）。" + instead
        }
    }
}
