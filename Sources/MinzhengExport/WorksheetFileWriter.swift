import Foundation

/// Writes one worksheet's XML to a file as rows arrive, through a small buffer, so that a sheet of
/// a million rows costs disk space rather than memory. Strings are written inline (`inlineStr`)
/// instead of through a shared-string table, which would have to stay in memory until the end.
final class WorksheetFileWriter {
    private let layout: SheetLayout
    private let file: FileHandle
    private var buffer = XMLBytes(reservingCapacity: flushThreshold + 4096)
    private var nextRow = 1
    private var columnLetters: [[UInt8]] = []

    private static let flushThreshold = 1 << 18

    /// `isSelected` marks the tab Excel shows first; exactly one sheet should have it.
    init(file url: URL, layout: SheetLayout, isSelected: Bool) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.file = try FileHandle(forWritingTo: url)
        self.layout = layout
        writeOpening(isSelected: isSelected)
        if !layout.header.isEmpty {
            try append(row: layout.header.map(Spreadsheet.Cell.text), style: .header)
        }
    }

    deinit {
        try? file.close()
    }

    func append(row cells: [Spreadsheet.Cell]) throws {
        try append(row: cells, style: nil)
    }

    func finish() throws {
        buffer.append("</sheetData>")
        // ID-card and account numbers are text on purpose; this keeps Excel from flagging every
        // one of them with a green "number stored as text" triangle.
        buffer.append("<ignoredErrors><ignoredError sqref=\"A1:XFD1048576\" numberStoredAsText=\"1\"/></ignoredErrors>")
        buffer.append("</worksheet>")
        try flush()
        try file.close()
    }

    // MARK: - Parts of the sheet

    private func writeOpening(isSelected: Bool) {
        buffer.append(PackageParts.declaration)
        buffer.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        buffer.append("<sheetViews><sheetView workbookViewId=\"0\"\(isSelected ? " tabSelected=\"1\"" : "")>")
        if !layout.header.isEmpty {
            // Freeze row 1 so the column titles stay visible while scrolling.
            buffer.append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
            buffer.append("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>")
        }
        buffer.append("</sheetView></sheetViews>")
        if !layout.columnWidths.isEmpty {
            buffer.append("<cols>")
            for (index, width) in layout.columnWidths.enumerated() {
                buffer.append("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>")
            }
            buffer.append("</cols>")
        }
        buffer.append("<sheetData>")
    }

    private func append(row cells: [Spreadsheet.Cell], style rowStyle: CellStyle?) throws {
        let row = nextRow
        guard row <= ExcelLimits.rows else { throw SpreadsheetError.tooManyRows(sheet: layout.name, count: row) }
        guard cells.count <= ExcelLimits.columns else {
            throw SpreadsheetError.tooManyColumns(sheet: layout.name, row: row, count: cells.count)
        }
        let rowNumber = Array(String(row).utf8)
        buffer.append("<row r=\"")
        buffer.append(rowNumber)
        buffer.append("\">")
        for (index, cell) in cells.enumerated() {
            try append(cell, column: index + 1, row: row, rowNumber: rowNumber, rowStyle: rowStyle)
        }
        buffer.append("</row>")
        nextRow += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func append(
        _ cell: Spreadsheet.Cell, column: Int, row: Int, rowNumber: [UInt8], rowStyle: CellStyle?
    ) throws {
        func open(type: String? = nil, style: CellStyle? = nil) {
            buffer.append("<c r=\"")
            buffer.append(letters(column))
            buffer.append(rowNumber)
            buffer.append("\"")
            if let style = style ?? rowStyle { buffer.append(" s=\"\(style.rawValue)\"") }
            if let type { buffer.append(" t=\"\(type)\"") }
            buffer.append(">")
        }
        func text(_ value: String) throws {
            let length = value.utf8.count <= ExcelLimits.textLength ? 0 : value.utf16.count
            guard length <= ExcelLimits.textLength else {
                throw SpreadsheetError.textTooLong(sheet: layout.name, row: row, column: column, length: length)
            }
            open(type: "inlineStr")
            // Without xml:space="preserve", leading and trailing blanks may be dropped by readers.
            let keepsBlanks = value.first.map(\.isWhitespace) == true || value.last.map(\.isWhitespace) == true
            buffer.append(keepsBlanks ? "<is><t xml:space=\"preserve\">" : "<is><t>")
            buffer.appendEscaped(value)
            buffer.append("</t></is></c>")
        }
        func number(_ value: String, style: CellStyle? = nil, type: String? = nil) {
            open(type: type, style: style)
            buffer.append("<v>")
            buffer.append(value)
            buffer.append("</v></c>")
        }

        switch cell {
        case .empty:
            break  // an absent <c> is an empty cell; the r= of the others keeps positions right
        case let .text(value):
            try text(value)
        case let .integer(value):
            number(String(value))
        case let .money(fen):
            number(MoneyText.yuan(fromFen: fen), style: .money)
        case let .boolean(value):
            number(value ? "1" : "0", type: "b")
        case let .date(year, month, day):
            guard ExcelDateSerial.isValid(year: year, month: month, day: day) else {
                throw SpreadsheetError.invalidDate(
                    sheet: layout.name, row: row, column: column, year: year, month: month, day: day)
            }
            if let serial = ExcelDateSerial.serial(year: year, month: month, day: day) {
                number(String(serial), style: .date)
            } else {
                try text(ISODay.text(year: year, month: month, day: day))
            }
        }
    }

    private func letters(_ column: Int) -> [UInt8] {
        while columnLetters.count < column {
            columnLetters.append(Array(ColumnName.letters(columnLetters.count + 1).utf8))
        }
        return columnLetters[column - 1]
    }

    private func flush() throws {
        guard buffer.count > 0 else { return }
        try file.write(contentsOf: buffer.bytes)
        buffer.removeAll()
    }
}
