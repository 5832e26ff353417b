/// A workbook to export: one or more sheets, written to `.xlsx` by `XLSXWriter`.
///
/// Everything is checked here, when the workbook is built, so that an export fails early with a
/// message naming the problem instead of producing a file that Excel "repairs" or refuses.
public struct Spreadsheet: Sendable, Hashable {
    public let sheets: [Sheet]

    public init(sheets: [Sheet]) throws(SpreadsheetError) {
        guard !sheets.isEmpty else { throw .noSheets }
        var names = SheetNames()
        for sheet in sheets { try names.claim(sheet.name) }
        self.sheets = sheets
    }

    /// The common case of an export: a single sheet.
    public init(_ sheet: Sheet) {
        self.sheets = [sheet]
    }
}
