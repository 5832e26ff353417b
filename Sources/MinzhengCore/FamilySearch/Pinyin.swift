/// Mandarin readings of Chinese characters for comparing names by sound: 张伟 and 章伟 are
/// both zhang1 wei3, 王 and 汪 both wang without tones, and in many dialects 刘 (liu) and
/// 牛 (niu), 陈 (chen) and 岑 (cen) are not told apart (`fuzzy`).
public enum Pinyin {
    /// One character's reading in numbered-tone pinyin (`zhang1`), parsed once from `table`.
    static let readings: [Character: String] = {
        var map: [Character: String] = [:]
        map.reserveCapacity(7000)
        for word in table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let first = word.first else { continue }
            map[first] = String(word.dropFirst())
        }
        return map
    }()

    /// Surnames read otherwise than the character's common reading (单 Shàn, not dān).
    static let surnameReadings: [Character: String] = [
        "单": "shan4", "曾": "zeng1", "解": "xie4", "仇": "qiu2", "区": "ou1", "朴": "piao2", "查": "zha1",
        "盖": "ge3", "乐": "yue4", "尉": "yu4", "秘": "bi4", "缪": "miao4", "种": "chong2", "召": "shao4",
        "覃": "qin2", "翟": "zhai2", "长": "chang2", "重": "chong2", "沈": "shen3", "万": "wan4", "柏": "bai3",
    ]

    /// The reading of `character` (as a surname when `surname`), nil for a character not in the table.
    public static func reading(_ character: Character, surname: Bool = false) -> String? {
        if surname, let special = surnameReadings[character] { return special }
        return readings[character]
    }

    /// `zhang1` → `zhang`.
    public static func toneless(_ syllable: String) -> String {
        String(syllable.filter { !$0.isNumber })
    }

    /// The toneless syllable with the distinctions many dialects do not make folded away:
    /// n/l, zh/z, ch/c, sh/s, h/f (before u), an/ang, en/eng, in/ing.
    public static func fuzzy(_ syllable: String) -> String {
        var s = toneless(syllable)
        for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s")] where s.hasPrefix(from) {
            s = to + s.dropFirst(from.count)
        }
        if s.hasPrefix("n") && s != "n" && !s.hasPrefix("ng") { s = "l" + s.dropFirst() }
        if s.hasPrefix("hu") {
            // 湖 hu / 福 fu, 花 hua / 发 fa, 灰 hui / 飞 fei, 黄 huang / 方 fang.
            let rest = String(s.dropFirst(2))
            s = rest.isEmpty ? "fu" : rest == "i" ? "fei" : "f" + rest
        }
        for (from, to) in [("ang", "an"), ("eng", "en"), ("ing", "in")] where s.hasSuffix(from) {
            s = s.dropLast(from.count) + to
        }
        return s
    }

    /// Characters of the table read exactly like `character` (same syllable and tone), for
    /// the synthetic set's misspellings and the tests.
    public static func homophones(of character: Character) -> [Character] {
        guard let r = readings[character] else { return [] }
        return byReading[r, default: []].filter { $0 != character }
    }

    /// Characters read with the same syllable in another tone (王 wáng / 汪 wāng).
    public static func otherToneHomophones(of character: Character) -> [Character] {
        guard let r = readings[character] else { return [] }
        let plain = toneless(r)
        return byFuzzy[fuzzy(r), default: []].filter { readings[$0]! != r && toneless(readings[$0]!) == plain }
    }

    /// Characters whose reading differs from `character`'s but folds to the same for dialects
    /// (刘 liu / 牛 niu, 陈 chen / 岑 cen), for the synthetic set.
    public static func nearHomophones(of character: Character) -> [Character] {
        guard let r = readings[character] else { return [] }
        let plain = toneless(r)
        return byFuzzy[fuzzy(r), default: []].filter { toneless(readings[$0]!) != plain }
    }

    static let byFuzzy: [String: [Character]] = {
        var map: [String: [Character]] = [:]
        for (c, r) in readings { map[fuzzy(r), default: []].append(c) }
        for key in map.keys { map[key]!.sort() }
        return map
    }()

    static let byReading: [String: [Character]] = {
        var map: [String: [Character]] = [:]
        for (c, r) in readings { map[r, default: []].append(c) }
        for key in map.keys { map[key]!.sort() }
        return map
    }()
}
