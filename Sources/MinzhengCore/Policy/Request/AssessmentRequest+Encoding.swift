import Foundation

extension AssessmentRequest {
    /// The request as compact contract JSON (POLICY.md section 4) with sorted keys, which
    /// `init(jsonData:)` reads back to an equal request. Fields at their contract default
    /// are left out, so a household's stored means stay small.
    ///
    /// Written by hand rather than with `JSONSerialization` (a seventh of the demo seed's
    /// time): every value is a number, a boolean or a string of digits, dashes and enum
    /// codes, none of which needs escaping — except `region`, which is escaped anyway.
    public func jsonData() -> Data {
        var out = JSONObjectWriter()
        if !annualRigidExpensesFen.isZero {
            let e = annualRigidExpensesFen
            var expenses = JSONObjectWriter()
            expenses.fen("disaster", e.disaster)
            expenses.fen("education", e.education)
            expenses.fen("medical", e.medical)
            expenses.fen("rehabilitation", e.rehabilitation)
            out.raw("annualRigidExpensesFen", expenses.text)
        }
        var assets = JSONObjectWriter()
        assets.fen("financialFen", self.assets.financialFen)
        if self.assets.ownsBusiness { assets.raw("ownsBusiness", "true") }
        if self.assets.residentialProperties != 0 {
            assets.raw("residentialProperties", String(self.assets.residentialProperties))
        }
        if self.assets.vehicles != 0 { assets.raw("vehicles", String(self.assets.vehicles)) }
        if !assets.isEmpty { out.raw("assets", assets.text) }
        out.raw("members", "[" + members.map(\.jsonText).joined(separator: ",") + "]")
        out.string("month", month.description)
        out.string("region", region)
        return Data(out.text.utf8)
    }
}

extension AssessmentRequest.RigidExpenses {
    fileprivate var isZero: Bool {
        medical == .zero && education == .zero && rehabilitation == .zero && disaster == .zero
    }
}

extension AssessmentRequest.Member {
    fileprivate var jsonText: String {
        var m = JSONObjectWriter()
        m.string("birthDate", birthDate.description)
        if let careSetting { m.string("careSetting", careSetting.rawValue) }
        if let childCategory { m.string("childCategory", childCategory.rawValue) }
        if let disabilityGrade { m.raw("disabilityGrade", String(disabilityGrade)) }
        if let disabilityKind { m.string("disabilityKind", disabilityKind.rawValue) }
        if !hasCapableSupporter { m.raw("hasCapableSupporter", "false") }
        if hukou != .urban { m.string("hukou", hukou.rawValue) }
        if !incomes.isEmpty {
            m.raw(
                "incomes",
                "["
                    + incomes.map { "{\"kind\":\"\($0.kind.rawValue)\",\"monthlyFen\":\($0.monthlyFen.value)}" }.joined(
                        separator: ",") + "]")
        }
        if laborCapacity != .full { m.string("laborCapacity", laborCapacity.rawValue) }
        if orphan { m.raw("orphan", "true") }
        if selfCare != .full { m.string("selfCare", selfCare.rawValue) }
        if seriousIllness { m.raw("seriousIllness", "true") }
        m.string("sex", sex.rawValue)
        return m.text
    }
}

/// A JSON object written member by member; callers add keys in sorted order.
private struct JSONObjectWriter {
    private var body = ""

    var isEmpty: Bool { body.isEmpty }
    var text: String { "{" + body + "}" }

    mutating func raw(_ key: String, _ json: String) {
        if !body.isEmpty { body += "," }
        body += "\"" + key + "\":" + json
    }

    mutating func string(_ key: String, _ value: String) {
        raw(key, Self.quoted(value))
    }

    /// Leaves out a zero amount, the contract's default.
    mutating func fen(_ key: String, _ amount: Fen) {
        if amount != .zero { raw(key, String(amount.value)) }
    }

    private static func quoted(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }) else {
            return "\"" + value + "\""
        }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
