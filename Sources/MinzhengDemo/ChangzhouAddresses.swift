import MinzhengCore

/// Postal addresses in Changzhou: a flat on a road or in a residential estate in the
/// city and town centres, a house in a village group (组) in the countryside of towns.
enum ChangzhouAddresses {
    /// Stems of road, estate and village names: local place names and the usual
    /// auspicious ones.
    private static let roadStems = utf8Words([
        "青龙", "红梅", "和平", "延陵", "晋陵", "劳动", "关河", "广化", "兰陵", "龙城", "长江", "通江",
        "太湖", "人民", "博爱", "清潭", "丽华", "竹林", "常澄", "飞龙", "星港", "新堂", "湖塘", "武宜",
        "鸣凰", "大成", "中吴", "怀德", "化龙", "北环", "东经", "天目", "昆仑", "燕山", "黄河", "衡山",
        "汉江", "华山", "泰山", "玉龙", "永宁", "采菱", "丁香", "紫荆", "茶山", "白荡", "聚湖", "滆湖",
        "东方", "光华", "新丰", "河海", "鹤园", "勤业", "三堡", "五星", "荷花", "解放", "南大", "西林",
    ])
    private static let roadKinds = WeightedChoice(
        utf8Words([
            ("路", 12), ("街", 2), ("大道", 2), ("东路", 1), ("西路", 1), ("南路", 1), ("北路", 1), ("中路", 1), ("巷", 1),
        ]))
    private static let estateKinds = utf8Words(["花园", "新村", "苑", "家园", "公寓", "名都", "华府", "小区"])
    private static let villageStems = utf8Words([
        "东升", "新华", "红星", "联合", "永安", "前进", "建新", "三星", "光明", "长塘", "南庄", "北渚",
        "沙河", "杨庄", "周庄", "张墅", "塘头", "上沛", "曹桥", "桥头", "河口", "东岳", "西湖", "蒋店",
        "马家", "陈巷", "大港", "水北", "平桥", "社头", "芦溪", "后六", "夏林", "南山", "黄金", "湖边",
    ])
    private static let number = Array("号".utf8), building = Array("幢".utf8), unit = Array("单元".utf8),
        room = Array("室".utf8), village = Array("村".utf8), group = Array("组".utf8)

    static func make(in street: ChangzhouStreet, buffer text: inout UTF8Text, random: inout SplitMix64) -> String {
        text.start()
        text.append(street.addressPrefix)
        if street.kind == .town && random.chance(perMille: 550) {
            text.append(villageStems[random.below(villageStems.count)])
            text.append(village)
            text.append(number: random.inRange(1...16))
            text.append(group)
            text.append(number: random.inRange(1...120))
            text.append(number)
            return text.string
        }
        // Prisons have no residential estates.
        if street.kind == .prison || random.chance(perMille: 450) {
            text.append(roadStems[random.below(roadStems.count)])
            text.append(roadKinds.pick(&random))
            text.append(number: random.inRange(1...399))
            text.append(number)
        } else {
            text.append(roadStems[random.below(roadStems.count)])
            text.append(estateKinds[random.below(estateKinds.count)])
        }
        text.append(number: random.inRange(1...42))
        text.append(building)
        if random.chance(perMille: 400) {
            text.append(number: random.inRange(1...4))
            text.append(unit)
        }
        // Room numbers are floor and door: 502 is the second door on the fifth floor.
        text.append(number: random.inRange(1...18))
        text.append(number: random.inRange(1...4), width: 2)
        text.append(room)
        return text.string
    }
}
