import Foundation

/// Writes an .xlsx file sheet by sheet and row by row, for exports too big to build as a
/// `Spreadsheet` first (memory stays flat however many rows are appended):
///
///     let writer = try XLSXStreamWriter(destination: url)
///     try writer.beginSheet(name: "低保对象", columnWidths: [12, 22], header: ["姓名", "身份证号"])
///     for person in people { try writer.appendRow([.text(person.name), .text(person.idNumber)]) }
///     try writer.finish()
///
/// Sheets are staged as XML files in a private temporary folder (about 50 bytes per cell) and
/// zipped by `finish()`, which then moves the result to `destination`: a failed export never
/// leaves a half-written file there. Not thread-safe: use one writer from one task.
public final class XLSXStreamWriter {
    private let destination: URL
    private let workFolder: URL
    private var sheetNames: [String] = []
    private var worksheetFiles: [URL] = []
    private var usedNames = SheetNames()
    private var currentSheet: WorksheetFileWriter?
    private var isFinished = false

    public init(destination: URL) throws {
        self.destination = destination
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("minzheng-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Ends the sheet being written, if any, and starts a new one with its header row.
    public func beginSheet(name: String, columnWidths: [Double] = [], header: [String]) throws {
        guard !isFinished else { throw SpreadsheetError.writerFinished }
        try SheetLayout.validate(name: name, columnWidths: columnWidths, header: header)
        try usedNames.claim(name)
        try currentSheet?.finish()
        let file = workFolder.appendingPathComponent("sheet\(worksheetFiles.count + 1).xml")
        let layout = SheetLayout(name: name, columnWidths: columnWidths, header: header)
        currentSheet = try WorksheetFileWriter(file: file, layout: layout, isSelected: worksheetFiles.isEmpty)
        sheetNames.append(name)
        worksheetFiles.append(file)
    }

    public func appendRow(_ cells: [Spreadsheet.Cell]) throws {
        guard !isFinished else { throw SpreadsheetError.writerFinished }
        guard let currentSheet else { throw SpreadsheetError.rowBeforeFirstSheet }
        try currentSheet.append(row: cells)
    }

    /// Writes the .xlsx file to `destination`, replacing any file there.
    public func finish() throws {
        guard !isFinished else { throw SpreadsheetError.writerFinished }
        isFinished = true
        guard let currentSheet else { throw SpreadsheetError.noSheets }
        try currentSheet.finish()
        self.currentSheet = nil
        let staged = workFolder.appendingPathComponent("workbook.xlsx")
        try XLSXArchive.assemble(sheetNames: sheetNames, worksheetFiles: worksheetFiles, into: staged)
        if FileManager.default.fileExists(atPath: destination.path) {
            try FileManager.default.removeItem(at: destination)
        }
        try FileManager.default.moveItem(at: staged, to: destination)
        try? FileManager.default.removeItem(at: workFolder)
    }
}

/// One writer belongs to one task: it holds an open file and mutable state without locks.
@available(*, unavailable)
extension XLSXStreamWriter: Sendable {}
