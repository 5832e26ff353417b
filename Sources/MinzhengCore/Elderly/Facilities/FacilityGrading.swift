/// The sections of the local score sheet (GB/T 37276-2018).
public enum FacilitySection: String, CaseIterable, Codable, Sendable, Comparable {
    case environment, equipment, management, services

    public var chinese: String {
        switch self {
        case .environment: return "环境"
        case .equipment: return "设施设备"
        case .management: return "运营管理"
        case .services: return "服务"
        }
    }

    public static func < (a: FacilitySection, b: FacilitySection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What the grading decision needs to know besides the scores.
public struct GradingPrerequisites: Sendable, Hashable {
    public var filedOn: CivilDate
    /// 消防验收或备案.
    public var fireSafetyAccepted: Bool
    /// The latest serious safety incident, if any.
    public var lastSeriousIncidentOn: CivilDate?

    public init(filedOn: CivilDate, fireSafetyAccepted: Bool, lastSeriousIncidentOn: CivilDate?) {
        self.filedOn = filedOn
        self.fireSafetyAccepted = fireSafetyAccepted
        self.lastSeriousIncidentOn = lastSeriousIncidentOn
    }
}

/// A prerequisite a facility does not meet.
public enum GradingShortfall: String, CaseIterable, Codable, Sendable {
    case filedTooRecently, noFireSafetyAcceptance, recentSeriousIncident

    public var chinese: String {
        switch self {
        case .filedTooRecently: return "备案未满规定期限"
        case .noFireSafetyAcceptance: return "未取得消防验收或备案"
        case .recentSeriousIncident: return "规定期限内发生过重大安全事故"
        }
    }
}

/// The grading decision: the total, each section's share, the grade the scores reach, the
/// prerequisites not met, and the grade awarded (nil: none).
public struct GradingOutcome: Sendable, Hashable {
    public var total: Int
    /// Each section's score as a share of its maximum, in basis points (rounded down).
    public var shares: [FacilitySection: Rate]
    /// The highest grade whose total and section share the scores reach, before prerequisites.
    public var scoredGrade: Int?
    public var shortfalls: [GradingShortfall]
    public var grade: Int? { shortfalls.isEmpty ? scoredGrade : nil }
}

/// The dates a grade lives by.
public struct GradeValidity: Sendable, Hashable {
    public var certifiedOn: CivilDate
    /// The first day the grade is no longer valid.
    public var expiresOn: CivilDate
    public var firstReminderOn: CivilDate
    public var secondReminderOn: CivilDate
}

public enum FacilityGrading {
    /// Checks each section's score (0…its maximum) and names the one at fault, as
    /// `scores.environment`.
    public static func validate(
        _ scores: [FacilitySection: Int], parameters: FacilityParameters
    ) throws(FieldProblem) -> [FacilitySection: Int] {
        for section in FacilitySection.allCases {
            let max = parameters.sectionMaxima[section] ?? 0
            guard let score = scores[section] else {
                throw FieldProblem("scores.\(section.rawValue)", "缺少“\(section.chinese)”得分")
            }
            guard score >= 0, score <= max else {
                throw FieldProblem("scores.\(section.rawValue)", "“\(section.chinese)”得分应在 0–\(max) 之间，收到 \(score)")
            }
        }
        return scores
    }

    /// The decision on `day`: a grade needs its total and every section's share of its
    /// maximum at least the table's, and all prerequisites met.
    public static func decide(
        scores: [FacilitySection: Int], prerequisites: GradingPrerequisites, on day: CivilDate,
        parameters p: FacilityParameters
    ) -> GradingOutcome {
        let total = FacilitySection.allCases.reduce(0) { $0 + (scores[$1] ?? 0) }
        var shares: [FacilitySection: Rate] = [:]
        for section in FacilitySection.allCases {
            let max = Int64(p.sectionMaxima[section] ?? 0)
            shares[section] = Rate(basisPoints: max > 0 ? Int64(scores[section] ?? 0) * 10_000 / max : 0)
        }
        let scored = p.thresholds.sorted { $0.grade > $1.grade }.first { t in
            total >= t.total
                && FacilitySection.allCases.allSatisfy { section in
                    // score / max ≥ share, in integers: score × 10 000 ≥ share × max.
                    Int64(scores[section] ?? 0) * 10_000 >= t.sectionShare.basisPoints
                        * Int64(p.sectionMaxima[section] ?? 0)
                }
        }?.grade
        var shortfalls: [GradingShortfall] = []
        if prerequisites.filedOn.adding(months: p.filedMonths) > day { shortfalls.append(.filedTooRecently) }
        if !prerequisites.fireSafetyAccepted { shortfalls.append(.noFireSafetyAcceptance) }
        if let incident = prerequisites.lastSeriousIncidentOn, incident.adding(months: p.incidentFreeMonths) > day {
            shortfalls.append(.recentSeriousIncident)
        }
        return GradingOutcome(total: total, shares: shares, scoredGrade: scored, shortfalls: shortfalls)
    }

    public static func validity(certifiedOn day: CivilDate, parameters p: FacilityParameters) -> GradeValidity {
        let expires = day.adding(months: p.validityMonths)
        return GradeValidity(
            certifiedOn: day, expiresOn: expires, firstReminderOn: expires.adding(months: -p.firstReminderMonths),
            secondReminderOn: expires.adding(months: -p.secondReminderMonths))
    }

    /// The state a grade should be in on `today`: lapsed from its expiry day; suspended while
    /// (or once) a serious hazard stayed open past its deadline; valid otherwise. Lapsed wins:
    /// an expired grade is not revived by closing the hazard.
    public static func state(
        current: GradeState, expiresOn: CivilDate, today: CivilDate, overdueSeriousHazard: Bool
    ) -> GradeState {
        if today >= expiresOn { return .lapsed }
        if current == .lapsed { return .lapsed }
        if overdueSeriousHazard || current == .suspended { return .suspended }
        return .valid
    }

    /// Which reminder is due on `today` (0 none, 1 the first, 2 the second), for the list of
    /// grades expiring soon.
    public static func reminder(expiresOn: CivilDate, today: CivilDate, parameters p: FacilityParameters) -> Int {
        if today >= expiresOn { return 0 }
        if today >= expiresOn.adding(months: -p.secondReminderMonths) { return 2 }
        if today >= expiresOn.adding(months: -p.firstReminderMonths) { return 1 }
        return 0
    }
}
