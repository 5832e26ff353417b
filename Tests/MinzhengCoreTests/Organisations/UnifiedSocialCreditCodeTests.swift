import MinzhengCore
import Testing

@Suite("Unified social credit codes (GB 32100) of social organisations")
struct UnifiedSocialCreditCodeTests {
    /// A social group of 天宁区 with organisation code MA1WXY12 (both checks computed).
    static let group = UnifiedSocialCreditCode.make(kind: .socialGroup, region: "320402", body: "MA1WXY12")

    /// `code` with the character at `position` (1-based) replaced.
    static func replacing(_ code: String, _ position: Int, with c: Character) -> String {
        var chars = Array(code)
        chars[position - 1] = c
        return String(chars)
    }

    /// `code` with the check character (position 18) recomputed, so only the change tested remains.
    static func rechecked(_ code: String) -> String {
        let first17 = String(code.prefix(17))
        return first17 + String(CreditCode.checkCharacter(for: first17)!)
    }

    @Test(
        "valid codes of each kind",
        arguments: [
            (UnifiedSocialCreditCode.make(kind: .socialGroup, region: "320400", body: "50000001"), .socialGroup),
            (
                UnifiedSocialCreditCode.make(kind: .socialServiceOrganisation, region: "320411", body: "MJ0000AB"),
                .socialServiceOrganisation
            ),
            (UnifiedSocialCreditCode.make(kind: .foundation, region: "320000", body: "50987654"), .foundation),
            // Written out by hand (ORGANISATIONS.md's weights): 51320402MA1WXY12 + 3 + H.
            ("51320402MA1WXY123H", .socialGroup),
        ] as [(String, OrganisationKind)])
    func valid(_ code: String, _ kind: OrganisationKind) throws {
        let parsed = try UnifiedSocialCreditCode(code, kind: kind)
        #expect(parsed.value == code)
    }

    @Test("lower case is accepted and stored upper case")
    func lowerCase() throws {
        let code = UnifiedSocialCreditCode.make(kind: .foundation, region: "320402", body: "MA1WXY12")
        #expect(code.contains("M"))
        #expect(try UnifiedSocialCreditCode(code.lowercased(), kind: .foundation).value == code)
    }

    @Test(
        "each refusal names its reason",
        arguments: [
            (String(group.dropLast()), .length),
            (group + "1", .length),
            ("", .length),
            (replacing(group, 10, with: "I"), .character),
            (replacing(group, 3, with: "-"), .character),
            (replacing(group, 18, with: group.last == "0" ? "1" : "0"), .checkCharacter),
            (rechecked(replacing(group, 17, with: group.dropLast().last == "0" ? "1" : "0")), .organisationCodeCheck),
            (rechecked(replacing(group, 1, with: "9")), .authority),
            (rechecked(replacing(group, 1, with: "1")), .authority),
            (rechecked(replacing(group, 2, with: "5")), .type),
            (UnifiedSocialCreditCode.make(kind: .foundation, region: "320402", body: "MA1WXY12"), .typeMismatch),
            (rechecked(replacing(group, 2, with: "9")), .typeMismatch),
        ] as [(String, CreditCodeProblem)])
    func refused(_ code: String, _ problem: CreditCodeProblem) {
        #expect(throws: problem) { try UnifiedSocialCreditCode(code, kind: .socialGroup) }
    }

    @Test("the organisation code's check: 10 is X, 11 is 0")
    func organisationCheckCharacters() throws {
        // Every body is accepted by its own made code; the check characters cover X and 0.
        var seen: Set<Character> = []
        for n in 0..<400 {
            let body = String(50_000_000 + n * 37)
            let code = UnifiedSocialCreditCode.make(kind: .socialGroup, region: "320404", body: body)
            seen.insert(Array(code)[16])
            #expect(try UnifiedSocialCreditCode(code, kind: .socialGroup).value == code)
        }
        #expect(seen.contains("X") && seen.contains("0"))
        #expect(try UnifiedSocialCreditCode(Self.group, kind: .socialGroup).authorityRegion == "320402")
    }
}
