/// Turning what a user typed or chose into a region code: a code as it is, or the name of a
/// district, street or town ("新北区", "三井街道", "湖塘") looked up in the table, so that
/// nobody needs to know the statistical codes.
extension RegionTable {
    /// `scope` and every region the table lists under it, in code order.
    public func regions(within scope: RegionCode) -> [RegionCode] {
        [scope] + children(of: scope).flatMap { regions(within: $0) }
    }

    /// nil for an empty text. Names are looked up among the regions of `city` (an exact name
    /// first, else the names starting with the text); whether the region lies within the
    /// user's own is for the caller to check, so that the answer can say so.
    public func resolve(
        _ text: String?, within city: RegionCode = RegionTable.changzhou,
        field: String = "region"
    ) throws(FieldProblem) -> RegionCode? {
        let raw = (text ?? "").trimmedWhitespace
        if raw.isEmpty { return nil }
        if raw.utf8.allSatisfy(isDigit) {
            guard let code = RegionCode(raw) else { throw FieldProblem(field, "区划代码应为2、4、6、9或12位数字，也可填写区、街道或镇的名称") }
            return code
        }
        let candidates = regions(within: city)
        var matches = candidates.filter { name(of: $0) == raw }
        if matches.isEmpty { matches = candidates.filter { name(of: $0)?.hasPrefix(raw) == true } }
        switch matches.count {
        case 0:
            throw FieldProblem(field, "没有名为“\(raw)”的区、街道或镇，请从列表中选择")
        case 1:
            return matches[0]
        default:
            let listed = matches.map { "\(fullName(of: $0, below: city))（\($0.value)）" }.joined(separator: "、")
            throw FieldProblem(field, "“\(raw)”对应多个区划，请选择其一：\(listed)")
        }
    }

    /// A street chosen from a list and, optionally, one of its communities typed as the
    /// 12-digit code or its last 3 digits (community names are not in the table).
    public func resolve(
        _ choice: String?, community: String?, within city: RegionCode = RegionTable.changzhou,
        field: String = "region"
    ) throws(FieldProblem) -> RegionCode? {
        let chosen = try resolve(choice, within: city, field: field)
        let typed = (community ?? "").trimmedWhitespace
        if typed.isEmpty { return chosen }
        guard typed.utf8.allSatisfy(isDigit), typed.utf8.count == 3 || typed.utf8.count == 12 else {
            throw FieldProblem("community", "社区应填写12位社区代码，或所选街道下社区代码的后3位")
        }
        if typed.utf8.count == 12 {
            let code = RegionCode(typed)!
            if let chosen, !chosen.contains(code) {
                throw FieldProblem("community", "社区代码 \(typed) 不在所选的\(fullName(of: chosen, below: city))内")
            }
            return code
        }
        guard let chosen, chosen.level == .street else { throw FieldProblem("community", "填写社区代码后3位时，请先选择所在街道或镇") }
        return RegionCode(chosen.value + typed)!
    }

    /// The names from below `top` down to `code`, e.g. `新北区 三井街道` below Changzhou.
    public func fullName(of code: RegionCode, below top: RegionCode) -> String {
        code.chain.filter { $0.level > top.level || $0 == code }.reversed().map(label).joined(separator: " ")
    }

    /// A stored code's names below Changzhou (`天宁区 雕庄街道`); a code that is none, as stored.
    public func nameInCity(_ code: String) -> String {
        RegionCode(code).map { fullName(of: $0, below: RegionTable.changzhou) } ?? code
    }
}
