import MinzhengCore
import Testing

/// 受理编号: CZ, the filing day, the day's serial, Damm's check digit.
@Suite("Receipt numbers")
struct ReceiptNumberTests {
    struct Issued: Sendable, CustomTestStringConvertible {
        let day: String
        let serial: Int
        let number: String
        var testDescription: String { number }
    }

    static let issued: [Issued] = [
        Issued(day: "2026-12-03", serial: 1, number: "CZ26120300010"),
        Issued(day: "2026-12-03", serial: 2, number: "CZ26120300029"),
        Issued(day: "2026-12-03", serial: 123, number: "CZ26120301239"),
        Issued(day: "2027-01-31", serial: 999, number: "CZ27013109997"),
        Issued(day: "2026-12-03", serial: 12_345, number: "CZ261203123450"),
        Issued(day: "2020-01-01", serial: 1, number: "CZ20010100011"),
    ]

    @Test("the day, the serial (at least four digits) and the check digit", arguments: issued)
    func format(_ c: Issued) throws {
        let number = ReceiptNumber(day: CivilDate(c.day)!, serial: c.serial)
        #expect(number.value == c.number)
        #expect(try ReceiptNumber(parsing: c.number) == number)
    }

    @Test("Damm's table: the published example 572 checks with 4")
    func dammExample() {
        #expect(ReceiptNumber.checkDigit(of: "572") == 4)
        #expect(ReceiptNumber.checkDigit(of: "5724") == 0)
    }

    @Test("typed with spaces, dashes or lower case, it reads the same")
    func lenient() throws {
        for typed in ["cz2612030001 0", "CZ 261203-0001-0", " CZ26120300010 ", "cz26120300010"] {
            #expect(try ReceiptNumber(parsing: typed).value == "CZ26120300010", "\(typed)")
        }
    }

    @Test("every single wrong digit and every swap of two neighbouring digits is refused", arguments: issued)
    func typos(_ c: Issued) {
        let digits = Array(c.number.dropFirst(2))
        for i in digits.indices {
            for d in "0123456789" where d != digits[i] {
                var typo = digits
                typo[i] = d
                #expect(throws: Refusal.self, "\(String(typo))") {
                    try ReceiptNumber(parsing: "CZ" + String(typo))
                }
            }
            if i + 1 < digits.count, digits[i] != digits[i + 1] {
                var swapped = digits
                swapped.swapAt(i, i + 1)
                #expect(throws: Refusal.self, "\(String(swapped))") {
                    try ReceiptNumber(parsing: "CZ" + String(swapped))
                }
            }
        }
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        let typed: String
        let says: String
        var testDescription: String { typed.isEmpty ? "(empty)" : typed }
    }

    @Test(
        "not a receipt number: refused naming the field, saying what is wrong",
        arguments: [
            Refused(typed: "", says: "CZ 开头"),
            Refused(typed: "AB26120300010", says: "CZ 开头"),
            Refused(typed: "CZ2612030001", says: "11 位以上数字"),
            Refused(typed: "CZ2612O300010", says: "11 位以上数字"),
            Refused(typed: "CZ26120300011", says: "校验位不符"),
        ])
    func refused(_ c: Refused) {
        do {
            _ = try ReceiptNumber(parsing: c.typed, field: "number")
            Issue.record("accepted \(c.typed)")
        } catch let refusal as Refusal {
            #expect(refusal.field == "number")
            #expect(refusal.message.contains(c.says), "\(refusal.message)")
        } catch { Issue.record("\(error)") }
    }

    @Test("what the answer shows: the phone's last four digits, the family name only")
    func masks() {
        #expect(ProgressCodeRules.phoneTail("13800001234") == "尾号 1234")
        #expect(ProgressCodeRules.maskName("张建国") == "张**")
        #expect(ProgressCodeRules.maskName("李") == "李*")
    }

    @Test("next steps: staff's while under review, the resident's when documents are asked for, none once decided")
    func next() {
        #expect(ProgressNext.application(.submitted, department: nil)?.text == "街道（乡镇）或社区受理")
        #expect(ProgressNext.application(.returned, department: nil)?.residentActs == true)
        #expect(ProgressNext.application(.approved, department: nil) == nil)
        #expect(ProgressNext.application(.accepted, department: "教育局")?.text == "教育局办理中，办结后通知您")
        #expect(ProgressNext.booking(.active)?.residentActs == true)
        #expect(ProgressNext.booking(.cancelled) == nil)
        #expect(ProgressNext.correction(.open) != nil)
        #expect(ProgressNext.familySearch(status: "reunited") == nil)
    }
}
