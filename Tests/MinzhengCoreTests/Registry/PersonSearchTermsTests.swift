import Testing
import MinzhengCore

@Suite("PersonSearchTerms: what staff search a person by")
struct PersonSearchTermsTests {
    /// 11010519491231002X is the standard's own example of a valid number.
    static let valid = "11010519491231002X"

    @Test("the fields as searched", arguments: [
        // (name, idNumber, idLast6, phone) → (name, id, last6, phone)
        ("秀菊", "", "", "", "秀菊", nil, nil, nil),
        (" 王 ", nil, nil, nil, "王", nil, nil, nil),
        ("", valid, "", "", nil, valid, nil, nil),
        ("", "11010519491231002x", "", "", nil, valid, nil, nil),
        ("", "", "31002x", "", nil, nil, "31002X", nil),
        ("", "", "123456", "", nil, nil, "123456", nil),
        ("", "", "", "139-1234-5678", nil, nil, nil, "13912345678"),
        ("", "", "", "0519-88001234", nil, nil, nil, "051988001234"),
    ] as [(String?, String?, String?, String?, String?, String?, String?, String?)])
    func parses(name: String?, idNumber: String?, idLast6: String?, phone: String?,
                expectedName: String?, id: String?, last6: String?, digits: String?) throws {
        let terms = try PersonSearchTerms.parse(name: name, idNumber: idNumber, idLast6: idLast6, phone: phone)
        #expect(terms.name == expectedName)
        #expect(terms.residentID?.value == id)
        #expect(terms.idLast6 == last6)
        #expect(terms.phone == digits)
    }

    @Test("a malformed number names its field and says what is wrong", arguments: [
        ("110105194912310021", nil, nil, "idNumber", "校验位错误"),
        ("1101051949", nil, nil, "idNumber", "18位"),
        (nil, "12345", nil, "idLast6", "6位数字"),
        (nil, "12X456", nil, "idLast6", "6位数字"),
        (nil, nil, "12345", "phone", "联系电话格式不正确"),
    ] as [(String?, String?, String?, String, String)])
    func refuses(idNumber: String?, idLast6: String?, phone: String?, field: String, message: String) {
        #expect {
            _ = try PersonSearchTerms.parse(name: nil, idNumber: idNumber, idLast6: idLast6, phone: phone)
        } throws: { error in
            let problem = error as? FieldProblem
            return problem?.field == field && problem?.message.contains(message) == true
        }
    }
}
