/// Limits of Excel's file format. Past these, Excel "repairs" a file by dropping data or
/// refuses it, so the writer checks them and throws instead.
enum ExcelLimits {
    static let rows = 1_048_576
    static let columns = 16_384
    /// Counted in UTF-16 code units, as Excel counts.
    static let sheetNameLength = 31
    static let textLength = 32_767
    static let columnWidth = 255.0
}
