import MinzhengCore

/// Chinese personal names: a surname drawn by frequency (national order, with the
/// surnames common in southern Jiangsu and Changzhou's own 恽, 巢, 眭 …) and a one- or
/// two-character given name from characters popular in the person's birth era.
enum ChineseNames {
    static let surnames = WeightedChoice(
        utf8Words([
            ("王", 720), ("李", 690), ("张", 690), ("陈", 640), ("刘", 530), ("杨", 310), ("徐", 300),
            ("周", 280), ("吴", 260), ("朱", 250), ("黄", 220), ("孙", 220), ("赵", 200), ("马", 150),
            ("胡", 130), ("高", 120), ("蒋", 120), ("沈", 120), ("郭", 110), ("许", 110), ("陆", 110),
            ("何", 100), ("曹", 100), ("丁", 100), ("顾", 90), ("林", 80), ("郑", 80), ("宋", 80),
            ("唐", 80), ("姚", 80), ("谢", 70), ("韩", 70), ("冯", 70), ("潘", 70), ("金", 70),
            ("钱", 70), ("罗", 60), ("梁", 60), ("董", 60), ("袁", 60), ("蔡", 60), ("叶", 60),
            ("姜", 60), ("夏", 60), ("彭", 50), ("田", 50), ("于", 50), ("程", 50), ("苏", 50),
            ("魏", 50), ("吕", 50), ("汪", 50), ("范", 50), ("戴", 50), ("汤", 50), ("邓", 40),
            ("肖", 40), ("余", 40), ("杜", 40), ("任", 40), ("卢", 40), ("石", 40), ("方", 40),
            ("邹", 40), ("薛", 40), ("史", 40), ("陶", 40), ("邵", 40), ("严", 40), ("庄", 40),
            ("盛", 40), ("钟", 30), ("孟", 30), ("秦", 30), ("江", 30), ("尹", 30), ("贺", 30),
            ("毛", 30), ("龚", 30), ("贾", 30), ("曾", 20), ("崔", 20), ("谭", 20), ("付", 20),
            ("白", 20), ("熊", 20), ("邱", 20), ("段", 20), ("侯", 20), ("万", 20), ("武", 20),
            ("孔", 20), ("恽", 20), ("殷", 20), ("储", 20), ("缪", 20), ("廖", 10), ("韦", 10),
            ("闫", 10), ("雷", 10), ("龙", 10), ("黎", 10), ("郝", 10), ("莫", 10), ("承", 10),
            ("惠", 10), ("芮", 10), ("眭", 5), ("巢", 5),
        ]))

    /// Given-name characters by birth era and sex: 建国 and 秀英 are grandparents'
    /// names, 伟 and 丽 their children's, 梓轩 and 欣怡 their grandchildren's.
    private static let characters: [(bornBefore: Int, male: [[UInt8]], female: [[UInt8]], singlePerMille: Int)] = [
        (
            1960,
            utf8Words([
                "国", "建", "华", "明", "德", "志", "永", "福", "荣", "根", "宝", "金", "林", "富",
                "兴", "生", "忠", "庆", "海", "文", "祥", "贵", "春", "和", "元", "才", "发", "成",
            ]),
            utf8Words([
                "秀", "英", "兰", "芳", "珍", "桂", "凤", "玉", "梅", "琴", "娣", "妹", "云", "华",
                "花", "翠", "菊", "红", "霞", "美", "素", "淑", "芬", "娟", "萍", "月", "仙", "招",
            ]),
            250
        ),
        (
            1990,
            utf8Words([
                "伟", "强", "军", "勇", "涛", "斌", "磊", "杰", "峰", "波", "辉", "刚", "健", "明",
                "超", "平", "东", "俊", "华", "鹏", "飞", "亮", "文", "荣", "新", "卫", "洪", "剑",
            ]),
            utf8Words([
                "丽", "静", "燕", "敏", "霞", "红", "娟", "艳", "玲", "萍", "芳", "婷", "雪", "琴",
                "慧", "颖", "莉", "娜", "琳", "洁", "晓", "梅", "蓉", "倩", "丹", "佳", "芸", "虹",
            ]),
            400
        ),
        (
            Int.max,
            utf8Words([
                "子", "浩", "宇", "轩", "睿", "博", "涵", "俊", "泽", "晨", "阳", "皓", "辰", "逸",
                "然", "铭", "昊", "嘉", "一", "梓", "航", "天", "奕", "锦", "煜", "宸", "诚", "毅",
            ]),
            utf8Words([
                "子", "涵", "欣", "怡", "梓", "萱", "雨", "诗", "佳", "琪", "悦", "可", "馨", "思",
                "晨", "语", "若", "一", "宁", "依", "瑶", "婉", "沐", "雅", "琳", "妍", "安", "彤",
            ]),
            150
        ),
    ]

    static func make(
        surname: [UInt8], sex: Sex, birthYear: Int, buffer text: inout UTF8Text,
        random: inout SplitMix64
    ) -> String {
        text.start()
        text.append(surname)
        let era = characters.first { birthYear < $0.bornBefore }!
        let pool = sex == .male ? era.male : era.female
        let first = random.below(pool.count)
        text.append(pool[first])
        if !random.chance(perMille: era.singlePerMille) {
            // A second character different from the first: 建建 is not a name.
            text.append(pool[(first + 1 + random.below(pool.count - 1)) % pool.count])
        }
        return text.string
    }
}
