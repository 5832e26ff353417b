/// A resident identity number (居民身份证号码, GB 11643-1999): 6-digit address code,
/// 8-digit birth date, 3-digit sequence (odd for men), 1 check character.
///
/// The address code is the one valid when the number was issued; codes that no longer
/// exist stay valid, so it is never checked against today's region table.
public struct ResidentID: Hashable, Sendable, CustomStringConvertible {
    /// The canonical 18-character form, check character upper-case.
    public let value: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case badAddressCode
        case badBirthDate
        case birthDateInFuture
        case badChecksum(expected: Character)

        public var description: String {
            switch self {
            case .wrongLength(let n): return "身份证号应为18位（或15位旧号），实际\(n)位"
            case .notDigits: return "身份证号只能由数字组成，最后一位可为X"
            case .badAddressCode: return "身份证号的地址码无效"
            case .badBirthDate: return "身份证号中的出生日期不存在"
            case .birthDateInFuture: return "身份证号中的出生日期晚于今天"
            case .badChecksum(let c): return "身份证号校验位错误（应为\(c)）"
            }
        }
    }

    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    /// Validates an 18-character number (or converts a 15-character legacy one).
    /// - Parameter today: birth dates after this day are refused.
    public init(_ text: String, today: CivilDate) throws(Problem) {
        // Judge the length in characters, not UTF-8 bytes: "１２３" (full-width) is 3 long.
        let length = text.count
        guard length == 15 || length == 18 else { throw .wrongLength(length) }
        var bytes = Array(text.utf8)
        guard bytes.count == length else { throw .notDigits }
        if bytes.count == 15 {
            guard bytes.allSatisfy(isDigit) else { throw .notDigits }
            // Legacy numbers carry a two-digit year of the 1900s and no check character.
            bytes = Array(bytes[0..<6]) + Array("19".utf8) + Array(bytes[6..<15])
            bytes.append(ResidentID.checkCharacter(for: bytes[0..<17]))
        }
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        guard bytes[0..<17].allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            throw .notDigits
        }
        // Province codes run from 11 to 91; a leading 0 or 10 is never issued.
        guard bytes[0] != UInt8(ascii: "0"), !(bytes[0] == UInt8(ascii: "1") && bytes[1] == UInt8(ascii: "0")) else {
            throw .badAddressCode
        }
        guard let birth = CivilDate(compact: bytes[6..<14]) else { throw .badBirthDate }
        guard birth <= today else { throw .birthDateInFuture }
        let expected = ResidentID.checkCharacter(for: bytes[0..<17])
        guard bytes[17] == expected else { throw .badChecksum(expected: Character(Unicode.Scalar(expected))) }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// The GB 11643 check character of the first 17 digits.
    public static func checkCharacter(for digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (i, b) in digits.enumerated() { sum += Int(b - 48) * weights[i] }
        return checkCharacters[sum % 11]
    }

    public var addressCode: String { String(value.prefix(6)) }

    public var birthDate: CivilDate {
        CivilDate(compact: Array(value.utf8)[6..<14])!
    }

    /// The 17th character is odd for men and even for women.
    public var sex: Sex {
        let b = Array(value.utf8)[16]
        return (b - 48) % 2 == 1 ? .male : .female
    }

    /// The form lists, logs and exports show: the address code and the last four
    /// characters, e.g. `320402********123X`.
    public var masked: String { ResidentID.mask(value) }

    /// Masks any text that may be an ID number; short texts are masked whole.
    public static func mask(_ text: String) -> String {
        guard text.count > 10 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(6)) + String(repeating: "*", count: text.count - 10) + String(text.suffix(4))
    }

    public var description: String { masked }
}

public enum Sex: String, Codable, Sendable, CaseIterable {
    case male, female

    public var chinese: String { self == .male ? "男" : "女" }
}

@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
