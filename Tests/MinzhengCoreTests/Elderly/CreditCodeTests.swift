import Testing
import MinzhengCore

@Suite("Unified social credit code (GB 32100)")
struct CreditCodeTests {
    /// Real codes from published licences and registers: the standard's own example, companies
    /// (9 1), a public institution (1 2) and a foundation registered with civil affairs (5 3).
    @Test(arguments: [
        "91350100M000100Y43", "91330100799655058B", "9144030071526726XG", "914403001922038216",
        "91110000802100433B", "12100000400000624D", "53100000500021676K",
    ])
    func realCodesAreValid(_ text: String) throws {
        #expect(try CreditCode(text).value == text)
    }

    @Test func lowerCaseAndSpacesAreAcceptedAndNormalised() throws {
        #expect(try CreditCode(" 9144030071526726xg ").value == "9144030071526726XG")
    }

    @Test(arguments: [
        ("", CreditCode.Problem.length),
        ("91350100M000100Y4", .length),
        ("91350100M000100Y433", .length),
        ("91350100M000100O43", .character),  // O is not in the set
        ("91350100M000100I43", .character),
        ("9135010-M000100Y43", .character),
        ("91350100M000100Y44", .checkCharacter),
        ("91350100M000100Y34", .checkCharacter),  // two characters swapped
        ("B1350100M000100Y4" + "?", .character),
    ])
    func refusals(_ text: String, _ problem: CreditCode.Problem) {
        #expect(throws: problem) { try CreditCode(text) }
    }

    /// A code whose check character is right but whose authority or kind is not in the
    /// standard's tables: the check character is computed so that only the tested digit is wrong.
    @Test(arguments: [
        ("B1", CreditCode.Problem.authority), ("01", .authority), ("X1", .authority),
        ("94", .type), ("55", .type), ("Y2", .type), ("10", .type),
    ])
    func authorityAndType(_ head: String, _ problem: CreditCode.Problem) throws {
        let first17 = head + "320400MA1X2Y3Z4"
        let body = String(first17.prefix(17))
        let fixed = body.replacingOccurrences(of: "Z", with: "0")
        let check = try #require(CreditCode.checkCharacter(for: fixed))
        #expect(throws: problem) { try CreditCode(fixed + String(check)) }
    }

    @Test func everyProblemHasAChineseReason() {
        for problem in CreditCode.Problem.allCases {
            #expect(problem.chinese.contains("统一社会信用代码"))
        }
    }

    @Test func divisionCode() throws {
        #expect(try CreditCode("91350100M000100Y43").divisionCode == "350100")
    }
}
