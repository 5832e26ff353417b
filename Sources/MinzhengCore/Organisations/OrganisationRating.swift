/// The sections of the 1 000-point rating sheet (社会组织评估指标, ORGANISATIONS.md "Rating").
public enum RatingSection: String, CaseIterable, Codable, Sendable {
    case basic, governance, performance, social

    public var chinese: String {
        switch self {
        case .basic: return "基础条件"
        case .governance: return "内部治理"
        case .performance: return "工作绩效"
        case .social: return "社会评价"
        }
    }
}

/// The dated numbers of the rating (等级评估), read from the stored policy parameters.
public struct RatingParameters: Sendable, Hashable {
    /// Each section's maximum (60, 340, 420, 180: 1 000 in all).
    public var sectionMaxima: [RatingSection: Int]
    /// The least total (in points) of each grade, 5 (5A) down to 1 (1A): 950, 900, 850, 800, 750.
    public var gradeTotals: [Int: Int]
    /// A grade is valid this many years from its decision (5).
    public var validityYears: Int
    /// At least this many reviewers score an application (3).
    public var minReviewers: Int
    /// A reviewer who worked for or was paid by the organisation within this many years is excluded (3).
    public var conflictYears: Int
    /// A penalty, or an annual inspection not 合格, within this many years excludes the organisation (2).
    public var exclusionYears: Int
    /// The proposed grade is published this many days before it is decided (7).
    public var publicityDays: Int

    public static let keys: [PolicyParameterKey] = [
        .ratingBasicMax, .ratingGovernanceMax, .ratingPerformanceMax, .ratingSocialMax, .rating5ATotal,
        .rating4ATotal, .rating3ATotal, .rating2ATotal, .rating1ATotal, .ratingValidityYears, .ratingMinReviewers,
        .ratingConflictYears, .ratingExclusionYears, .ratingPublicityDays,
    ]

    static let sectionKeys: [RatingSection: PolicyParameterKey] = [
        .basic: .ratingBasicMax, .governance: .ratingGovernanceMax, .performance: .ratingPerformanceMax,
        .social: .ratingSocialMax,
    ]
    static let gradeKeys: [Int: PolicyParameterKey] = [
        5: .rating5ATotal, 4: .rating4ATotal, 3: .rating3ATotal, 2: .rating2ATotal, 1: .rating1ATotal,
    ]

    public static let defaults = RatingParameters(
        sectionMaxima: [.basic: 60, .governance: 340, .performance: 420, .social: 180],
        gradeTotals: [5: 950, 4: 900, 3: 850, 2: 800, 1: 750], validityYears: 5, minReviewers: 3, conflictYears: 3,
        exclusionYears: 2, publicityDays: 7)

    public init(
        sectionMaxima: [RatingSection: Int], gradeTotals: [Int: Int], validityYears: Int, minReviewers: Int,
        conflictYears: Int, exclusionYears: Int, publicityDays: Int
    ) {
        self.sectionMaxima = sectionMaxima
        self.gradeTotals = gradeTotals
        self.validityYears = validityYears
        self.minReviewers = minReviewers
        self.conflictYears = conflictYears
        self.exclusionYears = exclusionYears
        self.publicityDays = publicityDays
    }

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            sectionMaxima: Self.sectionKeys.mapValues(int), gradeTotals: Self.gradeKeys.mapValues(int),
            validityYears: int(.ratingValidityYears), minReviewers: int(.ratingMinReviewers),
            conflictYears: int(.ratingConflictYears), exclusionYears: int(.ratingExclusionYears),
            publicityDays: int(.ratingPublicityDays))
    }

    public var values: [PolicyParameterKey: Int64] {
        var v: [PolicyParameterKey: Int64] = [
            .ratingValidityYears: Int64(validityYears), .ratingMinReviewers: Int64(minReviewers),
            .ratingConflictYears: Int64(conflictYears), .ratingExclusionYears: Int64(exclusionYears),
            .ratingPublicityDays: Int64(publicityDays),
        ]
        for (section, key) in Self.sectionKeys { v[key] = Int64(sectionMaxima[section] ?? 0) }
        for (grade, key) in Self.gradeKeys { v[key] = Int64(gradeTotals[grade] ?? 0) }
        return v
    }

    /// The sheet's full marks (1 000 by default).
    public var maximum: Int { RatingSection.allCases.reduce(0) { $0 + (sectionMaxima[$1] ?? 0) } }
}

/// One reviewer's sheet, validated: each section within 0…its maximum.
public struct RatingSheet: Sendable, Hashable, Codable {
    public var basic: Int
    public var governance: Int
    public var performance: Int
    public var social: Int

    public init(basic: Int, governance: Int, performance: Int, social: Int) {
        self.basic = basic
        self.governance = governance
        self.performance = performance
        self.social = social
    }

    public var total: Int { basic + governance + performance + social }

    /// The sheet as typed: whole points per section.
    public struct Input: Codable, Sendable, Equatable {
        public var basic: Int?
        public var governance: Int?
        public var performance: Int?
        public var social: Int?

        public init(basic: Int? = nil, governance: Int? = nil, performance: Int? = nil, social: Int? = nil) {
            self.basic = basic
            self.governance = governance
            self.performance = performance
            self.social = social
        }

        public subscript(section: RatingSection) -> Int? {
            switch section {
            case .basic: return basic
            case .governance: return governance
            case .performance: return performance
            case .social: return social
            }
        }
    }

    /// Checks every section (present, 0…its maximum) and names the first at fault by its field.
    public static func validated(_ input: Input, _ p: RatingParameters) throws(FieldProblem) -> RatingSheet {
        for section in RatingSection.allCases {
            let max = p.sectionMaxima[section] ?? 0
            guard let score = input[section] else {
                throw FieldProblem(section.rawValue, "缺少“\(section.chinese)”得分（0–\(max) 分）")
            }
            guard score >= 0, score <= max else {
                throw FieldProblem(section.rawValue, "“\(section.chinese)”得分应在 0–\(max) 分之间，收到 \(score)")
            }
        }
        return RatingSheet(
            basic: input.basic ?? 0, governance: input.governance ?? 0, performance: input.performance ?? 0,
            social: input.social ?? 0)
    }
}

/// A relationship a reviewer declares with an organisation (利益冲突申报).
public enum ConflictRelation: String, CaseIterable, Codable, Sendable {
    /// Worked for it (任职).
    case employed
    /// Was paid by it (领取报酬).
    case paid

    public var chinese: String {
        switch self {
        case .employed: return "在该组织任职"
        case .paid: return "从该组织领取报酬"
        }
    }
}

/// Why an organisation cannot be rated now.
public enum RatingExclusion: Sendable, Hashable {
    case notRegistered(OrganisationStatus)
    case listed(OrganisationStatus)
    case penalised(on: CivilDate)
    case inspection(year: Int, outcome: AnnualReportOutcome)

    public var chinese: String {
        switch self {
        case .notRegistered(let s): return "组织\(s.chinese)"
        case .listed(let s): return "已列入\(s.chinese)"
        case .penalised(let day): return "\(day) 受过行政处罚"
        case .inspection(let year, let outcome): return "\(year) 年度年检结论为\(outcome.chinese)"
        }
    }
}

/// The rules of the rating (ORGANISATIONS.md "Rating"); pure, so every boundary is tested.
public enum OrganisationRating {
    /// The application's total in tenths of a point: the mean of the reviewers' totals rounded
    /// half up to one decimal (nil without sheets).
    public static func totalTenths(_ sheets: [RatingSheet]) -> Int? {
        guard !sheets.isEmpty else { return nil }
        let n = sheets.count
        let sum = sheets.reduce(0) { $0 + $1.total }
        // sum / n rounded to tenths, half up, in integers: (20·sum + n) / (2n).
        return (20 * sum + n) / (2 * n)
    }

    /// The grade (5 for 5A … 1 for 1A) a total in tenths reaches; nil below 1A's.
    public static func grade(totalTenths: Int, _ p: RatingParameters) -> Int? {
        for grade in stride(from: 5, through: 1, by: -1) {
            if let least = p.gradeTotals[grade], totalTenths >= least * 10 { return grade }
        }
        return nil
    }

    /// "5A", "1A", or "未达等级".
    public static func gradeName(_ grade: Int?) -> String { grade.map { "\($0)A" } ?? "未达等级" }

    /// "949.5" from 9495.
    public static func points(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

    /// What decides whether an organisation may be rated.
    public struct Standing: Sendable, Equatable {
        public var status: OrganisationStatus
        public var penalisedOn: [CivilDate]
        /// The annual inspections' conclusions by year (only the reviewed ones).
        public var inspections: [Int: AnnualReportOutcome]

        public init(
            status: OrganisationStatus, penalisedOn: [CivilDate] = [], inspections: [Int: AnnualReportOutcome] = [:]
        ) {
            self.status = status
            self.penalisedOn = penalisedOn
            self.inspections = inspections
        }
    }

    /// Every reason the organisation cannot be rated on `day` (empty: it may): not registered, on
    /// the abnormal or serious-violation list, penalised within `exclusionYears`, or an annual
    /// inspection of one of the last `exclusionYears` years not 合格.
    public static func exclusions(_ s: Standing, on day: CivilDate, _ p: RatingParameters) -> [RatingExclusion] {
        var found: [RatingExclusion] = []
        switch s.status {
        case .revoked, .deregistered: found.append(.notRegistered(s.status))
        case .abnormal, .seriousViolation: found.append(.listed(s.status))
        case .normal: break
        }
        let since = day.adding(months: -12 * p.exclusionYears)
        for penalty in s.penalisedOn.sorted() where penalty > since && penalty <= day {
            found.append(.penalised(on: penalty))
        }
        let years = (day.year - p.exclusionYears)...(day.year - 1)
        for year in years.reversed() {
            if let outcome = s.inspections[year], outcome != .qualified {
                found.append(.inspection(year: year, outcome: outcome))
            }
        }
        return found
    }

    /// The refusal naming every exclusion; nil when the organisation may be rated.
    public static func refusal(_ exclusions: [RatingExclusion]) -> Refusal? {
        guard !exclusions.isEmpty else { return nil }
        return Refusal(.conflict, "不能参加等级评估：" + exclusions.map(\.chinese).joined(separator: "；"), field: "organisation")
    }

    /// A declared relationship conflicts on `day` while it lasts or until `conflictYears` after it
    /// ended (`endedOn` nil: it goes on).
    public static func conflicts(endedOn: CivilDate?, on day: CivilDate, _ p: RatingParameters) -> Bool {
        guard let endedOn else { return true }
        return endedOn > day.adding(months: -12 * p.conflictYears)
    }

    /// The day the publicity of a proposed grade ends (the grade is decided from the next day).
    public static func publicityEnds(startedOn day: CivilDate, _ p: RatingParameters) -> CivilDate {
        day.adding(days: p.publicityDays)
    }

    /// The first day a grade decided on `day` is no longer valid.
    public static func expiry(decidedOn day: CivilDate, _ p: RatingParameters) -> CivilDate {
        day.adding(months: 12 * p.validityYears)
    }

    /// Whether a grade expiring on `expiresOn` is current on `today`.
    public static func isCurrent(expiresOn: CivilDate, on today: CivilDate) -> Bool { today < expiresOn }
}
