import Foundation

/// A field that failed validation, named as the API and the forms name it.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A person's registry facts after validation; sex and birth date come from the ID number.
public struct PersonDraft: Sendable, Equatable {
    public var name: String
    public var residentID: ResidentID
    public var phone: String?
    public var hukou: Hukou
    public var disabilityGrade: Int?
    public var disabilityKind: DisabilityKind?
    public var selfCare: SelfCare
    public var laborCapacity: LaborCapacity
    public var deceasedOn: CivilDate?

    public var sex: Sex { residentID.sex }
    public var birthDate: CivilDate { residentID.birthDate }

    public init(
        name: String, residentID: ResidentID, phone: String? = nil, hukou: Hukou = .urban,
        disabilityGrade: Int? = nil, disabilityKind: DisabilityKind? = nil,
        selfCare: SelfCare = .full, laborCapacity: LaborCapacity = .full, deceasedOn: CivilDate? = nil
    ) {
        self.name = name
        self.residentID = residentID
        self.phone = phone
        self.hukou = hukou
        self.disabilityGrade = disabilityGrade
        self.disabilityKind = disabilityKind
        self.selfCare = selfCare
        self.laborCapacity = laborCapacity
        self.deceasedOn = deceasedOn
    }
}

/// The checks every way into the registry shares: forms, the API and the import.
public enum RegistryValidation {
    public static func name(_ text: String?, field: String = "name") throws(FieldProblem) -> String {
        try InputRules.line(text, field: field, label: "姓名", maximumLength: 50)!
    }

    public static func residentID(
        _ text: String?, today: CivilDate, field: String = "idNumber"
    ) throws(FieldProblem) -> ResidentID {
        let raw = (text ?? "").trimmedWhitespace
        guard !raw.isEmpty else { throw FieldProblem(field, "身份证号不能为空") }
        do {
            return try ResidentID(raw, today: today)
        } catch {
            throw FieldProblem(field, error.description)
        }
    }

    /// Mainland mobile (11 digits starting with 1) or a landline with area code
    /// (0 + 9 to 11 digits, a hyphen allowed after the area code).
    public static func phone(_ text: String?, field: String = "phone") throws(FieldProblem) -> String? {
        let raw = (text ?? "").trimmedWhitespace
        if raw.isEmpty { return nil }
        // Byte-wise: Foundation's replacingOccurrences was a tenth of an import's validation.
        let hyphen = UInt8(ascii: "-")
        let digits = raw.utf8.contains(hyphen) ? String(decoding: raw.utf8.filter { $0 != hyphen }, as: UTF8.self) : raw
        let bytes = digits.utf8
        let ok =
            bytes.allSatisfy(isDigit)
            && ((bytes.count == 11 && bytes.first == UInt8(ascii: "1"))
                || (bytes.first == UInt8(ascii: "0") && (10...12).contains(bytes.count)))
        guard ok else { throw FieldProblem(field, "联系电话格式不正确（手机11位，或区号+座机号）") }
        return digits
    }

    /// A phone shows its first 3 and last 4 digits.
    public static func maskPhone(_ digits: String) -> String {
        guard digits.count > 7 else { return String(repeating: "*", count: digits.count) }
        return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
    }

    public static func disability(grade: Int?, kind: DisabilityKind?) throws(FieldProblem) -> (Int?, DisabilityKind?) {
        switch (grade, kind) {
        case (nil, nil): return (nil, nil)
        case (let g?, let k?):
            guard (1...4).contains(g) else { throw FieldProblem("disabilityGrade", "残疾等级应为1至4级") }
            return (g, k)
        case (nil, _?): throw FieldProblem("disabilityGrade", "填写了残疾类别时须填写残疾等级")
        case (_?, nil): throw FieldProblem("disabilityKind", "填写了残疾等级时须填写残疾类别")
        }
    }

    /// A household lives in a Changzhou street or community that the region table knows:
    /// a street chosen or named (or a 9/12-digit code), and optionally its community.
    public static func householdRegion(
        _ text: String?, community: String? = nil, table: RegionTable,
        within city: RegionCode = RegionTable.changzhou,
        field: String = "region"
    ) throws(FieldProblem) -> RegionCode {
        guard let code = try table.resolve(text, community: community, within: city, field: field),
            code.level == .street || code.level == .community
        else {
            throw FieldProblem(field, "所属区划应为街道/镇或社区（可选择街道，或填写9位街道、12位社区代码）")
        }
        guard city.contains(code), table.isKnownOrCommunityOfKnownStreet(code) else {
            throw FieldProblem(field, "未知的区划代码 \(code.value)")
        }
        return code
    }

    public static func address(_ text: String?, field: String = "address") throws(FieldProblem) -> String {
        try InputRules.line(text, field: field, label: "地址", maximumLength: 200)!
    }
}
