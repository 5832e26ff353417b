/// Where a social organisation stands in the registry.
public enum OrganisationStatus: String, Codable, Sendable, CaseIterable {
    case normal, abnormal, seriousViolation, revoked, deregistered

    public var chinese: String {
        switch self {
        case .normal: return "正常"
        case .abnormal: return "活动异常名录"
        case .seriousViolation: return "严重违法失信名单"
        case .revoked: return "已撤销登记"
        case .deregistered: return "已注销"
        }
    }

    /// Still registered: reports are due, the credit rules apply.
    public var isRegistered: Bool { self != .revoked && self != .deregistered }
}

/// The outcome of the review of an annual report (年检结论).
public enum AnnualReportOutcome: String, Codable, Sendable, CaseIterable {
    case qualified, basicallyQualified, unqualified

    public var chinese: String {
        switch self {
        case .qualified: return "合格"
        case .basicallyQualified: return "基本合格"
        case .unqualified: return "不合格"
        }
    }
}

/// One change the month's credit run makes to an organisation.
public enum CreditChange: Equatable, Sendable {
    /// Onto the abnormal list: the report on `year` was not filed by its deadline.
    case listAbnormal(year: Int)
    /// Off the abnormal list: every report due has been filed since (移出, on correction).
    case removeAbnormal
    /// Onto the serious-violation list: on the abnormal list since `since`, the full period.
    case listSerious(since: CivilDate)
    /// Revocation proposed to the registry: no report on these consecutive years.
    case proposeRevocation(years: [Int])
}

/// The credit rules of ORGANISATIONS.md (社会组织信用信息管理办法), evaluated on a day (the monthly
/// run's, the first of its month). Pure, so the timeline is tested month by month.
public enum OrganisationCredit {
    /// What the run reads of one organisation.
    public struct Facts: Sendable, Equatable {
        public var status: OrganisationStatus
        public var registeredOn: CivilDate
        /// On the abnormal list since, and whether for a missed report (removed on correction).
        public var listedOn: CivilDate?
        public var listedForMissedReport: Bool
        /// The years whose report has been filed (whatever the review's outcome).
        public var filedYears: Set<Int>
        public var revocationProposed: Bool

        public init(
            status: OrganisationStatus = .normal, registeredOn: CivilDate, listedOn: CivilDate? = nil,
            listedForMissedReport: Bool = true, filedYears: Set<Int> = [], revocationProposed: Bool = false
        ) {
            self.status = status
            self.registeredOn = registeredOn
            self.listedOn = listedOn
            self.listedForMissedReport = listedForMissedReport
            self.filedYears = filedYears
            self.revocationProposed = revocationProposed
        }

        /// The facts after `change` made on `day`.
        public func applying(_ change: CreditChange, on day: CivilDate) -> Facts {
            var next = self
            switch change {
            case .listAbnormal:
                (next.status, next.listedOn, next.listedForMissedReport) = (.abnormal, day, true)
            case .removeAbnormal:
                (next.status, next.listedOn) = (.normal, nil)
            case .listSerious:
                next.status = .seriousViolation
            case .proposeRevocation:
                next.revocationProposed = true
            }
            return next
        }
    }

    /// The years whose report was due before `day`: from the year of registration (an organisation
    /// registered in a year reports on it) to the last year whose deadline has passed.
    public static func dueYears(registeredOn: CivilDate, on day: CivilDate, _ p: OrganisationParameters) -> [Int] {
        var last = day.year - 1
        if day <= p.deadline(forReportOn: last) { last -= 1 }
        guard last >= registeredOn.year else { return [] }
        return Array(registeredOn.year...last)
    }

    /// The changes due on `day`, in the order they apply.
    public static func evaluate(_ f: Facts, on day: CivilDate, _ p: OrganisationParameters) -> [CreditChange] {
        guard f.status.isRegistered else { return [] }
        let due = dueYears(registeredOn: f.registeredOn, on: day, p)
        let missing = due.filter { !f.filedYears.contains($0) }
        var changes: [CreditChange] = []
        switch f.status {
        case .normal:
            if let year = missing.last { changes.append(.listAbnormal(year: year)) }
        case .abnormal:
            if missing.isEmpty, f.listedForMissedReport {
                changes.append(.removeAbnormal)
            } else if let since = f.listedOn, since.adding(months: p.seriousAfterMonths) <= day {
                changes.append(.listSerious(since: since))
            }
        default: break
        }
        let run = p.revocationMissedYears
        if !f.revocationProposed, run > 0, due.count >= run, due.suffix(run).allSatisfy({ !f.filedYears.contains($0) })
        {
            changes.append(.proposeRevocation(years: Array(due.suffix(run))))
        }
        return changes
    }

    /// The report on the year before `day`'s: reminded from `reminderDays` before the deadline to
    /// the deadline, when not filed and the organisation was registered by then.
    public static func reminderYear(_ f: Facts, on day: CivilDate, _ p: OrganisationParameters) -> Int? {
        let year = day.year - 1
        let deadline = p.deadline(forReportOn: year)
        guard f.status.isRegistered, f.registeredOn.year <= year, !f.filedYears.contains(year),
            day <= deadline, deadline.adding(days: -p.reminderDays) <= day
        else { return nil }
        return year
    }

    /// Whether the report on `year` may be filed on `day`: the year is over and due (late filing
    /// is a correction and is accepted); `nil` when it may.
    public static func filingProblem(year: Int, registeredOn: CivilDate, on day: CivilDate) -> FieldProblem? {
        guard year < day.year else { return FieldProblem("year", "\(year) 年度尚未结束，次年 1 月 1 日起方可报送") }
        guard year >= registeredOn.year else { return FieldProblem("year", "\(year) 年度本组织尚未成立") }
        return nil
    }
}

/// What one year's annual report says of the organisation's activity.
public struct ReportActivity: Sendable, Equatable {
    public var activities: Int
    public var incomeFen: Int64
    public var expenditureFen: Int64

    public init(activities: Int, incomeFen: Int64, expenditureFen: Int64) {
        self.activities = activities
        self.incomeFen = incomeFen
        self.expenditureFen = expenditureFen
    }

    /// No activity held and nothing in the accounts.
    public var isEmpty: Bool { activities == 0 && incomeFen == 0 && expenditureFen == 0 }
}

/// Why an organisation is a candidate of the dormant sweep (僵尸型社会组织).
public struct DormantEvidence: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case noReports, unreachable, noActivity
    }
    public let kind: Kind
    public let years: [Int]
    public let since: CivilDate?
    public let text: String

    public static func noReports(_ years: [Int]) -> DormantEvidence {
        DormantEvidence(
            kind: .noReports, years: years, since: nil,
            text: "连续 \(years.count) 年未报送年度工作报告（\(years.map(String.init).joined(separator: "、"))）")
    }

    public static func unreachable(since: CivilDate) -> DormantEvidence {
        DormantEvidence(kind: .unreachable, years: [], since: since, text: "自 \(since) 起通过登记的住所无法联系")
    }

    public static func noActivity(_ years: [Int]) -> DormantEvidence {
        DormantEvidence(
            kind: .noActivity, years: years, since: nil,
            text: "\(years.map(String.init).joined(separator: "、")) 年度无活动、无收支")
    }
}

/// The dormant-organisation sweep (ORGANISATIONS.md): every candidate with its evidence.
public enum DormantSweep {
    /// The evidence against one organisation on `day`; empty when it is no candidate.
    public static func evidence(
        registeredOn: CivilDate, reports: [Int: ReportActivity], unreachableSince: CivilDate?, on day: CivilDate,
        _ p: OrganisationParameters
    ) -> [DormantEvidence] {
        let due = OrganisationCredit.dueYears(registeredOn: registeredOn, on: day, p)
        var found: [DormantEvidence] = []
        let n = max(p.dormantYears, 1)
        if due.count >= n {
            let last = Array(due.suffix(n))
            if last.allSatisfy({ reports[$0] == nil }) {
                found.append(.noReports(last))
            } else if last.allSatisfy({ reports[$0]?.isEmpty ?? true }) {
                found.append(.noActivity(last))
            }
        }
        if let unreachableSince { found.append(.unreachable(since: unreachableSince)) }
        return found
    }
}
