/// What is wrong with a proposed standard name (FAMILY-SEARCH.md "Checks before approval"),
/// each naming the field and what to change.
public enum PlaceNameProblem: Error, Hashable, Sendable {
    case noReading(Character)
    case empty
    case notChinese(Character)
    case length(Int, allowed: ClosedRange<Int>)
    case generic(String, PlaceNameCategory)
    case forbiddenWord(String)
    case clash(existing: String, sameName: Bool)

    public var field: String {
        switch self {
        case .noReading: return "pinyin"
        case .generic: return "generic"
        default: return "name"
        }
    }

    public var message: String {
        switch self {
        case .noReading(let c): return "“\(c)”没有读音数据，请填写拼音 pinyin"
        case .empty: return "缺少标准名称"
        case .notChinese(let c): return "标准名称应由汉字组成（“\(c)”不是汉字；数字应写作汉字，如“二道沟”）"
        case .length(let n, let allowed):
            return "道路名称应为 \(allowed.lowerBound)–\(allowed.upperBound) 个字，实际 \(n) 个字"
        case .generic(let g, let category):
            return "通名“\(g)”不属于\(category.chinese)（可用：\(category.generics.joined(separator: "、"))）"
        case .forbiddenWord(let w): return "含有不宜使用的词“\(w)”；确有依据的请填写依据 basis"
        case .clash(let existing, let sameName):
            return sameName ? "本县（市、区）同类地名中已有“\(existing)”" : "与本县（市、区）同类地名“\(existing)”同音"
        }
    }
}

public enum PlaceNameRules {
    /// Words a new name may use only with a stated basis: "great", "world", "international",
    /// "centre" and their like (FAMILY-SEARCH.md).
    public static let guardedWords = ["伟大", "世界", "国际", "中心", "环球", "宇宙", "全球", "天下", "中华", "中央"]

    /// A road name's length in characters.
    public static let roadNameLength = 2...10
    /// Any other name's.
    public static let nameLength = 2...20

    /// `name` split into its specific and generic parts: the longest generic of the category
    /// the name ends in, leaving a specific part; for `other`, the name's last character.
    public static func split(_ name: String, category: PlaceNameCategory) -> (specific: String, generic: String)? {
        let generics =
            category == .other ? [String(name.suffix(1))] : category.generics.sorted { $0.count > $1.count }
        guard let generic = generics.first(where: { name.hasSuffix($0) && name.count > $0.count }) else { return nil }
        return (String(name.dropLast(generic.count)), generic)
    }

    /// An existing name of the same category in the same county, as the clash check reads it.
    public struct Neighbour: Hashable, Sendable {
        public let name: String
        public let soundKey: String
        public init(name: String, soundKey: String) {
            self.name = name
            self.soundKey = soundKey
        }
    }

    /// The parts of an acceptable name, or the first problem in the order a reviewer checks:
    /// characters, length, generic part, guarded words (unless a basis is given), then a same or
    /// same-sounding name among `neighbours` (same category, same county). `soundKey` is the
    /// name's when it cannot be read from the characters (from the spelling the officer typed).
    public static func check(
        name: String, category: PlaceNameCategory, basis: String?, soundKey: String? = nil, neighbours: [Neighbour]
    ) -> Result<(specific: String, generic: String), PlaceNameProblem> {
        guard !name.isEmpty else { return .failure(.empty) }
        if let bad = name.first(where: { !isHan($0) }) { return .failure(.notChinese(bad)) }
        let allowed = category == .road ? roadNameLength : nameLength
        guard allowed.contains(name.count) else { return .failure(.length(name.count, allowed: allowed)) }
        guard let parts = split(name, category: category) else {
            return .failure(.generic(String(name.suffix(1)), category))
        }
        if (basis ?? "").isEmpty, let word = guardedWords.first(where: { name.contains($0) }) {
            return .failure(.forbiddenWord(word))
        }
        if let same = neighbours.first(where: { $0.name == name }) {
            return .failure(.clash(existing: same.name, sameName: true))
        }
        if let key = soundKey ?? PlaceNameRomanisation.soundKey(name),
            let alike = neighbours.first(where: { $0.soundKey == key })
        {
            return .failure(.clash(existing: alike.name, sameName: false))
        }
        return .success(parts)
    }

    /// A CJK unified ideograph (the register's names are written in them).
    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
