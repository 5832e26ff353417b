/// Money as a decimal string of yuan, built from integer fen so no binary rounding can creep in
/// (a `Double` cannot hold 0.1 exactly; 0.1 + 0.2 prints 0.30000000000000004).
/// Public because CSV exports want the same text: 123456 fen → "1234.56", -1 fen → "-0.01".
public enum MoneyText {
    public static func yuan(fromFen fen: Int64) -> String {
        // `magnitude` is unsigned, so even Int64.min has a positive counterpart.
        let magnitude = fen.magnitude
        let fenPart = magnitude % 100
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + (fenPart < 10 ? ".0" : ".") + String(fenPart)
    }
}
