/// The categories of GB/T 18521 the register files names under (FAMILY-SEARCH.md "Place names"),
/// each with the generic parts (通名) a name of the category may end in.
public enum PlaceNameCategory: String, CaseIterable, Codable, Sendable {
    case administrativeUnit, residentialArea, road, bridgeTunnel, stationPort, parkSquare, water, mountain
    case memorialSite, other

    public var chinese: String {
        switch self {
        case .administrativeUnit: return "行政区划"
        case .residentialArea: return "居民点"
        case .road: return "道路街巷"
        case .bridgeTunnel: return "桥梁隧道"
        case .stationPort: return "交通站港"
        case .parkSquare: return "公园广场"
        case .water: return "水系"
        case .mountain: return "山体"
        case .memorialSite: return "纪念地"
        case .other: return "其他"
        }
    }

    /// The generic parts a name of this category may end in; `other` takes any ending.
    public var generics: [String] {
        switch self {
        case .administrativeUnit: return ["省", "市", "区", "县", "镇", "乡", "街道", "村", "社区"]
        case .residentialArea: return ["村", "庄", "小区", "花园", "新村", "苑", "园", "家园", "公寓", "里", "府", "湾", "庭", "居", "城"]
        case .road: return ["路", "街", "大街", "道", "大道", "巷", "弄", "高架"]
        case .bridgeTunnel: return ["桥", "大桥", "隧道"]
        case .stationPort: return ["站", "火车站", "汽车站", "港", "码头", "机场"]
        case .parkSquare: return ["公园", "广场", "园"]
        case .water: return ["河", "江", "湖", "塘", "浦", "荡", "渠", "浜", "溪", "泾", "沟", "运河"]
        case .mountain: return ["山", "岭", "峰", "墩"]
        case .memorialSite: return ["纪念馆", "故居", "陵园", "遗址", "纪念碑", "祠"]
        case .other: return []
        }
    }
}
