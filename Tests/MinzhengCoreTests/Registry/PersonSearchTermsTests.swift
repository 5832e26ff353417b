import Testing
import MinzhengCore

@Suite("PersonSearchTerms: what staff search a person by")
struct PersonSearchTermsTests {
    struct Typed: Sendable, CustomTestStringConvertible {
        var name: String? = nil
        var idNumber: String? = nil
        var idLast6: String? = nil
        var phone: String? = nil
        var testDescription: String { [name, idNumber, idLast6, phone].map { $0 ?? "-" }.joined(separator: " ") }
    }

    // 11010519491231002X is the standard's own example of a valid number.
    @Test(
        "the fields as searched",
        arguments: [
            (Typed(name: "秀菊", idNumber: "", idLast6: "", phone: ""), PersonSearchTerms(name: "秀菊")),
            (Typed(name: " 王 "), PersonSearchTerms(name: "王")),
            (
                Typed(idNumber: "11010519491231002X"),
                PersonSearchTerms(
                    residentID: try! ResidentID("11010519491231002X", today: CivilDate(year: 2026, month: 1, day: 1)!))
            ),
            (
                Typed(idNumber: "11010519491231002x"),
                PersonSearchTerms(
                    residentID: try! ResidentID("11010519491231002X", today: CivilDate(year: 2026, month: 1, day: 1)!))
            ),
            (Typed(idLast6: "31002x"), PersonSearchTerms(idLast6: "31002X")),
            (Typed(idLast6: "123456"), PersonSearchTerms(idLast6: "123456")),
            (Typed(phone: "139-1234-5678"), PersonSearchTerms(phone: "13912345678")),
            (Typed(phone: "0519-88001234"), PersonSearchTerms(phone: "051988001234")),
        ])
    func parses(typed: Typed, expected: PersonSearchTerms) throws {
        #expect(
            try PersonSearchTerms.parse(
                name: typed.name, idNumber: typed.idNumber, idLast6: typed.idLast6, phone: typed.phone) == expected)
    }

    @Test(
        "a malformed number names its field and says what is wrong",
        arguments: [
            (Typed(idNumber: "110105194912310021"), "idNumber", "校验位错误"),
            (Typed(idNumber: "1101051949"), "idNumber", "18位"),
            (Typed(idLast6: "12345"), "idLast6", "6位数字"),
            (Typed(idLast6: "12X456"), "idLast6", "6位数字"),
            (Typed(phone: "12345"), "phone", "联系电话格式不正确"),
        ])
    func refuses(typed: Typed, field: String, message: String) {
        #expect {
            _ = try PersonSearchTerms.parse(
                name: typed.name, idNumber: typed.idNumber, idLast6: typed.idLast6, phone: typed.phone)
        } throws: { error in
            let problem = error as? FieldProblem
            return problem?.field == field && problem?.message.contains(message) == true
        }
    }
}
