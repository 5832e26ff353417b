/// A name prepared for comparison once: surname and given part, their readings with tones,
/// without tones and folded for dialects, and the nickname core (阿强, 小强, 强强 → 强).
public struct NameForms: Sendable, Hashable {
    public let text: String
    /// Nil when the text is a nickname form (阿强, 老三, 伟伟) or a single character.
    public let surname: String?
    public let given: String
    let tones: [String]
    let toneless: [String]
    let fuzzy: [String]
    /// The characters a nickname keeps of a name, toneless: 阿强 → [qiang], 伟伟 → [wei].
    let core: [String]
    let surnameToneless: String?

    /// Two-character surnames (复姓) that the split must keep whole.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文",
        "独孤", "轩辕", "端木", "西门", "南宫", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠",
    ]
    /// Written variants of a surname, folded to one form: 萧/肖, 於/于, 阎/闫, 傅/付 are told apart by
    /// careful clerks and mixed up by everyone else.
    static let surnameVariants: [String: String] = ["萧": "肖", "於": "于", "阎": "闫", "傅": "付", "楊": "杨", "陳": "陈"]
    static let nicknamePrefixes: Set<Character> = ["阿", "小", "老", "大", "二"]

    public init?(_ raw: String) {
        let text = String(raw.filter { !$0.isWhitespace && $0 != "·" && $0 != "•" })
        guard !text.isEmpty else { return nil }
        self.text = text
        let chars = Array(text)
        let isNickname =
            chars.count == 2 && (Self.nicknamePrefixes.contains(chars[0]) || chars[0] == chars[1])
        if chars.count == 1 || isNickname {
            surname = nil
            given = text
        } else if chars.count >= 3, Self.compoundSurnames.contains(String(chars[0...1])) {
            surname = String(chars[0...1])
            given = String(chars[2...])
        } else {
            surname = String(chars[0])
            given = String(chars[1...])
        }
        let surnameCount = surname?.count ?? 0
        tones = chars.enumerated().map { i, c in
            Pinyin.reading(c, surname: i < surnameCount) ?? String(c)
        }
        toneless = tones.map(Pinyin.toneless)
        fuzzy = tones.map(Pinyin.fuzzy)
        surnameToneless = surname.map { s in
            let folded = Self.surnameVariants[s] ?? s
            return folded.map { Pinyin.toneless(Pinyin.reading($0, surname: true) ?? String($0)) }.joined()
        }
        var coreChars = Array(given)
        if coreChars.count == 2, Self.nicknamePrefixes.contains(coreChars[0]), surname == nil {
            coreChars.removeFirst()
        }
        if coreChars.count == 2, coreChars[0] == coreChars[1] { coreChars.removeFirst() }
        core = coreChars.map { Pinyin.toneless(Pinyin.reading($0) ?? String($0)) }
    }

    /// The given name's readings without tones.
    var givenToneless: [String] { Array(toneless.dropFirst(surname?.count ?? 0)) }

    /// A blocking key of the name: the surname folded for dialects, nil for a nickname form.
    public var surnameKey: String? {
        guard let surname else { return nil }
        let folded = Self.surnameVariants[surname] ?? surname
        return folded.map { Pinyin.fuzzy(Pinyin.reading($0, surname: true) ?? String($0)) }.joined()
    }

    /// The last character of the given name, folded (the one nicknames keep: 建强 → 阿强).
    public var lastGivenKey: String? {
        guard let last = given.last else { return nil }
        return Pinyin.fuzzy(Pinyin.reading(last) ?? String(last))
    }
}

/// How two names agree, best first.
public enum NameAgreement: Int, CaseIterable, Sendable, Codable {
    case exact, sameTones, sameToneless, nearSound, nickname, surnameOnly, disagree

    public var chinese: String {
        switch self {
        case .exact: "姓名相同"
        case .sameTones: "姓名同音同调"
        case .sameToneless: "姓名同音（声调不同）"
        case .nearSound: "姓名近音（方言易混）"
        case .nickname: "小名或昵称相符"
        case .surnameOnly: "仅姓氏相符"
        case .disagree: "姓名不符"
        }
    }

    /// The best agreement between what a found person is called and what a family calls the lost one:
    /// nil when one side has no name at all.
    public static func compare(_ a: [NameForms], _ b: [NameForms]) -> NameAgreement? {
        guard let aMain = a.first, let bMain = b.first else { return nil }
        var best = NameAgreement.disagree
        func consider(_ level: NameAgreement) { if level.rawValue < best.rawValue { best = level } }
        for x in a {
            for y in b {
                let bothFull = x.surname != nil && y.surname != nil
                if x.text == y.text {
                    consider(bothFull && x == aMain && y == bMain ? .exact : bothFull ? .exact : .nickname)
                    continue
                }
                if bothFull && x.toneless.count == y.toneless.count {
                    if x.tones == y.tones {
                        consider(.sameTones)
                    } else if x.toneless == y.toneless
                        || (x.surnameToneless == y.surnameToneless && x.givenToneless == y.givenToneless)
                    {
                        consider(.sameToneless)
                    } else if x.fuzzy == y.fuzzy {
                        consider(.nearSound)
                    }
                }
                // A nickname form on one side against the other's given name (阿强 / 王建强, 伟伟 / 李伟).
                if x.surname == nil || y.surname == nil {
                    let (nick, full) = x.surname == nil ? (x, y) : (y, x)
                    if !nick.core.isEmpty, let last = full.givenToneless.last ?? full.core.last,
                        nick.core.last == last || full.core == nick.core
                    {
                        consider(.nickname)
                    }
                }
                if bothFull, x.surnameToneless == y.surnameToneless { consider(.surnameOnly) }
                // A single character that is the other side's surname (只记得姓王).
                if x.text.count == 1 || y.text.count == 1 {
                    let (one, full) = x.text.count == 1 ? (x, y) : (y, x)
                    if let s = full.surnameToneless, one.toneless.first == s { consider(.surnameOnly) }
                }
            }
        }
        return best
    }
}
