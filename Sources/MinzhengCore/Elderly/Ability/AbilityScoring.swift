import Foundation

/// 能力等级 of GB/T 42195-2022: 0 能力完好 … 4 能力完全丧失.
public enum AbilityLevel: Int, Sendable, CaseIterable, Codable, Comparable {
    case intact = 0, mild, moderate, severe, total

    public static func < (a: AbilityLevel, b: AbilityLevel) -> Bool { a.rawValue < b.rawValue }

    /// The preliminary level of a total (0–90): 90 → 0; 66–89 → 1; 46–65 → 2; 30–45 → 3;
    /// 0–29 → 4.
    public init(total: Int) {
        switch total {
        case 90...: self = .intact
        case 66...: self = .mild
        case 46...: self = .moderate
        case 30...: self = .severe
        default: self = .total
        }
    }

    public var chinese: String {
        switch self {
        case .intact: return "能力完好"
        case .mild: return "轻度受损（轻度失能）"
        case .moderate: return "中度受损（中度失能）"
        case .severe: return "重度受损（重度失能）"
        case .total: return "完全丧失（完全失能）"
        }
    }

    /// One level worse, never past 4.
    public var raised: AbilityLevel { AbilityLevel(rawValue: min(rawValue + 1, AbilityLevel.total.rawValue))! }

    /// The registry's 生活自理能力 that follows the final level (ELDERLY.md, dated parameters
    /// `abilityPartialSelfCareLevel` 2 and `abilityNoSelfCareLevel` 3): 0–1 完全自理,
    /// 2 部分自理, 3–4 完全不能自理. It drives the tekun care standard (POLICY.md R-tekun).
    public func selfCare(partialFrom: Int, noneFrom: Int) -> SelfCare {
        if rawValue >= noneFrom { return .none }
        if rawValue >= partialFrom { return .partial }
        return .full
    }

    /// The same with the parameters in force.
    public func selfCare(_ p: PolicyParameters) -> SelfCare {
        selfCare(partialFrom: p.abilityPartialSelfCareLevel, noneFrom: p.abilityNoSelfCareLevel)
    }
}

/// Why the final level differs from the preliminary one.
public enum AbilityChange: String, Sendable, CaseIterable, Codable {
    /// 昏迷: level 4, nothing else considered.
    case coma
    /// A diagnosis of F00–F99 (dementia F00–F03, or another mental or behavioural disorder).
    case diagnosis
    /// Two or more care-risk events (跌倒, 走失, 噎食, 自杀/自伤, 其他) in the last 30 days.
    case riskEvents

    public var chinese: String {
        switch self {
        case .coma: return "昏迷，直接评定为能力完全丧失"
        case .diagnosis: return "确诊痴呆或其他精神和行为障碍，能力等级上调一级"
        case .riskEvents: return "近 30 天内发生 2 次及以上照护风险事件，能力等级上调一级"
        }
    }
}

/// What an assessor records: the 26 scores and the facts the final level needs.
public struct AbilityAnswers: Sendable, Hashable {
    public var scores: [AbilityItem: Int]
    /// The basic-information item 昏迷 (有 = true).
    public var coma: Bool
    /// ICD-10 codes as diagnosed (`F01`, `F20.0`), normalised to upper case.
    public var diagnoses: [String]
    /// Care-risk events of all kinds in the last 30 days.
    public var riskEvents30Days: Int

    public init(scores: [AbilityItem: Int], coma: Bool = false, diagnoses: [String] = [], riskEvents30Days: Int = 0) {
        self.scores = scores
        self.coma = coma
        self.diagnoses = diagnoses
        self.riskEvents30Days = riskEvents30Days
    }

    /// The largest count of risk events accepted: far above any month, low enough to be a typo's bound.
    public static let maximumRiskEvents = 1_000

    /// Refuses, naming the field as the contract does (`items.stairs`, `diagnoses[0]`,
    /// `riskEvents30Days`): a missing item, a score out of its range, a malformed ICD-10 code,
    /// a negative count.
    public func validate() throws(Refusal) {
        for item in AbilityItem.allCases {
            guard let score = scores[item] else {
                throw .invalid("items.\(item.rawValue)", "缺少评估项目“\(item.chinese)” / required item is missing")
            }
            guard item.range.contains(score) else {
                throw .invalid(
                    "items.\(item.rawValue)",
                    "“\(item.chinese)”的得分应为 0–\(item.maximum)，收到 \(score) / score must be 0–\(item.maximum), got \(score)"
                )
            }
        }
        for (i, code) in diagnoses.enumerated() where ICD10.normalized(code) == nil {
            throw .invalid(
                "diagnoses[\(i)]",
                "诊断应为 ICD-10 编码（如 F01、F20.0），收到 \"\(code)\" / expected an ICD-10 code such as F01 or F20.0, got \"\(code)\""
            )
        }
        guard (0...Self.maximumRiskEvents).contains(riskEvents30Days) else {
            throw .invalid(
                "riskEvents30Days",
                "风险事件次数应为 0–\(Self.maximumRiskEvents)，收到 \(riskEvents30Days) / expected 0–\(Self.maximumRiskEvents), got \(riskEvents30Days)"
            )
        }
    }
}

/// ICD-10 codes as the assessment reads them.
public enum ICD10 {
    /// `F01`, `F20.0`, `f03.1` → upper case; nil unless a letter, two digits and at most a
    /// dot with one to four digits or letters (national extensions such as `F20.000x001`
    /// are cut to their ICD-10 part by the assessor).
    public static func normalized(_ code: String) -> String? {
        let c = Array(code.trimmingCharacters(in: .whitespaces).uppercased().utf8)
        guard c.count >= 3, c[0] >= UInt8(ascii: "A"), c[0] <= UInt8(ascii: "Z"),
            c[1...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        if c.count > 3 {
            let tail = c[4...]
            guard c[3] == UInt8(ascii: "."), (1...4).contains(tail.count),
                tail.allSatisfy({
                    ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                        || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                })
            else { return nil }
        }
        return String(decoding: c, as: UTF8.self)
    }

    /// F00–F99: dementia (F00–F03) and the other mental and behavioural disorders (F04–F99).
    /// Whether a psychiatrist made the diagnosis is the assessor's check before listing it.
    public static func isMentalOrBehavioural(_ code: String) -> Bool {
        normalized(code)?.hasPrefix("F") == true
    }
}

/// The report of one assessment: subtotals, total, preliminary and final level, the changes.
public struct AbilityResult: Sendable, Hashable {
    public let indicators: [AbilityIndicator: Int]
    public let total: Int
    public let preliminaryLevel: AbilityLevel
    public let finalLevel: AbilityLevel
    /// In `AbilityChange` order. `coma` whenever the person is in a coma (it sets the level);
    /// `diagnosis` and `riskEvents` when they hold and the level was raised — at a
    /// preliminary level of 4 nothing is raised, so they are not listed (final = preliminary).
    public let changes: [AbilityChange]

    public init(
        indicators: [AbilityIndicator: Int], total: Int, preliminaryLevel: AbilityLevel, finalLevel: AbilityLevel,
        changes: [AbilityChange]
    ) {
        self.indicators = indicators
        self.total = total
        self.preliminaryLevel = preliminaryLevel
        self.finalLevel = finalLevel
        self.changes = changes
    }
}

/// The scoring of GB/T 42195-2022 (ELDERLY.md "Ability assessment").
public enum AbilityScoring {
    /// Validates the answers, then scores them.
    public static func score(_ answers: AbilityAnswers) throws(Refusal) -> AbilityResult {
        try answers.validate()
        var indicators: [AbilityIndicator: Int] = [:]
        for indicator in AbilityIndicator.allCases {
            indicators[indicator] = indicator.items.reduce(0) { $0 + (answers.scores[$1] ?? 0) }
        }
        let total = indicators.values.reduce(0, +)
        let preliminary = AbilityLevel(total: total)
        // 1. 昏迷 (basic information, or 意识水平 scored as 昏迷): level 4, nothing else considered.
        if answers.coma || answers.scores[.consciousness] == AbilityItem.comaConsciousnessScore {
            return AbilityResult(
                indicators: indicators, total: total, preliminaryLevel: preliminary, finalLevel: .total,
                changes: [.coma])
        }
        // 2. One raise at most, whichever grounds hold, never past 4.
        var grounds: [AbilityChange] = []
        if answers.diagnoses.contains(where: ICD10.isMentalOrBehavioural) { grounds.append(.diagnosis) }
        if answers.riskEvents30Days >= 2 { grounds.append(.riskEvents) }
        guard !grounds.isEmpty, preliminary < .total else {
            return AbilityResult(
                indicators: indicators, total: total, preliminaryLevel: preliminary, finalLevel: preliminary,
                changes: [])
        }
        return AbilityResult(
            indicators: indicators, total: total, preliminaryLevel: preliminary, finalLevel: preliminary.raised,
            changes: grounds)
    }
}
