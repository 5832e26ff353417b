/// Hanyu Pinyin of a standard place name by GB/T 16159 and the place-name rules of
/// FAMILY-SEARCH.md: the specific part (专名) written as one word and the generic part (通名)
/// apart, each capitalised (太湖 Tai Hu, 中山路 Zhongshan Lu, 西辽河 Xiliao He); on a road a
/// direction before the generic joins it (延陵西路 Yanling Xilu); an apostrophe where a syllable
/// starting with a, o or e could be misread (西安 Xi'an); tone marks in the register, none on
/// signs. Generated from the characters' common readings and then editable by the officer,
/// because a place may keep a reading of its own.
public enum PlaceNameRomanisation {
    /// The register's form (with tone marks) and the sign's (without).
    public struct Spelling: Hashable, Sendable {
        public let register: String
        public let sign: String
        public init(register: String, sign: String) {
            self.register = register
            self.sign = sign
        }
    }

    /// The directions that join a road's generic part on signs.
    static let directions: Set<Character> = ["东", "西", "南", "北", "中"]

    /// The spelling of `specific` + `generic`, or the first character without a reading.
    public static func spell(
        specific: String, generic: String, category: PlaceNameCategory
    ) -> Result<Spelling, PlaceNameProblem> {
        var specificPart = Array(specific)
        var genericPart = Array(generic)
        // 延陵西路: the direction goes with 路 when a specific of two characters or more is left.
        if category == .road, specificPart.count >= 3, let last = specificPart.last, directions.contains(last),
            !genericPart.isEmpty
        {
            specificPart.removeLast()
            genericPart.insert(last, at: 0)
        }
        var numbered: [[String]] = []
        for part in [specificPart, genericPart] where !part.isEmpty {
            var syllables: [String] = []
            for character in part {
                guard let reading = Pinyin.reading(character) else {
                    return .failure(.noReading(character))
                }
                syllables.append(reading)
            }
            numbered.append(syllables)
        }
        let register = numbered.map { word(of: $0, marks: true) }.joined(separator: " ")
        let sign = numbered.map { word(of: $0, marks: false) }.joined(separator: " ")
        return .success(Spelling(register: register, sign: sign))
    }

    /// The whole name's syllables without tones and spaces (延陵西路 → yanlingxilu): two names of
    /// the same key sound the same.
    public static func soundKey(_ name: String) -> String? {
        var key = ""
        for character in name {
            guard let reading = Pinyin.reading(character) else { return nil }
            key += Pinyin.toneless(reading).replacingOccurrences(of: "v", with: "u")
        }
        return key
    }

    /// Numbered syllables (`yan2`, `ling2`) as one capitalised word (Yánlíng), with an
    /// apostrophe before a syllable inside the word that starts with a, o or e.
    static func word(of syllables: [String], marks: Bool) -> String {
        var text = ""
        for (i, numbered) in syllables.enumerated() {
            var syllable = marks ? toneMarked(numbered) : Pinyin.toneless(numbered)
            syllable = syllable.replacingOccurrences(of: "v", with: "ü")
            if i > 0, let first = syllable.first, "aoeāáǎàōóǒòēéěè".contains(first) { text += "'" }
            text += syllable
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `zhang1` → `zhāng`: the mark on a or e, on the o of ou, else on the last vowel; none for
    /// the neutral tone.
    static func toneMarked(_ numbered: String) -> String {
        guard let tone = numbered.last?.wholeNumberValue, (1...4).contains(tone) else {
            return Pinyin.toneless(numbered)
        }
        let plain = Array(Pinyin.toneless(numbered))
        let marked: [Character: [Character]] = [
            "a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
            "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "v": ["ǖ", "ǘ", "ǚ", "ǜ"],
        ]
        let position: Int? =
            plain.firstIndex(of: "a") ?? plain.firstIndex(of: "e")
            ?? (plain.contains("o") && plain.contains("u") && plain.firstIndex(of: "o")! < plain.firstIndex(of: "u")!
                ? plain.firstIndex(of: "o") : nil)
            ?? plain.lastIndex(where: { "iouv".contains($0) })
        guard let position, let forms = marked[plain[position]] else { return String(plain) }
        var result = plain
        result[position] = forms[tone - 1]
        return String(result)
    }
}

extension PlaceNameRomanisation {
    /// The sign's form of a register spelling the officer typed: tone marks dropped (ü kept).
    public static func withoutMarks(_ register: String) -> String {
        let plain: [Character: Character] = [
            "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e", "ī": "i", "í": "i",
            "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o", "ū": "u", "ú": "u", "ǔ": "u", "ù": "u",
            "ǖ": "ü", "ǘ": "ü", "ǚ": "ü", "ǜ": "ü", "Ā": "A", "Á": "A", "Ǎ": "A", "À": "A", "Ē": "E", "É": "E",
            "Ě": "E", "È": "E", "Ō": "O", "Ó": "O", "Ǒ": "O", "Ò": "O",
        ]
        return String(register.map { plain[$0] ?? $0 })
    }

    /// The sound key of a typed spelling (Gé Hú → gehu), for a name with a character the
    /// table has no reading of.
    public static func soundKey(ofSpelling register: String) -> String {
        String(withoutMarks(register).lowercased().filter(\.isLetter).map { $0 == "ü" ? "u" : $0 })
    }
}
