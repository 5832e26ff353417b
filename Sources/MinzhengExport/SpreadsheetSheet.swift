extension Spreadsheet {
    /// One worksheet: a bold header row that stays visible while scrolling, then the data rows.
    public struct Sheet: Sendable, Hashable {
        public let name: String
        /// Width of column 1, 2, … in Excel's units (characters of the default font);
        /// columns past the end of this list keep Excel's default width.
        public let columnWidths: [Double]
        /// Empty for a sheet without a header row (then no pane is frozen either).
        public let header: [String]
        public let rows: [[Cell]]

        public init(
            name: String, columnWidths: [Double] = [], header: [String], rows: [[Cell]]
        ) throws(SpreadsheetError) {
            try SheetLayout.validate(name: name, columnWidths: columnWidths, header: header)
            try SheetLayout.validate(rowCount: rows.count, hasHeader: !header.isEmpty, sheet: name)
            self.name = name
            self.columnWidths = columnWidths
            self.header = header
            self.rows = rows
        }
    }
}
