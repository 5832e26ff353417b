/// Why a workbook cannot be written. Rows and columns are counted as Excel shows them
/// (row 1 is the header when there is one, column A is the first).
public enum SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSheets
    case sheetNameEmpty
    case sheetNameTooLong(String, length: Int)
    case sheetNameHasForbiddenCharacter(String, Character)
    case sheetNameStartsOrEndsWithApostrophe(String)
    case sheetNameReserved(String)
    case duplicateSheetName(String)
    case invalidColumnWidth(sheet: String, column: Int, width: Double)
    case tooManyColumns(sheet: String, row: Int, count: Int)
    case tooManyRows(sheet: String, count: Int)
    case textTooLong(sheet: String, row: Int, column: Int, length: Int)
    case invalidDate(sheet: String, row: Int, column: Int, year: Int, month: Int, day: Int)
    /// `XLSXStreamWriter` was given a row before any `beginSheet`.
    case rowBeforeFirstSheet
    /// `XLSXStreamWriter` was used after `finish()`.
    case writerFinished

    public var description: String {
        switch self {
        case .noSheets:
            "A workbook needs at least one sheet."
        case .sheetNameEmpty:
            "A sheet name cannot be empty."
        case let .sheetNameTooLong(name, length):
            "Sheet name \"\(name)\" is \(length) characters long; Excel allows at most \(ExcelLimits.sheetNameLength)."
        case let .sheetNameHasForbiddenCharacter(name, character):
            "Sheet name \"\(name)\" contains \(Self.show(character)), which Excel does not allow (nor any of [ ] : * ? / \\)."
        case let .sheetNameStartsOrEndsWithApostrophe(name):
            "Sheet name \"\(name)\" starts or ends with an apostrophe, which Excel does not allow."
        case let .sheetNameReserved(name):
            "Sheet name \"\(name)\" is reserved by Excel."
        case let .duplicateSheetName(name):
            "Two sheets are named \"\(name)\"; Excel needs unique names (ignoring upper/lower case)."
        case let .invalidColumnWidth(sheet, column, width):
            "Sheet \"\(sheet)\": column \(ColumnName.letters(column)) has width \(width); Excel allows 0 to \(Int(ExcelLimits.columnWidth))."
        case let .tooManyColumns(sheet, row, count):
            "Sheet \"\(sheet)\": row \(row) has \(count) cells; Excel allows at most \(ExcelLimits.columns)."
        case let .tooManyRows(sheet, count):
            "Sheet \"\(sheet)\" has \(count) rows (with the header); Excel allows at most \(ExcelLimits.rows). Split it into several sheets."
        case let .textTooLong(sheet, row, column, length):
            "Sheet \"\(sheet)\": cell \(ColumnName.letters(column))\(row) holds \(length) characters; Excel allows at most \(ExcelLimits.textLength)."
        case let .invalidDate(sheet, row, column, year, month, day):
            "Sheet \"\(sheet)\": cell \(ColumnName.letters(column))\(row) has the impossible date \(year)-\(month)-\(day)."
        case .rowBeforeFirstSheet:
            "XLSXStreamWriter: call beginSheet before appending rows."
        case .writerFinished:
            "XLSXStreamWriter: the workbook is already finished."
        }
    }

    /// Control characters are invisible in a message, so they are named by code point.
    private static func show(_ character: Character) -> String {
        let isVisible = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        return isVisible
            ? "\"\(character)\""
            : character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined()
    }
}
