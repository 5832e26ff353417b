import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook row by row, as text, so that an office's
/// Excel list goes through the same importer as a CSV file. The worksheet is streamed from
/// a private temporary copy of its XML, so a large sheet costs disk rather than memory;
/// the shared strings (each distinct text once) are held in memory.
public enum XLSXReader {
    public enum ReadError: Error, Sendable, Equatable {
        /// Not a ZIP container at all.
        case notAnArchive
        /// A ZIP container without a workbook; `wordDocument` when it is a Word (.docx) file.
        case notAWorkbook(wordDocument: Bool)
        /// A workbook whose part cannot be read.
        case damaged(part: String)
    }

    /// Calls `row` with each row of the first worksheet in order: its number (1-based, as
    /// Excel shows it) and its cells as text, a missing cell as "". Numbers are given as
    /// Excel stores them, whole numbers without a decimal point or exponent.
    public static func readFirstSheet(at url: URL, row: (_ number: Int, _ cells: [String]) throws -> Void) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw ReadError.notAnArchive }
        guard archive["xl/workbook.xml"] != nil else {
            throw ReadError.notAWorkbook(wordDocument: archive["word/document.xml"] != nil)
        }
        let sheetPath = try firstSheetPath(archive)
        let strings =
            try archive["xl/sharedStrings.xml"].map { try SharedStringsParser.parse(data(of: $0, in: archive)) } ?? []
        guard let sheet = archive[sheetPath] else { throw ReadError.damaged(part: sheetPath) }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "minzheng-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: copy) }
        do { _ = try archive.extract(sheet, to: copy) } catch { throw ReadError.damaged(part: sheetPath) }
        guard let stream = InputStream(url: copy) else { throw ReadError.damaged(part: sheetPath) }
        try SheetRowsParser.parse(stream, sharedStrings: strings, part: sheetPath, row: row)
    }

    /// The part of the workbook's first sheet (the first `<sheet>` of workbook.xml, through its relationship).
    static func firstSheetPath(_ archive: Archive) throws -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        let sheets = try AttributeCollector.collect(
            "sheet", from: data(of: archive["xl/workbook.xml"]!, in: archive), part: "xl/workbook.xml")
        guard let id = sheets.first?.first(where: { $0.key.hasSuffix(":id") })?.value,
            let rels = archive["xl/_rels/workbook.xml.rels"]
        else { return fallback }
        let relationships = try AttributeCollector.collect(
            "Relationship", from: data(of: rels, in: archive), part: "xl/_rels/workbook.xml.rels")
        guard let target = relationships.first(where: { $0["Id"] == id })?["Target"] else { return fallback }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func data(of entry: Entry, in archive: Archive) throws -> Data {
        var data = Data()
        do { _ = try archive.extract(entry) { data.append($0) } } catch { throw ReadError.damaged(part: entry.path) }
        return data
    }
}
