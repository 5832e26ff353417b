import MinzhengCore

/// Checks of home-care input that are not the order's own (`HomeCareOrderRequest`).
enum HomeCareInput {
    /// A provider's unified social credit code (统一社会信用代码): 18 digits or capitals.
    static func creditCode(_ text: String?) throws(FieldProblem) -> String {
        let code = (text ?? "").trimmedWhitespace.uppercased()
        guard code.utf8.count == 18, code.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) else {
            throw FieldProblem("creditCode", "统一社会信用代码应为 18 位数字或大写字母")
        }
        return code
    }
}
