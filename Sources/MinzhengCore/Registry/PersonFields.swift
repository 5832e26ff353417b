import Foundation

/// A person's fields as they arrive from a form, the API or an import row, before checks.
public struct PersonFields: Sendable, Equatable {
    public var name: String?
    public var idNumber: String?
    public var phone: String?
    public var hukou: String?
    public var disabilityGrade: Int?
    public var disabilityKind: String?
    public var selfCare: String?
    public var laborCapacity: String?
    public var deceasedOn: String?

    public init(
        name: String? = nil, idNumber: String? = nil, phone: String? = nil, hukou: String? = nil,
        disabilityGrade: Int? = nil, disabilityKind: String? = nil, selfCare: String? = nil,
        laborCapacity: String? = nil, deceasedOn: String? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.hukou = hukou
        self.disabilityGrade = disabilityGrade
        self.disabilityKind = disabilityKind
        self.selfCare = selfCare
        self.laborCapacity = laborCapacity
        self.deceasedOn = deceasedOn
    }

    /// Validates every field; the first problem names its field (prefixed, e.g. `members[2].`).
    public func validated(today: CivilDate, fieldPrefix: String = "") throws(FieldProblem) -> PersonDraft {
        let name = try RegistryValidation.name(name, field: fieldPrefix + "name")
        let id = try RegistryValidation.residentID(idNumber, today: today, field: fieldPrefix + "idNumber")
        let phone = try RegistryValidation.phone(phone, field: fieldPrefix + "phone")
        let hukou: Hukou = try Self.choice(
            hukou, field: fieldPrefix + "hukou", default: .urban, parse: Hukou.init(code:))
        let kind: DisabilityKind? = try Self.optionalChoice(disabilityKind, field: fieldPrefix + "disabilityKind") {
            text in DisabilityKind(rawValue: text) ?? DisabilityKind.allCases.first { $0.chinese == text }
        }
        let disability: (Int?, DisabilityKind?)
        do {
            disability = try RegistryValidation.disability(grade: disabilityGrade, kind: kind)
        } catch {
            throw FieldProblem(fieldPrefix + error.field, error.message)
        }
        let selfCare: SelfCare = try Self.choice(selfCare, field: fieldPrefix + "selfCare", default: .full) {
            text in SelfCare(rawValue: text) ?? SelfCare.allCases.first { $0.chinese == text }
        }
        let labor: LaborCapacity = try Self.choice(laborCapacity, field: fieldPrefix + "laborCapacity", default: .full)
        {
            text in LaborCapacity(rawValue: text) ?? LaborCapacity.allCases.first { $0.chinese == text }
        }
        var deceased: CivilDate?
        if let text = deceasedOn?.trimmedWhitespace, !text.isEmpty {
            guard let date = CivilDate(text) else {
                throw FieldProblem(fieldPrefix + "deceasedOn", "死亡日期应为 YYYY-MM-DD")
            }
            guard date <= today, date >= id.birthDate else {
                throw FieldProblem(fieldPrefix + "deceasedOn", "死亡日期应在出生日期与今天之间")
            }
            deceased = date
        }
        return PersonDraft(
            name: name, residentID: id, phone: phone, hukou: hukou, disabilityGrade: disability.0,
            disabilityKind: disability.1, selfCare: selfCare, laborCapacity: labor, deceasedOn: deceased)
    }

    /// The fields of a stored person, for merging a partial update.
    public init(_ draft: PersonDraft) {
        self.init(
            name: draft.name, idNumber: draft.residentID.value, phone: draft.phone, hukou: draft.hukou.rawValue,
            disabilityGrade: draft.disabilityGrade, disabilityKind: draft.disabilityKind?.rawValue,
            selfCare: draft.selfCare.rawValue, laborCapacity: draft.laborCapacity.rawValue,
            deceasedOn: draft.deceasedOn?.description)
    }

    private static func choice<T>(
        _ text: String?, field: String, default value: T, parse: (String) -> T?
    ) throws(FieldProblem) -> T {
        try optionalChoice(text, field: field, parse: parse) ?? value
    }

    private static func optionalChoice<T>(
        _ text: String?, field: String, parse: (String) -> T?
    ) throws(FieldProblem) -> T? {
        guard let raw = text?.trimmedWhitespace, !raw.isEmpty else { return nil }
        guard let v = parse(raw) else { throw FieldProblem(field, "无效的取值：\(raw)") }
        return v
    }
}
