/// The four first-level indicators of GB/T 42195-2022 (老年人能力评估规范). Fixed by the
/// national standard, not dated parameters (ELDERLY.md marks the scoring "(standard)").
public enum AbilityIndicator: String, Sendable, CaseIterable, Codable {
    case selfCare, basicMotor, mentalState, perceptionSocial

    public var chinese: String {
        switch self {
        case .selfCare: return "自理能力"
        case .basicMotor: return "基础运动能力"
        case .mentalState: return "精神状态"
        case .perceptionSocial: return "感知觉与社会参与"
        }
    }

    /// The items of the indicator, in the standard's order.
    public var items: [AbilityItem] { AbilityItem.allCases.filter { $0.indicator == self } }

    /// The largest subtotal (32, 15, 28, 15).
    public var maximum: Int { items.reduce(0) { $0 + $1.maximum } }
}

/// The 26 second-level items, in the standard's order; the raw value is the JSON key.
/// Every item scores from 0 (worst) to its maximum (best).
public enum AbilityItem: String, Sendable, CaseIterable, Codable {
    // 自理能力
    case eating, grooming, bathing, dressingUpper, dressingLower, urination, defecation, toileting
    // 基础运动能力
    case bedPositionTransfer, bedChairTransfer, walking, stairs
    // 精神状态
    case timeOrientation, placeOrientation, personOrientation, memory, comprehension, expression
    case aggression, depression, consciousness
    // 感知觉与社会参与
    case vision, hearing, dailyAffairs, transportation, socialInteraction

    public var indicator: AbilityIndicator {
        switch self {
        case .eating, .grooming, .bathing, .dressingUpper, .dressingLower, .urination, .defecation, .toileting:
            return .selfCare
        case .bedPositionTransfer, .bedChairTransfer, .walking, .stairs:
            return .basicMotor
        case .timeOrientation, .placeOrientation, .personOrientation, .memory, .comprehension, .expression,
            .aggression, .depression, .consciousness:
            return .mentalState
        case .vision, .hearing, .dailyAffairs, .transportation, .socialInteraction:
            return .perceptionSocial
        }
    }

    /// The best score; the worst is always 0.
    public var maximum: Int {
        switch self {
        case .stairs, .transportation: return 3
        case .consciousness, .vision, .hearing: return 2
        case .aggression, .depression: return 1
        default: return 4
        }
    }

    public var range: ClosedRange<Int> { 0...maximum }

    public var chinese: String {
        switch self {
        case .eating: return "进食"
        case .grooming: return "修饰"
        case .bathing: return "洗澡"
        case .dressingUpper: return "穿/脱上衣"
        case .dressingLower: return "穿/脱裤子和鞋袜"
        case .urination: return "小便控制"
        case .defecation: return "大便控制"
        case .toileting: return "如厕"
        case .bedPositionTransfer: return "床上体位转移"
        case .bedChairTransfer: return "床椅转移"
        case .walking: return "平地行走"
        case .stairs: return "上下楼梯"
        case .timeOrientation: return "时间定向"
        case .placeOrientation: return "空间定向"
        case .personOrientation: return "人物定向"
        case .memory: return "记忆"
        case .comprehension: return "理解能力"
        case .expression: return "表达能力"
        case .aggression: return "攻击行为"
        case .depression: return "抑郁症状"
        case .consciousness: return "意识水平"
        case .vision: return "视力"
        case .hearing: return "听力"
        case .dailyAffairs: return "执行日常事务"
        case .transportation: return "使用交通工具外出"
        case .socialInteraction: return "社会交往能力"
        }
    }

    /// What a score means where the form needs more than the number (the short scales);
    /// nil where the number with the item's range is what the assessor's sheet shows.
    public func meaning(of score: Int) -> String? {
        switch (self, score) {
        case (.consciousness, 2): return "神志清醒"
        case (.consciousness, 1): return "嗜睡或昏睡"
        case (.consciousness, 0): return "昏迷"
        case (.aggression, 1): return "未出现攻击行为"
        case (.aggression, 0): return "近一个月内出现过攻击行为"
        case (.depression, 1): return "未出现抑郁症状"
        case (.depression, 0): return "近一个月内出现过抑郁症状"
        default: return nil
        }
    }

    /// The score of 意识水平 that means 昏迷.
    ///
    /// Reading of ELDERLY.md: "higher is better" for every item, and 意识水平 scores 0–2 —
    /// 2 神志清醒, 1 嗜睡/昏睡, 0 昏迷 (GB/T 42195-2022, table B.3). So 意识水平 "answered
    /// as 昏迷" is a score of 0, and it leads to level 4 like the basic-information item
    /// 昏迷 = 有.
    public static let comaConsciousnessScore = 0
}
