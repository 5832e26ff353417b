/// Why an upload was refused; `chinese` is what the applicant reads.
public enum DocumentRejection: Error, Hashable, Sendable, CustomStringConvertible {
    case empty(fileName: String)
    case tooLarge(fileName: String, byteCount: Int)
    /// Not PDF, JPEG or PNG by content, whatever the name says.
    case unsupportedType(fileName: String)

    public var chinese: String {
        switch self {
        case .empty(let name):
            return "文件“\(name)”是空文件，请重新选择"
        case .tooLarge(let name, let byteCount):
            return
                "文件“\(name)”大小为 \(Self.megabytes(byteCount)) MB，超过每个文件 \(DocumentRules.maximumBytes / 1_048_576) MB 的上限，请压缩或分开上传"
        case .unsupportedType(let name):
            return "文件“\(name)”不是 PDF、JPEG 或 PNG 格式（按文件内容识别，与文件名无关），请上传扫描件或照片"
        }
    }

    public var description: String { chinese }

    /// Megabytes with one decimal, rounded up, so that a file just over the limit never
    /// reads "10.0 MB" next to a 10 MB limit.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1_048_575) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }
}
