/// A community worker's social-work qualification (社会工作者职业资格).
public enum SocialWorkQualification: String, CaseIterable, Codable, Sendable {
    case none, assistant, socialWorker, senior

    public var chinese: String {
        switch self {
        case .none: return "无"
        case .assistant: return "助理社工师"
        case .socialWorker: return "社工师"
        case .senior: return "高级社工师"
        }
    }
}

/// A yearly evaluation of a community worker (年度考核).
public enum WorkerEvaluation: String, CaseIterable, Codable, Sendable {
    case excellent, competent, basicallyCompetent, incompetent

    public var chinese: String {
        switch self {
        case .excellent: return "优秀"
        case .competent: return "称职"
        case .basicallyCompetent: return "基本称职"
        case .incompetent: return "不称职"
        }
    }
}

/// The level of an award a community worker received (表彰).
public enum WorkerAwardLevel: String, CaseIterable, Codable, Sendable {
    case city, provincial

    public var chinese: String {
        switch self {
        case .city: return "市级"
        case .provincial: return "省级"
        }
    }
}

/// The dated numbers of the community workers' star rating (社区工作者星级评定, ORGANISATIONS.md
/// "Community workers' stars"), read from the stored policy parameters.
public struct StarParameters: Sendable, Hashable {
    /// Points for each full year of service (2), at most `serviceMax` (30).
    public var pointsPerYear: Int
    public var serviceMax: Int
    /// Points of the qualification: 助理社工师 10, 社工师 20, 高级社工师 30.
    public var assistantPoints: Int
    public var socialWorkerPoints: Int
    public var seniorPoints: Int
    /// Points of a yearly evaluation: 优秀 10, 称职 5, 基本称职 0; the last `evaluationYears` (3) summed.
    public var excellentPoints: Int
    public var competentPoints: Int
    public var basicallyCompetentPoints: Int
    public var evaluationYears: Int
    /// Points of an award: city 10, provincial 20, at most `awardMax` (30) in all.
    public var cityAwardPoints: Int
    public var provincialAwardPoints: Int
    public var awardMax: Int
    /// The least total of 2, 3, 4 and 5 stars (30, 50, 70, 90); below the first, 1 star.
    public var twoStars: Int
    public var threeStars: Int
    public var fourStars: Int
    public var fiveStars: Int
    /// The most stars a worker evaluated 不称职 in the last year may have (1).
    public var incompetentCap: Int

    public static let keys: [PolicyParameterKey] = [
        .starPointsPerYear, .starServiceMax, .starAssistantPoints, .starSocialWorkerPoints, .starSeniorPoints,
        .starExcellentPoints, .starCompetentPoints, .starBasicallyCompetentPoints, .starEvaluationYears,
        .starCityAwardPoints, .starProvincialAwardPoints, .starAwardMax, .starTwoStars, .starThreeStars,
        .starFourStars, .starFiveStars, .starIncompetentCap,
    ]

    public static let defaults = StarParameters(
        values: [
            .starPointsPerYear: 2, .starServiceMax: 30, .starAssistantPoints: 10, .starSocialWorkerPoints: 20,
            .starSeniorPoints: 30, .starExcellentPoints: 10, .starCompetentPoints: 5, .starBasicallyCompetentPoints: 0,
            .starEvaluationYears: 3, .starCityAwardPoints: 10, .starProvincialAwardPoints: 20, .starAwardMax: 30,
            .starTwoStars: 30, .starThreeStars: 50, .starFourStars: 70, .starFiveStars: 90, .starIncompetentCap: 1,
        ])

    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        pointsPerYear = int(.starPointsPerYear)
        serviceMax = int(.starServiceMax)
        assistantPoints = int(.starAssistantPoints)
        socialWorkerPoints = int(.starSocialWorkerPoints)
        seniorPoints = int(.starSeniorPoints)
        excellentPoints = int(.starExcellentPoints)
        competentPoints = int(.starCompetentPoints)
        basicallyCompetentPoints = int(.starBasicallyCompetentPoints)
        evaluationYears = int(.starEvaluationYears)
        cityAwardPoints = int(.starCityAwardPoints)
        provincialAwardPoints = int(.starProvincialAwardPoints)
        awardMax = int(.starAwardMax)
        twoStars = int(.starTwoStars)
        threeStars = int(.starThreeStars)
        fourStars = int(.starFourStars)
        fiveStars = int(.starFiveStars)
        incompetentCap = int(.starIncompetentCap)
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .starPointsPerYear: Int64(pointsPerYear), .starServiceMax: Int64(serviceMax),
            .starAssistantPoints: Int64(assistantPoints), .starSocialWorkerPoints: Int64(socialWorkerPoints),
            .starSeniorPoints: Int64(seniorPoints), .starExcellentPoints: Int64(excellentPoints),
            .starCompetentPoints: Int64(competentPoints),
            .starBasicallyCompetentPoints: Int64(basicallyCompetentPoints),
            .starEvaluationYears: Int64(evaluationYears), .starCityAwardPoints: Int64(cityAwardPoints),
            .starProvincialAwardPoints: Int64(provincialAwardPoints), .starAwardMax: Int64(awardMax),
            .starTwoStars: Int64(twoStars), .starThreeStars: Int64(threeStars), .starFourStars: Int64(fourStars),
            .starFiveStars: Int64(fiveStars), .starIncompetentCap: Int64(incompetentCap),
        ]
    }

    func points(_ q: SocialWorkQualification) -> Int {
        switch q {
        case .none: return 0
        case .assistant: return assistantPoints
        case .socialWorker: return socialWorkerPoints
        case .senior: return seniorPoints
        }
    }

    func points(_ e: WorkerEvaluation) -> Int {
        switch e {
        case .excellent: return excellentPoints
        case .competent: return competentPoints
        case .basicallyCompetent: return basicallyCompetentPoints
        case .incompetent: return 0
        }
    }

    func points(_ a: WorkerAwardLevel) -> Int {
        switch a {
        case .city: return cityAwardPoints
        case .provincial: return provincialAwardPoints
        }
    }
}

/// A worker's star rating and how it was reached, for the list, the record and the explanation.
public struct WorkerStars: Sendable, Hashable, Codable {
    public var serviceYears: Int
    public var servicePoints: Int
    public var qualificationPoints: Int
    public var evaluationPoints: Int
    public var awardPoints: Int
    public var total: Int
    /// 1…5.
    public var stars: Int
    /// True when a 不称职 evaluation of the last year held the stars down.
    public var cappedByIncompetent: Bool

    public var label: String { String(repeating: "★", count: stars) }
}

/// 社区工作者星级评定: pure, so that every boundary is tested.
public enum CommunityWorkerStars {
    /// The rating on `asOf`: full years of service since `startedOn`; the qualification held; the
    /// evaluations of the `evaluationYears` calendar years before `asOf`'s year (the last year is the
    /// one before it); every award received on or before `asOf`.
    public static func rate(
        startedOn: CivilDate, qualification: SocialWorkQualification, evaluations: [Int: WorkerEvaluation],
        awards: [(level: WorkerAwardLevel, on: CivilDate)], asOf: CivilDate, _ p: StarParameters
    ) -> WorkerStars {
        let years = fullYears(from: startedOn, to: asOf)
        let service = min(years * p.pointsPerYear, p.serviceMax)
        let qualification = p.points(qualification)
        let window = (asOf.year - p.evaluationYears)..<asOf.year
        let evaluation = window.compactMap { evaluations[$0] }.map(p.points).reduce(0, +)
        let award = min(awards.filter { $0.on <= asOf }.map { p.points($0.level) }.reduce(0, +), p.awardMax)
        let total = service + qualification + evaluation + award
        var stars = stars(total: total, p)
        var capped = false
        if evaluations[asOf.year - 1] == .incompetent, stars > p.incompetentCap {
            stars = max(1, p.incompetentCap)
            capped = true
        }
        return WorkerStars(
            serviceYears: years, servicePoints: service, qualificationPoints: qualification,
            evaluationPoints: evaluation, awardPoints: award, total: total, stars: stars, cappedByIncompetent: capped)
    }

    /// The stars of a total: 5 at `fiveStars` or more, … 1 below `twoStars`.
    public static func stars(total: Int, _ p: StarParameters) -> Int {
        if total >= p.fiveStars { return 5 }
        if total >= p.fourStars { return 4 }
        if total >= p.threeStars { return 3 }
        if total >= p.twoStars { return 2 }
        return 1
    }

    /// Whole years from `start` to `day` (an anniversary completes a year; none before the start).
    public static func fullYears(from start: CivilDate, to day: CivilDate) -> Int {
        guard day >= start else { return 0 }
        var years = day.year - start.year
        if (day.month, day.day) < (start.month, start.day) { years -= 1 }
        return max(0, years)
    }
}
