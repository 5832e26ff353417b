/// The three kinds of social organisation the civil-affairs registry keeps, each with the type
/// digit (position 2) its unified social credit code carries under authority 5.
public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case socialGroup, socialServiceOrganisation, foundation

    public var typeCharacter: Character {
        switch self {
        case .socialGroup: return "1"
        case .socialServiceOrganisation: return "2"
        case .foundation: return "3"
        }
    }

    public var chinese: String {
        switch self {
        case .socialGroup: return "社会团体"
        case .socialServiceOrganisation: return "民办非企业单位"
        case .foundation: return "基金会"
        }
    }
}

/// Why a text is not the unified social credit code of a social organisation of a kind.
public enum CreditCodeProblem: String, Error, Sendable, Equatable, CaseIterable {
    /// Not 18 characters.
    case length
    /// A character outside `0123456789ABCDEFGHJKLMNPQRTUWXY`.
    case character
    /// Position 18 is not the check character of positions 1–17.
    case checkCharacter
    /// Position 17 is not the check character of the organisation code (positions 9–16).
    case organisationCodeCheck
    /// Position 1 is not `5` (civil affairs).
    case authority
    /// Position 2 is not a type of authority 5 (`1`, `2`, `3`, `9`).
    case type
    /// Position 2 is a type of another kind than the one given.
    case typeMismatch

    public var chinese: String {
        switch self {
        case .length: return "统一社会信用代码应为 18 位"
        case .character: return "统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）"
        case .checkCharacter: return "统一社会信用代码第 18 位校验码错误"
        case .organisationCodeCheck: return "统一社会信用代码中组织机构代码（第 9–17 位）校验码错误"
        case .authority: return "统一社会信用代码第 1 位应为 5（民政部门登记）"
        case .type: return "统一社会信用代码第 2 位应为 1、2、3 或 9（民政部门登记的机构类别）"
        case .typeMismatch: return "统一社会信用代码第 2 位与社会组织类型不符"
        }
    }
}

/// A unified social credit code (GB 32100-2015) of a social organisation registered by civil
/// affairs: a `CreditCode` (length, characters, check character) whose organisation code
/// (positions 9–17, GB 11714) checks, of authority 5 and the type of its kind; stored upper case.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    public var description: String { value }
    /// The region code of the registering authority (positions 3–8).
    public var authorityRegion: String { String(value.dropFirst(2).prefix(6)) }

    /// Verifies `text` (lower case accepted) as the code of an organisation of `kind`.
    public init(_ text: String, kind: OrganisationKind) throws(CreditCodeProblem) {
        let upper = text.trimmedWhitespace.uppercased()
        do {
            _ = try CreditCode(upper)
        } catch {
            switch error {
            case .length: throw .length
            case .character: throw .character
            case .checkCharacter: throw .checkCharacter
            case .authority, .type: break  // the checks below say which, for authority 5
            }
        }
        let chars = Array(upper)
        guard chars[16] == Self.organisationCheck(chars[8..<16]) else { throw .organisationCodeCheck }
        guard chars[0] == "5" else { throw .authority }
        guard "1239".contains(chars[1]) else { throw .type }
        guard chars[1] == kind.typeCharacter else { throw .typeMismatch }
        value = upper
    }

    /// Position 17 (GB 11714) for the 8 characters of positions 9–16: digits their value,
    /// letters A–Z 10–35; 10 is `X`, 11 is `0`.
    static func organisationCheck(_ chars: ArraySlice<Character>) -> Character {
        let sum = zip(chars, organisationWeights).reduce(0) { total, pair in
            let v = pair.0.wholeNumberValue ?? Int(pair.0.asciiValue ?? 55) - 55
            return total + v * pair.1
        }
        let c = 11 - sum % 11
        return c == 10 ? "X" : c == 11 ? "0" : Character(String(c))
    }

    /// The code of an organisation of `kind` registered in `region` (6 digits) with the 8-character
    /// organisation code `body` (characters of the code's set): both check characters computed.
    /// For the demo, the benchmark and tests.
    public static func make(kind: OrganisationKind, region: String, body: String) -> String {
        let first17 = "5" + String(kind.typeCharacter) + region + body + String(organisationCheck(Array(body)[...]))
        return first17 + String(CreditCode.checkCharacter(for: first17) ?? "0")
    }
}
