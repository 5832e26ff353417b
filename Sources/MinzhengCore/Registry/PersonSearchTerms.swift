/// What staff look a person up by: part of the name, the whole ID number, its last six
/// characters, or a phone number. A malformed number is a problem naming its field, so the
/// search says "校验位错误" instead of finding nobody.
public struct PersonSearchTerms: Sendable, Equatable {
    public var name: String?
    public var residentID: ResidentID?
    /// Six characters, the last of which may be `X` (upper-case).
    public var idLast6: String?
    /// Digits only, as `RegistryValidation.phone` stores them.
    public var phone: String?

    public init(name: String? = nil, residentID: ResidentID? = nil, idLast6: String? = nil, phone: String? = nil) {
        self.name = name
        self.residentID = residentID
        self.idLast6 = idLast6
        self.phone = phone
    }

    public static func parse(
        name: String?, idNumber: String?, idLast6: String?, phone: String?
    ) throws(FieldProblem) -> PersonSearchTerms {
        var terms = PersonSearchTerms()
        terms.name = nonEmpty(name)
        if let number = nonEmpty(idNumber) {
            // Any birth date is searchable: the check is of the number's form, not of today.
            terms.residentID = try RegistryValidation.residentID(
                number, today: CivilDate(year: 9999, month: 12, day: 31)!)
        }
        if let last6 = nonEmpty(idLast6)?.uppercased() {
            let bytes = Array(last6.utf8)
            guard bytes.count == 6, bytes[0..<5].allSatisfy(isDigit), isDigit(bytes[5]) || bytes[5] == UInt8(ascii: "X")
            else {
                throw FieldProblem("idLast6", "身份证号后六位应为6位数字，最后一位可为X")
            }
            terms.idLast6 = last6
        }
        if nonEmpty(phone) != nil { terms.phone = try RegistryValidation.phone(phone) }
        return terms
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmedWhitespace, !text.isEmpty else { return nil }
        return text
    }
}
