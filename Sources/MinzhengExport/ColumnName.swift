/// Excel's column letters: 1 → A, 26 → Z, 27 → AA, 16384 → XFD.
enum ColumnName {
    static func letters(_ column: Int) -> String {
        precondition(column >= 1, "columns are numbered from 1")
        var remaining = column
        var letters: [Character] = []
        // Bijective base 26: there is no zero digit, so subtract one before each division.
        while remaining > 0 {
            remaining -= 1
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remaining % 26))))
            remaining /= 26
        }
        return String(letters.reversed())
    }
}
