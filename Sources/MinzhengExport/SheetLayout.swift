/// What a sheet looks like apart from its data rows: shared by the in-memory `Spreadsheet.Sheet`
/// and by `XLSXStreamWriter`, which receives the rows one at a time.
struct SheetLayout: Sendable {
    let name: String
    let columnWidths: [Double]
    let header: [String]

    static func validate(name: String, columnWidths: [Double], header: [String]) throws(SpreadsheetError) {
        try SheetNameRules.validate(name)
        for (index, width) in columnWidths.enumerated() where !(0...ExcelLimits.columnWidth).contains(width) {
            throw .invalidColumnWidth(sheet: name, column: index + 1, width: width)
        }
        guard columnWidths.count <= ExcelLimits.columns else {
            throw .tooManyColumns(sheet: name, row: 1, count: columnWidths.count)
        }
        guard header.count <= ExcelLimits.columns else {
            throw .tooManyColumns(sheet: name, row: 1, count: header.count)
        }
    }

    static func validate(rowCount: Int, hasHeader: Bool, sheet: String) throws(SpreadsheetError) {
        let total = rowCount + (hasHeader ? 1 : 0)
        guard total <= ExcelLimits.rows else { throw .tooManyRows(sheet: sheet, count: total) }
    }
}
