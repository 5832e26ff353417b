extension Spreadsheet {
    /// The value of one cell. Each case is written so that Excel shows it as meant:
    /// choose `.text` for anything that is an identifier, even when it is all digits.
    public enum Cell: Sendable, Hashable {
        /// Written as a string. Use this for ID-card, account and phone numbers: as a number,
        /// Excel would show an 18-digit ID as 1.10101E+17 and lose its last digits for good.
        /// A text starting with `=` stays text: only a formula element is ever evaluated in .xlsx.
        case text(String)
        case integer(Int64)
        /// An amount of money in fen (分), shown in yuan with two decimals (`#,##0.00`).
        /// The decimal is built from integers, so 999999999999 fen is exactly 9999999999.99.
        case money(fen: Int64)
        /// A calendar day (no time, no time zone), shown as `yyyy-mm-dd`.
        case date(year: Int, month: Int, day: Int)
        case boolean(Bool)
        case empty
    }
}
