import Testing
@testable import MinzhengCore

private let today = CivilDate(year: 2024, month: 6, day: 1)!

@Suite("ResidentID (GB 11643)")
struct ResidentIDTests {
    @Test(
        "check characters of known bodies",
        arguments: [
            ("11010519491231002", "X"),  // the standard's own example
            ("44052418800101001", "4"),  // the standard's example born in 1880
            ("13050319670401001", "6"),
            ("32040519500315002", "2"),
            ("32048219621103004", "9"),
            ("32040219800102123", "X"),
        ])
    func knownCheckCharacters(body: String, check: Character) {
        #expect(GB11643Reference.checkCharacter(body) == check)
        #expect(Character(Unicode.Scalar(ResidentID.checkCharacter(for: Array(body.utf8)[...]))) == check)
    }

    @Test("check character agrees with the reference on 5000 bodies")
    func checkCharacterAgreesWithReference() {
        var state: UInt64 = 12345
        for _ in 0..<5000 {
            var body = ""
            for _ in 0..<17 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                body.append(Character(String((state >> 33) % 10)))
            }
            #expect(
                Character(Unicode.Scalar(ResidentID.checkCharacter(for: Array(body.utf8)[...])))
                    == GB11643Reference.checkCharacter(body), "\(body)")
        }
    }

    @Test(
        "real valid numbers are accepted with their birth date and sex",
        arguments: [
            ("11010519491231002X", "1949-12-31", Sex.female),
            ("440524188001010014", "1880-01-01", Sex.male),
            ("130503196704010016", "1967-04-01", Sex.male),
            ("32040219800102123X", "1980-01-02", Sex.male),
            ("320405195003150022", "1950-03-15", Sex.female),
        ])
    func acceptsValid(text: String, birth: String, sex: Sex) throws {
        let id = try ResidentID(text, today: today)
        #expect(id.value == text)
        #expect(id.birthDate == CivilDate(birth))
        #expect(id.sex == sex)
        #expect(id.addressCode == String(text.prefix(6)))
    }

    @Test("the 17th digit gives the sex: odd men, even women", arguments: 0...9)
    func sexFromSeventeenthDigit(digit: Int) throws {
        let id = try ResidentID(GB11643Reference.complete("3204021980010212\(digit)"), today: today)
        #expect(id.sex == (digit % 2 == 1 ? .male : .female))
    }

    @Test("a lower-case x is accepted and stored upper-case")
    func lowerCaseX() throws {
        let id = try ResidentID("11010519491231002x", today: today)
        #expect(id.value == "11010519491231002X")
        #expect(id == (try ResidentID("11010519491231002X", today: today)))
    }

    @Test(
        "a wrong check character names the right one",
        arguments: ["11010519491231002X", "440524188001010014", "130503196704010016"])
    func wrongChecksum(valid: String) {
        let body = String(valid.prefix(17))
        let expected = valid.last!
        for wrong in "0123456789X" where wrong != expected {
            #expect(throws: ResidentID.Problem.badChecksum(expected: expected)) {
                try ResidentID(body + String(wrong), today: today)
            }
        }
    }

    @Test(
        "a birth date that does not exist is refused",
        arguments: [
            "20230229", "20230230", "20240230", "19000229", "20230431", "20231301", "20230001", "20230100", "00000101",
        ])
    func impossibleBirthDate(date: String) {
        #expect(throws: ResidentID.Problem.badBirthDate) {
            try ResidentID(GB11643Reference.complete("320402" + date + "001"), today: today)
        }
    }

    @Test("29 February of a leap year is a birth date", arguments: ["20000229", "20240229", "19960229"])
    func leapDay(date: String) throws {
        _ = try ResidentID(GB11643Reference.complete("320402" + date + "001"), today: today)
    }

    @Test(
        "birth after today is refused; today itself is fine",
        arguments: [
            ("20240602", false), ("20250101", false), ("20240601", true), ("20240531", true),
        ])
    func birthInFuture(date: String, accepted: Bool) {
        let text = GB11643Reference.complete("320402" + date + "001")
        if accepted {
            #expect((try? ResidentID(text, today: today)) != nil)
        } else {
            #expect(throws: ResidentID.Problem.birthDateInFuture) { try ResidentID(text, today: today) }
        }
    }

    @Test(
        "wrong lengths are refused with the length in characters",
        arguments: [
            ("", 0), ("1234", 4), ("1101051949123100", 16), ("11010519491231002", 17),
            ("11010519491231002X1", 19), ("110105194912310021234", 21), ("１１０１０５", 6),
        ])
    func wrongLength(text: String, length: Int) {
        #expect(throws: ResidentID.Problem.wrongLength(length)) { try ResidentID(text, today: today) }
    }

    @Test(
        "anything but digits and a final X is refused",
        arguments: [
            "11010519491231002Y", "1101051949123100XX", "X1010519491231002X", "110105194912 1002X",
            "11010519491231002-", "13050367040100A", "1305036704010X1", "11010519491231002Ｘ", "１３０５０３６７０４０１００１",
        ])
    func notDigits(text: String) {
        #expect(throws: ResidentID.Problem.notDigits) { try ResidentID(text, today: today) }
    }

    @Test("province codes start at 11", arguments: ["010105194912310020", "100105194912310020"])
    func badAddressCode(body: String) {
        #expect(throws: ResidentID.Problem.badAddressCode) {
            try ResidentID(GB11643Reference.complete(String(body.prefix(17))), today: today)
        }
    }

    @Test(
        "address codes missing from today's table are accepted",
        arguments: [
            "32040519500315002",  // 戚墅堰区, merged into 武进区 in 2015
            "32048219621103004",  // 金坛市, now 金坛区 320413
            "32042119700101001",  // 武进县
        ])
    func formerAddressCodes(body: String) throws {
        let id = try ResidentID(GB11643Reference.complete(body), today: today)
        #expect(!RegionTable.shipped.contains(RegionCode(id.addressCode)!))
    }

    @Test(
        "15-digit legacy numbers become 18 digits in the 1900s",
        arguments: [
            ("130503670401001", "130503196704010016"),
            ("110105491231002", "11010519491231002X"),
            ("440524800101001", "440524198001010013"),
            ("320405500315002", "320405195003150022"),
        ])
    func legacyConversion(old: String, new: String) throws {
        let id = try ResidentID(old, today: today)
        #expect(id.value == new)
        #expect(new == GB11643Reference.complete(String(new.prefix(17))))
    }

    @Test("a legacy number with an impossible date is refused")
    func legacyBadDate() {
        #expect(throws: ResidentID.Problem.badBirthDate) { try ResidentID("130503670230001", today: today) }
    }

    @Test("masking keeps the address code and the last four characters")
    func masking() throws {
        let id = try ResidentID("32040219800102123X", today: today)
        #expect(id.masked == "320402********123X")
        #expect(id.description == "320402********123X")
        #expect(ResidentID.mask("130503670401001") == "130503*****1001")
        #expect(ResidentID.mask("12345") == "*****")
        #expect(ResidentID.mask("") == "")
    }

    @Test("problems explain themselves in Chinese")
    func problemDescriptions() {
        #expect(ResidentID.Problem.wrongLength(3).description == "身份证号应为18位（或15位旧号），实际3位")
        #expect(ResidentID.Problem.badChecksum(expected: "X").description == "身份证号校验位错误（应为X）")
        #expect(ResidentID.Problem.birthDateInFuture.description.contains("晚于今天"))
    }
}
