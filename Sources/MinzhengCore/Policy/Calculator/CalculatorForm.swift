import Foundation

/// The public calculator's HTML form (政策计算器), turned into the assessment contract's
/// JSON so that the page is answered by exactly the code that answers the API.
///
/// Field names are flat (`m0_birthDate`, `financial`) because browsers post flat forms.
/// Amounts are typed in yuan — monthly incomes, savings, yearly expenses — and converted
/// to fen exactly; blanks mean the contract's defaults.
public struct CalculatorForm: Sendable {
    public static let maximumMembers = 10

    /// A value the form itself cannot read or that is missing, with the resident's message
    /// (`CalculatorFormMessages`) and the field to mark.
    public struct Problem: Error, Sendable, Hashable {
        public let formField: String
        public let message: String
    }

    /// Counted monthly incomes the form asks for, in the order shown.
    public static let incomeKinds: [AssessmentRequest.IncomeKind] = [
        .wage, .business, .pension, .unemployment, .support, .property, .other,
    ]
    /// Household amounts: form field → (contract object, contract field).
    public static let householdAmounts: [(field: String, object: String, key: String)] = [
        ("financial", "assets", "financialFen"),
        ("medical", "annualRigidExpensesFen", "medical"),
        ("education", "annualRigidExpensesFen", "education"),
        ("rehabilitation", "annualRigidExpensesFen", "rehabilitation"),
        ("disaster", "annualRigidExpensesFen", "disaster"),
    ]

    public let fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// How many member fieldsets the form shows: the `members` field, 1 to the maximum.
    public var memberCount: Int {
        min(Self.maximumMembers, max(1, Int(value("members") ?? "") ?? 1))
    }

    /// A trimmed, non-empty value, or nil.
    public func value(_ name: String) -> String? {
        guard let raw = fields[name]?.trimmedWhitespace, !raw.isEmpty else { return nil }
        return raw
    }

    public func isChecked(_ name: String) -> Bool {
        guard let v = value(name) else { return false }
        return v == "on" || v == "true" || v == "1" || v == "yes"
    }

    /// The contract JSON for the household entered; the contract then validates it.
    public func contractJSON() throws(Problem) -> Data {
        guard let month = value("month") else { throw Self.missing("month", choose: true) }
        guard YearMonth(month) != nil else {
            throw Problem(formField: "month", message: "测算月份应为“年-月”，如 2026-01")
        }
        var object: [String: Any] = [
            "region": value("region") ?? "",
            "month": month,
        ]
        var members: [[String: Any]] = []
        for index in 0..<memberCount {
            members.append(try member(index))
        }
        object["members"] = members
        var assets: [String: Any] = [
            "vehicles": try count("vehicles"),
            "residentialProperties": try count("residentialProperties"),
            "ownsBusiness": isChecked("ownsBusiness"),
        ]
        var expenses: [String: Any] = [:]
        for amount in Self.householdAmounts {
            let fen = try fen(amount.field)
            if amount.object == "assets" { assets[amount.key] = fen } else { expenses[amount.key] = fen }
        }
        object["assets"] = assets
        object["annualRigidExpensesFen"] = expenses
        // Sorted keys keep the JSON stable; the values are plain strings, numbers and
        // booleans, so serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    private func member(_ i: Int) throws(Problem) -> [String: Any] {
        let p = "m\(i)_"
        guard let birthDate = value(p + "birthDate") else { throw Self.missing(p + "birthDate") }
        guard CivilDate(birthDate) != nil else { throw Self.badDate(p + "birthDate") }
        guard let sex = value(p + "sex") else { throw Self.missing(p + "sex", choose: true) }
        var m: [String: Any] = [
            "birthDate": birthDate,
            "sex": sex,
            "hukou": value(p + "hukou") ?? "urban",
            "seriousIllness": isChecked(p + "seriousIllness"),
            "selfCare": value(p + "selfCare") ?? "full",
            "laborCapacity": value(p + "laborCapacity") ?? "full",
            // The safe default: a resident who says nothing is assumed to have a supporter.
            "hasCapableSupporter": value(p + "hasCapableSupporter") != "no",
            "orphan": isChecked(p + "orphan"),
        ]
        if let grade = value(p + "disabilityGrade") {
            guard let g = Int(grade) else { throw Self.missing(p + "disabilityGrade", choose: true) }
            m["disabilityGrade"] = g
        }
        if let kind = value(p + "disabilityKind") { m["disabilityKind"] = kind }
        if let care = value(p + "careSetting") { m["careSetting"] = care }
        if let category = value(p + "childCategory") { m["childCategory"] = category }
        var incomes: [[String: Any]] = []
        for kind in Self.incomeKinds {
            let amount = try fen(p + kind.rawValue)
            if amount > 0 { incomes.append(["kind": kind.rawValue, "monthlyFen": amount]) }
        }
        m["incomes"] = incomes
        return m
    }

    private func fen(_ name: String) throws(Problem) -> Int64 {
        guard let text = value(name) else { return 0 }
        guard let amount = Fen(yuanText: text) else { throw Self.badAmount(name) }
        guard amount.value <= InputRules.maximumAmount.value else { throw Self.tooLarge(name) }
        return amount.value
    }

    private func count(_ name: String) throws(Problem) -> Int {
        guard let text = value(name) else { return 0 }
        guard let n = Int(text), n >= 0 else { throw Self.badCount(name) }
        guard n <= InputRules.maximumCount else { throw Self.tooLarge(name) }
        return n
    }

    /// The form field a contract error names: `members[1].birthDate` → `m1_birthDate`,
    /// `assets.financialFen` → `financial`, `members[0].incomes[2].monthlyFen` → `m0_wage`…
    public func formField(forContractField field: String?) -> String? {
        guard let field else { return nil }
        if field.hasPrefix("members[") {
            let inside = field.dropFirst("members[".count)
            guard let close = inside.firstIndex(of: "]"), let index = Int(inside[..<close]) else { return nil }
            let rest = inside[inside.index(after: close)...].drop { $0 == "." }
            let name = rest.split(separator: ".").first.map { String($0.split(separator: "[").first ?? "") } ?? ""
            if name == "incomes" { return "m\(index)_\(Self.incomeKinds[0].rawValue)" }
            return name.isEmpty ? nil : "m\(index)_\(name)"
        }
        if field == "members" { return "members" }
        if let amount = Self.householdAmounts.first(where: { "\($0.object).\($0.key)" == field }) {
            return amount.field
        }
        if field.hasPrefix("assets.") { return String(field.dropFirst("assets.".count)) }
        return field
    }
}
