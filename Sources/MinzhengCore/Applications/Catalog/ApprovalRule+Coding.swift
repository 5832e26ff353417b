/// JSON form: `{"level": "street", "escalation": {"aboveMultipleOfStandard": "2", "level": "district"}}`.
/// Levels are words rather than digit counts, and the multiple is decimal text, so that
/// an administrator can read and edit the seed without a legend.
extension ApprovalRule: Codable {
    private enum CodingKeys: String, CodingKey { case level, escalation }
    private enum EscalationKeys: String, CodingKey { case aboveMultipleOfStandard, level }

    public init(from decoder: Decoder) throws {
        let here = AssistanceCatalogError.path(decoder.codingPath)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let level = try Self.decodeLevel(c.decode(String.self, forKey: .level), field: "level", at: here)
        var escalation: Escalation?
        if try c.contains(.escalation) && !c.decodeNil(forKey: .escalation) {
            let e = try c.nestedContainer(keyedBy: EscalationKeys.self, forKey: .escalation)
            let text = try e.decode(String.self, forKey: .aboveMultipleOfStandard)
            guard let multiple = Rate(decimal: text) else {
                throw AssistanceCatalogError(
                    field: "escalation.aboveMultipleOfStandard",
                    message: "“\(text)”不是倍数，应为小数文本，如 \"2\" 或 \"1.5\""
                ).inside(here)
            }
            let upper = try Self.decodeLevel(e.decode(String.self, forKey: .level), field: "escalation.level", at: here)
            escalation = Escalation(aboveMultipleOfStandard: multiple, level: upper)
        }
        self = try AssistanceCatalogError.within(decoder.codingPath) { () throws(AssistanceCatalogError) in
            try ApprovalRule(level: level, escalation: escalation)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.word(for: level), forKey: .level)
        if let escalation {
            var e = c.nestedContainer(keyedBy: EscalationKeys.self, forKey: .escalation)
            try e.encode(escalation.aboveMultipleOfStandard.description, forKey: .aboveMultipleOfStandard)
            try e.encode(Self.word(for: escalation.level), forKey: .level)
        }
    }

    private static let words: [(RegionCode.Level, String)] = [
        (.province, "province"), (.city, "city"), (.district, "district"), (.street, "street"),
        (.community, "community"),
    ]

    static func word(for level: RegionCode.Level) -> String {
        words.first { $0.0 == level }!.1
    }

    private static func decodeLevel(
        _ text: String, field: String, at path: String
    ) throws(AssistanceCatalogError) -> RegionCode.Level {
        guard let level = words.first(where: { $0.1 == text })?.0 else {
            let allowed = approvingLevels.map(word(for:)).joined(separator: "、")
            throw AssistanceCatalogError(field: field, message: "未知的层级“\(text)”，可选：\(allowed)").inside(path)
        }
        return level
    }
}
