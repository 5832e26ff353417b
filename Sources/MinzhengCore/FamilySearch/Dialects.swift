/// Dialect groups (方言区) and where they are spoken, to infer a found person's home from an
/// accent: 吴语 → 苏南, 上海, 浙江; 江淮官话 → 苏中, 皖中; 中原官话 → 河南, 皖北, 苏北 …
/// Regions are code prefixes (32 Jiangsu, 3204 Changzhou).
public enum DialectGroup: String, CaseIterable, Sendable, Codable {
    case wu = "吴语"
    case jianghuai = "江淮官话"
    case zhongyuan = "中原官话"
    case southwest = "西南官话"
    case xiang = "湘语"
    case gan = "赣语"
    case hakka = "客家话"
    case yue = "粤语"
    case min = "闽语"
    case jilu = "冀鲁官话"
    case jiaoliao = "胶辽官话"
    case northeast = "东北官话"
    case beijing = "北京官话"
    case jin = "晋语"
    case lanyin = "兰银官话"
    case hui = "徽语"

    /// Words in a free-text accent ("常州口音", "说河南话", "苏北话") that name the group.
    static let keywords: [(DialectGroup, [String])] = [
        (.wu, ["吴语", "常州", "无锡", "苏州", "上海", "宁波", "杭州", "温州", "绍兴", "苏南", "江阴", "宜兴", "溧阳", "金坛"]),
        (.jianghuai, ["江淮", "南京", "扬州", "泰州", "盐城", "淮安", "合肥", "南通", "苏中", "皖中", "安庆"]),
        (.zhongyuan, ["中原", "河南", "徐州", "苏北", "宿迁", "连云港", "皖北", "阜阳", "宿州", "亳州", "陕西", "西安"]),
        (.southwest, ["西南", "四川", "重庆", "贵州", "云南", "湖北", "武汉", "川"]),
        (.xiang, ["湘", "湖南", "长沙"]),
        (.gan, ["赣", "江西", "南昌"]),
        (.hakka, ["客家"]),
        (.yue, ["粤", "广东", "广州", "香港", "广西"]),
        (.min, ["闽", "福建", "潮汕", "莆田", "海南", "温州话"]),
        (.jilu, ["冀鲁", "河北", "天津", "山东", "济南"]),
        (.jiaoliao, ["胶辽", "青岛", "烟台", "大连", "胶东"]),
        (.northeast, ["东北", "黑龙江", "吉林", "辽宁", "哈尔滨", "沈阳"]),
        (.beijing, ["北京"]),
        (.jin, ["晋语", "山西", "内蒙"]),
        (.lanyin, ["兰银", "甘肃", "宁夏", "新疆", "兰州"]),
        (.hui, ["徽语", "徽州", "黄山"]),
    ]

    /// The group an accent names, nil for 普通话 or words the table does not know.
    public init?(accent: String) {
        for (group, words) in Self.keywords where words.contains(where: { accent.contains($0) }) {
            self = group
            return
        }
        return nil
    }

    /// Region code prefixes where the group is spoken.
    public var regions: [String] {
        switch self {
        case .wu: ["3202", "3204", "3205", "3211", "31", "33"]
        case .jianghuai: ["3201", "3206", "3208", "3209", "3210", "3212", "3401", "3402", "3405", "3408"]
        case .zhongyuan: ["41", "3203", "3207", "3213", "3403", "3406", "3412", "3413", "3416", "61"]
        case .southwest: ["42", "50", "51", "52", "53"]
        case .xiang: ["43"]
        case .gan: ["36"]
        case .hakka: ["4414", "3607", "3508"]
        case .yue: ["44", "45"]
        case .min: ["35", "46", "4405", "4451"]
        case .jilu: ["12", "13", "37"]
        case .jiaoliao: ["3702", "3706", "2102"]
        case .northeast: ["21", "22", "23"]
        case .beijing: ["11"]
        case .jin: ["14", "15"]
        case .lanyin: ["62", "64", "65"]
        case .hui: ["3410"]
        }
    }

    public func spoken(in region: String) -> Bool { regions.contains { region.hasPrefix($0) } }

    /// The group spoken in a region (the most specific prefix wins: 3203 徐州 is 中原, not 32).
    public static func of(region: String) -> DialectGroup? {
        var best: (DialectGroup, Int)?
        for group in allCases {
            for prefix in group.regions where region.hasPrefix(prefix) && prefix.count > (best?.1 ?? 0) {
                best = (group, prefix.count)
            }
        }
        return best?.0
    }
}

/// Distinguishing features (痣, 疤, 胎记, 跛 …) and the body place before them (左脸有痣), as
/// words a station and a family both write.
public struct FeatureWords: Sendable, Hashable {
    public struct Mark: Sendable, Hashable {
        public let word: String
        public let place: String?

        public init(word: String, place: String?) {
            self.word = word
            self.place = place
        }
    }

    public let marks: Set<Mark>

    static let words = [
        "胎记", "缺指", "六指", "断指", "纹身", "刺青", "兔唇", "豁嘴", "斜视", "独眼", "假牙", "金牙", "驼背", "秃顶",
        "聋哑", "口吃", "结巴", "弱视", "烫伤", "烧伤", "白发", "卷发", "痣", "疤", "跛", "瘸", "瞎", "哑", "聋", "秃",
    ]
    static let synonyms: [String: String] = ["刺青": "纹身", "豁嘴": "兔唇", "瘸": "跛", "结巴": "口吃", "烧伤": "烫伤", "断指": "缺指"]
    static let places = [
        "额头", "左脸", "右脸", "脸", "左眼", "右眼", "眼", "左耳", "右耳", "耳", "嘴", "下巴", "颈", "脖子", "胸",
        "背", "腰", "左手", "右手", "手", "左臂", "右臂", "臂", "左腿", "右腿", "腿", "左脚", "右脚", "脚", "头",
    ]

    /// Reads the marks clause by clause: at each position the word starting there (a two-character
    /// word before a one-character one: 聋哑 not 聋), with the place written between the last word
    /// and this one (the earliest-listed place: 左脸 before 脸). Every candidate of a query is read
    /// this way, so it looks code points up in tables: `String.range(of:)` through Foundation was
    /// most of a nameless query's and the nightly rematch's time, and cutting text into grapheme
    /// clusters the next largest (every word, place and separator is one code point or two).
    public init(_ text: String?) {
        var marks = Set<Mark>()
        let scalars = Array((text ?? "").unicodeScalars)
        var i = 0
        var sinceLastWord = 0
        while i < scalars.count {
            if Self.separators.contains(scalars[i]) {
                i += 1
                sinceLastWord = i
            } else if let (word, length) = Self.entry(of: Self.wordKeys, at: i, in: scalars) {
                let place = Self.place(in: scalars[sinceLastWord..<i])
                marks.insert(Mark(word: Self.synonyms[Self.words[word]] ?? Self.words[word], place: place))
                i += length
                sinceLastWord = i
            } else {
                i += 1
            }
        }
        self.marks = marks
    }

    static let separators = Set("，,、；;。 \n".unicodeScalars)
    static let wordKeys = keys(words)
    static let placeKeys = keys(places)

    /// Each entry's index under the number made of its one or two code points.
    static func keys(_ entries: [String]) -> [UInt64: Int] {
        Dictionary(
            uniqueKeysWithValues: entries.enumerated().map { index, entry in
                let scalars = Array(entry.unicodeScalars)
                return (key(scalars[0], scalars.count > 1 ? scalars[1] : nil), index)
            })
    }

    static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second?.value ?? 0)
    }

    /// The entry starting at `i` (two code points tried first) and its length.
    static func entry(of table: [UInt64: Int], at i: Int, in scalars: [Unicode.Scalar]) -> (Int, Int)? {
        if i + 1 < scalars.count, let two = table[key(scalars[i], scalars[i + 1])] { return (two, 2) }
        return table[key(scalars[i], nil)].map { ($0, 1) }
    }

    /// The earliest-listed place written anywhere in `text`.
    static func place(in text: ArraySlice<Unicode.Scalar>) -> String? {
        var best = Int.max
        for i in text.indices {
            best = min(best, placeKeys[key(text[i], nil)] ?? .max)
            if i + 1 < text.endIndex { best = min(best, placeKeys[key(text[i], text[i + 1])] ?? .max) }
        }
        return best < places.count ? places[best] : nil
    }
}
