// The ID number parser (`ResidentID`, GB 11643) and the credit code (`CreditCode`, GB 32100)
// on any text. An accepted number must re-format to the text it came from, parse again to
// itself, carry its own check character, a real birth date not after today, and mask to the
// same length; a refused one must say why, and a wrong check character must name the right one.
import FuzzSupport
import MinzhengCore

let today = CivilDate(year: 2024, month: 6, day: 15)!

func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }

func checkAccepted(_ id: ResidentID, from text: String) {
    let v = Array(id.value.utf8)
    Fuzz.require(v.count == 18, "value \(id.value) is not 18 bytes")
    Fuzz.require(
        v[0..<17].allSatisfy(isDigit) && (isDigit(v[17]) || v[17] == UInt8(ascii: "X")),
        "value \(id.value) is not 17 digits and a digit or X")
    let t = Array(text.utf8)
    if t.count == 18 {
        var upper = t
        if upper[17] == UInt8(ascii: "x") { upper[17] = UInt8(ascii: "X") }
        Fuzz.require(v == upper, "\(text) re-formats to \(id.value)")
    } else {
        Fuzz.require(t.count == 15, "accepted a text of \(t.count) bytes: \(text)")
        Fuzz.require(
            Array(v[0..<6]) + Array(v[8..<17]) == t && v[6] == UInt8(ascii: "1") && v[7] == UInt8(ascii: "9"),
            "legacy \(text) re-formats to \(id.value)")
    }
    Fuzz.require(ResidentID.checkCharacter(for: v[0..<17]) == v[17], "\(id.value) carries a wrong check character")
    do {
        let again = try ResidentID(id.value, today: today)
        Fuzz.require(again == id, "\(id.value) parses again to \(again.value)")
    } catch {
        Fuzz.fail("\(id.value) (from \(text)) is refused when parsed again: \(error)")
    }
    let birth = id.birthDate
    Fuzz.require(birth <= today, "birth date \(birth) after today")
    Fuzz.require(
        birth.description.replacingOccurrences(of: "-", with: "") == String(decoding: v[6..<14], as: UTF8.self),
        "birth date \(birth) is not the digits of \(id.value)")
    Fuzz.require(id.sex == ((v[16] - 48) % 2 == 1 ? .male : .female), "sex of \(id.value)")
    Fuzz.require(id.addressCode == String(decoding: v[0..<6], as: UTF8.self), "address code of \(id.value)")
    let masked = id.masked
    Fuzz.require(
        masked.count == 18 && masked.hasPrefix(id.addressCode) && masked.hasSuffix(String(id.value.suffix(4))),
        "mask \(masked) of \(id.value)")
}

func checkRefused(_ problem: ResidentID.Problem, text: String) {
    Fuzz.require(!problem.description.isEmpty, "a refusal without a message")
    switch problem {
    case .wrongLength(let n):
        Fuzz.require(n == text.count && n != 15 && n != 18, "wrongLength(\(n)) for \(text.count) characters")
    case .badChecksum(let expected):
        // The number with the check character it asks for must be accepted.
        var fixed = Array(text.utf8)
        Fuzz.require(fixed.count == 18, "a checksum refused on \(fixed.count) bytes")
        fixed[17] = expected.asciiValue ?? 0
        let corrected = String(decoding: fixed, as: UTF8.self)
        do { _ = try ResidentID(corrected, today: today) } catch {
            Fuzz.fail("\(text) asks for check character \(expected), but \(corrected) is refused: \(error)")
        }
    default:
        break
    }
}

Fuzz.run { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    // Masking keeps the length and shows the first 6 and last 4 characters of ID-like (ASCII)
    // text; on other text a combining mark may join a `*`, so only "no crash" is asked there.
    let masked = ResidentID.mask(text)
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        Fuzz.require(
            masked.count == text.count
                && (text.count <= 10
                    ? masked.allSatisfy { $0 == "*" }
                    : masked.hasPrefix(text.prefix(6)) && masked.hasSuffix(text.suffix(4))),
            "mask of \(text.debugDescription) is \(masked.debugDescription)")
    }
    do throws(ResidentID.Problem) {
        checkAccepted(try ResidentID(text, today: today), from: text)
    } catch {
        checkRefused(error, text: text)
    }
    do throws(CreditCode.Problem) {
        let code = try CreditCode(text)
        Fuzz.require(
            code.value == text.trimmedWhitespace.uppercased(), "credit code \(text) re-formats to \(code.value)")
        Fuzz.require(
            CreditCode.checkCharacter(for: String(code.value.prefix(17))) == code.value.last,
            "credit code \(code.value) carries a wrong check character")
        Fuzz.require((try? CreditCode(code.value)) == code, "credit code \(code.value) does not parse again")
    } catch {
        Fuzz.require(!error.chinese.isEmpty, "a credit code refusal without a message")
    }
}
