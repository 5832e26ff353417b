import Foundation
import ZIPFoundation

/// Puts the parts of a workbook into the ZIP container, in the conventional order
/// ([Content_Types].xml first, which some streaming readers expect). Worksheets are copied
/// from their files in chunks, so the archive never holds a whole sheet in memory.
enum XLSXArchive {
    static func assemble(sheetNames: [String], worksheetFiles: [URL], into url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try add(PackageParts.contentTypes(sheetCount: sheetNames.count), as: "[Content_Types].xml", to: archive)
        try add(PackageParts.packageRelationships, as: "_rels/.rels", to: archive)
        try add(PackageParts.workbook(sheetNames: sheetNames), as: "xl/workbook.xml", to: archive)
        try add(
            PackageParts.workbookRelationships(sheetCount: sheetNames.count), as: "xl/_rels/workbook.xml.rels",
            to: archive)
        try add(CellStyle.stylesXML, as: "xl/styles.xml", to: archive)
        for (index, file) in worksheetFiles.enumerated() {
            try archive.addEntry(
                with: PackageParts.worksheetPath(index + 1), fileURL: file, compressionMethod: .deflate)
        }
    }

    private static func add(_ xml: String, as path: String, to archive: Archive) throws {
        let data = Data(xml.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
