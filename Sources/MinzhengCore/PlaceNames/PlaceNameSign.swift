/// The kinds of place-name signs (GB 17733): a road sign, a street-number plate, a village or
/// estate sign, a sign of a bridge, water or hill.
public enum PlaceNameSignKind: String, CaseIterable, Codable, Sendable {
    case roadSign, doorPlate, villageSign, estateSign, landmarkSign

    public var chinese: String {
        switch self {
        case .roadSign: return "街路巷牌"
        case .doorPlate: return "门（楼）牌"
        case .villageSign: return "村牌"
        case .estateSign: return "小区（楼群）牌"
        case .landmarkSign: return "桥梁、水系、山体等地名标志"
        }
    }
}

/// What an inspection finds; a sign not `good` is on the repair list until a later inspection
/// finds it good again.
public enum PlaceNameSignCondition: String, CaseIterable, Codable, Sendable {
    case good, faded, damaged, missing, wrong

    public var chinese: String {
        switch self {
        case .good: return "完好"
        case .faded: return "褪色"
        case .damaged: return "损坏"
        case .missing: return "缺失"
        case .wrong: return "内容有误"
        }
    }

    public var needsRepair: Bool { self != .good }
}
