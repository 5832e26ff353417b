/// Why an assessment is made (ELDERLY.md: yearly, and at once on request or after a hospital stay).
public enum AbilityAssessmentReason: String, Sendable, CaseIterable, Codable {
    case initial, yearly, onRequest, afterHospital

    public var chinese: String {
        switch self {
        case .initial: return "首次评估"
        case .yearly: return "定期复评"
        case .onRequest: return "申请复评"
        case .afterHospital: return "出院后复评"
        }
    }
}

/// An assessment as recorded for a registry person: who assessed, when, why, and the answers.
public struct AbilityAssessmentDraft: Sendable, Hashable {
    public var assessedOn: CivilDate
    public var reason: AbilityAssessmentReason
    /// The two assessors who sign (ELDERLY.md: two assessors sign each assessment).
    public var assessors: [String]
    public var answers: AbilityAnswers

    public init(assessedOn: CivilDate, reason: AbilityAssessmentReason, assessors: [String], answers: AbilityAnswers) {
        self.assessedOn = assessedOn
        self.reason = reason
        self.assessors = assessors
        self.answers = answers
    }

    /// Validates the record and scores it. The date may not lie in the future nor before the
    /// person's latest assessment (`latest`), so that the newest assessment is always the
    /// one in force; the two assessors are two different people.
    public func scored(today: CivilDate, latest: CivilDate?) throws(Refusal) -> AbilityResult {
        guard assessedOn <= today else { throw .invalid("assessedOn", "评估日期不能晚于今天（\(today)）") }
        if let latest, assessedOn < latest {
            throw .invalid("assessedOn", "评估日期不能早于该人员最近一次评估（\(latest)）")
        }
        guard assessors.count == 2 else { throw .invalid("assessors", "须由两名评估员签名，收到 \(assessors.count) 名") }
        var names: [String] = []
        for (i, name) in assessors.enumerated() {
            do {
                names.append(
                    try InputRules.line(name, field: "assessors[\(i)]", label: "评估员姓名", maximumLength: 50)!)
            } catch {
                throw Refusal(error)
            }
        }
        guard names[0] != names[1] else { throw .invalid("assessors[1]", "两名评估员不能是同一人") }
        return try AbilityScoring.score(answers)
    }
}

/// When the next assessment is due.
public enum AbilityReassessment {
    /// `months` (the dated parameter `abilityReassessmentMonths`) after the assessment; a day
    /// the target month lacks (31 March + 1 month) becomes its last day.
    public static func dueOn(assessedOn: CivilDate, months: Int) -> CivilDate {
        assessedOn.adding(months: months)
    }

    /// The due list reaches this many days ahead of today (overdue ones are always on it).
    public static let horizonDays = 30

    /// The last due date the list shows on `today`.
    public static func horizon(today: CivilDate) -> CivilDate { today.adding(days: horizonDays) }
}
