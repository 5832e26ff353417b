/// The dated numbers of the charity division (慈善, issue 17 item 6), read from the stored policy
/// parameters.
public struct CharityParameters: Sendable, Hashable {
    /// The city charity award's nominees are publicised this many days (7) before the award.
    public var awardPublicityDays: Int
    /// A fundraising plan is filed at least this many days (10) before the fundraising starts
    /// (慈善组织公开募捐管理办法: 开展公开募捐活动的十日前备案).
    public var filingLeadDays: Int
    /// A charitable organisation applies for the public-fundraising qualification after this many
    /// years (1) since its registration (慈善法: 依法登记满一年).
    public var qualificationYears: Int

    public static let keys: [PolicyParameterKey] = [
        .charityAwardPublicityDays, .charityFilingLeadDays, .charityQualificationYears,
    ]

    public static let defaults = CharityParameters(awardPublicityDays: 7, filingLeadDays: 10, qualificationYears: 1)

    public init(awardPublicityDays: Int, filingLeadDays: Int, qualificationYears: Int) {
        self.awardPublicityDays = awardPublicityDays
        self.filingLeadDays = filingLeadDays
        self.qualificationYears = qualificationYears
    }

    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            awardPublicityDays: int(.charityAwardPublicityDays), filingLeadDays: int(.charityFilingLeadDays),
            qualificationYears: int(.charityQualificationYears))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .charityAwardPublicityDays: Int64(awardPublicityDays), .charityFilingLeadDays: Int64(filingLeadDays),
            .charityQualificationYears: Int64(qualificationYears),
        ]
    }
}

/// A fundraising plan's days, both ends included.
public struct CharityPeriod: Sendable, Hashable {
    public var start: CivilDate
    public var end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: CharityPeriod) -> Bool { start <= other.end && other.start <= end }
}

/// The rules of charitable organisations (慈善组织认定), their public-fundraising qualification
/// and their fundraising filings (募捐方案备案); pure, so that each refusal is tested.
public enum CharityRules {
    /// Whether an organisation of this registry status may be recognised as charitable: only a
    /// registered organisation in normal standing (not on the abnormal or serious-violation
    /// list, not revoked or deregistered).
    public static func recognitionProblem(status: OrganisationStatus) -> Refusal? {
        guard status == .normal else {
            return Refusal(.conflict, "该组织\(status.chinese)，不能认定为慈善组织", field: "organisationId")
        }
        return nil
    }

    /// Whether the public-fundraising qualification may be granted on `day`: recognised, normal
    /// standing, registered at least `qualificationYears` years, not already held.
    public static func qualificationProblem(
        recognised: Bool, status: OrganisationStatus, registeredOn: CivilDate, held: Bool, on day: CivilDate,
        _ p: CharityParameters
    ) -> Refusal? {
        guard recognised else { return Refusal(.conflict, "尚未认定为慈善组织，不能取得公开募捐资格", field: "organisationId") }
        guard status == .normal else {
            return Refusal(.conflict, "该组织\(status.chinese)，不能取得公开募捐资格", field: "organisationId")
        }
        guard !held else { return Refusal(.conflict, "已具有公开募捐资格", field: "action") }
        let anniversary =
            CivilDate(
                year: registeredOn.year + p.qualificationYears, month: registeredOn.month,
                day: min(
                    registeredOn.day,
                    CivilDate.daysIn(year: registeredOn.year + p.qualificationYears, month: registeredOn.month)))
            ?? registeredOn
        guard day >= anniversary else {
            return Refusal(
                .conflict, "依法登记满 \(p.qualificationYears) 年（\(anniversary) 起）方可取得公开募捐资格", field: "on")
        }
        return nil
    }

    /// An earlier filing of the same organisation, as the overlap rule sees it.
    public struct Filed: Sendable, Hashable {
        public var id: String
        public var period: CharityPeriod
        public var platform: String
        public var purpose: String

        public init(id: String, period: CharityPeriod, platform: String, purpose: String) {
            self.id = id
            self.period = period
            self.platform = platform
            self.purpose = purpose
        }
    }

    /// Whether a fundraising plan may be filed on `day`:
    /// - the organisation holds the public-fundraising qualification from the filing day through
    ///   the plan's last day (granted on or before `day`, not withdrawn);
    /// - the period ends on or after it starts, and starts at least `filingLeadDays` after `day`;
    /// - the target is positive;
    /// - no earlier plan of the organisation on the same platform, or for the same purpose,
    ///   overlaps its period (one campaign per platform at a time, one plan per purpose).
    public static func filingProblem(
        period: CharityPeriod, targetFen: Int64, platform: String, purpose: String, qualifiedSince: CivilDate?,
        on day: CivilDate, earlier: [Filed], _ p: CharityParameters
    ) -> Refusal? {
        guard let since = qualifiedSince, since <= day else {
            return Refusal(.conflict, "未取得公开募捐资格（或已被撤销），不能备案募捐方案", field: "organisationId")
        }
        guard period.end >= period.start else { return Refusal.invalid("endsOn", "募捐结束日期不能早于开始日期") }
        let earliest = day.adding(days: p.filingLeadDays)
        guard period.start >= earliest else {
            return Refusal.invalid("startsOn", "应在募捐开始 \(p.filingLeadDays) 日前备案：开始日期不能早于 \(earliest)")
        }
        guard targetFen > 0 else { return Refusal.invalid("targetFen", "募捐目标金额应大于 0") }
        if let clash = earlier.first(where: { $0.period.overlaps(period) && $0.platform == platform }) {
            return Refusal(
                .conflict,
                "与已备案的方案（\(clash.period.start)–\(clash.period.end)）在同一平台「\(platform)」的募捐期间重叠",
                field: "startsOn")
        }
        if let clash = earlier.first(where: { $0.period.overlaps(period) && $0.purpose == purpose }) {
            return Refusal(
                .conflict, "同一募捐目的已有方案在 \(clash.period.start)–\(clash.period.end) 期间备案", field: "purpose")
        }
        return nil
    }

    /// Whether the amount raised may be reported on `day`: once the fundraising has started, a
    /// non-negative amount.
    public static func raisedProblem(period: CharityPeriod, raisedFen: Int64?, on day: CivilDate) -> Refusal? {
        guard let raisedFen, raisedFen >= 0 else { return Refusal.invalid("raisedFen", "请填写募得金额（分，不小于 0）") }
        guard day >= period.start else {
            return Refusal(.conflict, "募捐自 \(period.start) 开始，之后方可报告募得金额", field: "raisedFen")
        }
        return nil
    }
}

// MARK: the city charity award (慈善奖)

/// A round of the city charity award: nominations and review, then publicity, then the award.
public enum CharityAwardStage: String, Codable, Sendable, CaseIterable {
    case nominating, publicity, awarded

    public var chinese: String {
        switch self {
        case .nominating: return "提名评审中"
        case .publicity: return "公示中"
        case .awarded: return "已颁奖"
        }
    }
}

/// A nomination's review.
public enum CharityNominationStatus: String, Codable, Sendable, CaseIterable {
    case nominated, shortlisted, notShortlisted, awarded, withdrawn

    public var chinese: String {
        switch self {
        case .nominated: return "待评审"
        case .shortlisted: return "入围"
        case .notShortlisted: return "未入围"
        case .awarded: return "获奖"
        case .withdrawn: return "经异议核实取消"
        }
    }
}

/// Who or what is nominated.
public enum CharityNomineeKind: String, Codable, Sendable, CaseIterable {
    case organisation, person, project

    public var chinese: String {
        switch self {
        case .organisation: return "机构"
        case .person: return "个人"
        case .project: return "项目"
        }
    }
}

public enum CharityAwardRules {
    /// The publicity's last day: it runs `awardPublicityDays` days from its first.
    public static func publicityEnds(startedOn: CivilDate, _ p: CharityParameters) -> CivilDate {
        startedOn.adding(days: max(p.awardPublicityDays, 1) - 1)
    }

    /// Whether a nomination may be reviewed: only while the round takes nominations.
    public static func reviewProblem(stage: CharityAwardStage) -> Refusal? {
        stage == .nominating ? nil : Refusal(.conflict, "本届慈善奖\(stage.chinese)，不能再评审", field: "shortlisted")
    }

    /// Whether the publicity may start: nominations all reviewed and at least one shortlisted.
    public static func publicityProblem(stage: CharityAwardStage, statuses: [CharityNominationStatus]) -> Refusal? {
        guard stage == .nominating else { return Refusal(.conflict, "本届慈善奖\(stage.chinese)") }
        let pending = statuses.filter { $0 == .nominated }.count
        guard pending == 0 else { return Refusal(.conflict, "尚有 \(pending) 项提名未评审", field: "nominations") }
        guard statuses.contains(.shortlisted) else {
            return Refusal(.conflict, "没有入围的提名，不能公示", field: "nominations")
        }
        return nil
    }

    /// Whether an objection may be recorded on `day`: against a shortlisted nomination, during
    /// the publicity.
    public static func objectionProblem(
        stage: CharityAwardStage, nomination: CharityNominationStatus, publicityStart: CivilDate?, on day: CivilDate,
        _ p: CharityParameters
    ) -> Refusal? {
        guard stage == .publicity, let start = publicityStart else {
            return Refusal(.conflict, "仅在公示期内受理异议")
        }
        let end = publicityEnds(startedOn: start, p)
        guard day >= start, day <= end else { return Refusal(.conflict, "公示期为 \(start) 至 \(end)，异议不在公示期内") }
        guard nomination == .shortlisted else { return Refusal(.conflict, "仅可对入围提名提出异议", field: "nominationId") }
        return nil
    }

    /// Whether the award may be made on `day`: after the publicity's last day and with no open
    /// objection (409 otherwise, naming which).
    public static func awardProblem(
        stage: CharityAwardStage, publicityStart: CivilDate?, openObjections: Int, on day: CivilDate,
        _ p: CharityParameters
    ) -> Refusal? {
        guard stage == .publicity, let start = publicityStart else {
            return Refusal(.conflict, stage == .awarded ? "本届慈善奖已颁奖" : "尚未公示，不能颁奖")
        }
        let end = publicityEnds(startedOn: start, p)
        guard day > end else { return Refusal(.conflict, "公示期至 \(end) 结束，之后方可颁奖", field: "publicity") }
        guard openObjections == 0 else {
            return Refusal(.conflict, "尚有 \(openObjections) 件异议未处理，不能颁奖", field: "objections")
        }
        return nil
    }
}

// MARK: 1798 (一起救吧) charity assistance

/// A low-income household's unmet need: open → matched → given, or closed unmet with a reason.
public enum CharityNeedState: String, Codable, Sendable, CaseIterable {
    case open, matched, given, closed

    public var chinese: String {
        switch self {
        case .open: return "待对接"
        case .matched: return "已对接"
        case .given: return "已帮扶"
        case .closed: return "未帮扶关闭"
        }
    }

    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Matched to a charity project (a fundraising filing) or a donor.
        case match
        /// The match fell through: back to open.
        case unmatch
        /// What was given recorded.
        case give
        /// Closed without help, with a reason.
        case close

        public var chinese: String {
            switch self {
            case .match: return "对接慈善项目或捐赠人"
            case .unmatch: return "取消对接"
            case .give: return "登记帮扶"
            case .close: return "关闭（未帮扶）"
            }
        }
    }

    /// The state after `action`, or nil when this state does not allow it.
    public func after(_ action: Action) -> CharityNeedState? {
        switch (self, action) {
        case (.open, .match): return .matched
        case (.matched, .unmatch): return .open
        case (.matched, .give): return .given
        case (.open, .close), (.matched, .close): return .closed
        default: return nil
        }
    }

    /// `after` as a refusal naming the state.
    public func checked(_ action: Action) throws(Refusal) -> CharityNeedState {
        guard let next = after(action) else {
            throw Refusal(.conflict, "需求\(chinese)，不能\(action.chinese)", field: "status")
        }
        return next
    }
}

/// What is needed or given: 物质 material or 服务 service.
public enum CharityAidKind: String, Codable, Sendable, CaseIterable {
    case material, service

    public var chinese: String { self == .material ? "物质" : "服务" }
}
