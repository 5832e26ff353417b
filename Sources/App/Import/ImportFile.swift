import Foundation
import MinzhengCore
import MinzhengExport

/// The file an import reads: a CSV file as it is, or the first sheet of an .xlsx workbook
/// converted to a private temporary CSV file (the importer reads its file by path, twice).
/// Anything else is refused with what it is (`ImportFileKind`).
struct ImportFile {
    let path: String
    private let converted: Bool

    /// The kind of the file at `path`, by its first bytes.
    static func kind(at path: String) throws -> ImportFileKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FieldProblem("file", "无法打开文件 \(path)") }
        defer { try? handle.close() }
        return ImportFileKind.sniff(handle.readData(ofLength: 4_096))
    }

    static func open(_ path: String) throws -> ImportFile {
        let kind = try kind(at: path)
        if let refusal = kind.refusal { throw FieldProblem("file", refusal) }
        guard kind == .zipArchive else { return ImportFile(path: path, converted: false) }
        let csv = NSTemporaryDirectory() + "minzheng-import-\(UUID().uuidString).csv"
        do {
            try convert(workbook: path, to: csv)
        } catch let error as XLSXReader.ReadError {
            try? FileManager.default.removeItem(atPath: csv)
            throw FieldProblem("file", message(error))
        } catch {
            try? FileManager.default.removeItem(atPath: csv)
            throw error
        }
        return ImportFile(path: csv, converted: true)
    }

    /// Removes the converted copy, if any (never the file the import was given).
    func close() {
        if converted { try? FileManager.default.removeItem(atPath: path) }
    }

    private static func convert(workbook: String, to csv: String) throws {
        guard FileManager.default.createFile(atPath: csv, contents: nil, attributes: [.posixPermissions: 0o600]),
            let out = FileHandle(forWritingAtPath: csv)
        else {
            throw Refusal(.failed, "无法保存转换后的文件，请稍后重试")
        }
        defer { try? out.close() }
        var buffer = CSVLine.utf8BOM
        var next = 1
        try XLSXReader.readFirstSheet(at: URL(fileURLWithPath: workbook)) { number, cells in
            // A blank line for each empty row and no line break inside a value keep every CSV
            // line on its sheet row: the refused rows are named by the row numbers Excel shows.
            if number > next { buffer += String(repeating: "\r\n", count: number - next) }
            buffer += CSVLine.plain(cells.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") })
            next = number + 1
            if buffer.utf8.count >= 1 << 20 {
                out.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        out.write(Data(buffer.utf8))
    }

    private static func message(_ error: XLSXReader.ReadError) -> String {
        switch error {
        case .notAWorkbook(let word): return (word ? ImportFileKind.wordDocument : .compressedArchive).refusal!
        case .notAnArchive: return "文件已损坏，无法作为 Excel 工作簿（.xlsx）打开。请在 Excel 或 WPS 中重新保存后上传，或另存为 CSV。"
        case .damaged(let part): return "Excel 工作簿已损坏（无法读取 \(part)）。请在 Excel 或 WPS 中重新保存后上传，或另存为 CSV。"
        }
    }
}
