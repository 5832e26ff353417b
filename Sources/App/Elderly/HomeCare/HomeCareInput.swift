import MinzhengCore

/// Checks of home-care input that are not the order's own (`HomeCareOrderRequest`).
enum HomeCareInput {
    /// A provider's unified social credit code (统一社会信用代码, GB 32100), stored upper case.
    static func creditCode(_ text: String?) throws(FieldProblem) -> String {
        do {
            return try CreditCode(text ?? "").value
        } catch {
            throw FieldProblem("creditCode", error.chinese)
        }
    }
}
