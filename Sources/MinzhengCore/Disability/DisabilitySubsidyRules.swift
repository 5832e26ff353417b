/// 两项补贴, 免申即享 (CHILDREN.md "Two disability subsidies — identification"): who the monthly
/// run proposes to the street for the nursing subsidy (重度残疾人护理补贴) and the living subsidy
/// (困难残疾人生活补贴), with the rule that made them eligible, and what the yearly re-check (年审,
/// in the month of the certificate's anniversary) stops. Never both a subsidy and tekun care for
/// the same need: tekun excludes both, as in the policy engine (R10, R11).
public enum DisabilitySubsidyProgram: String, CaseIterable, Codable, Sendable {
    case nursingSubsidy, livingSubsidy

    public var chinese: String {
        switch self {
        case .nursingSubsidy: return "重度残疾人护理补贴"
        case .livingSubsidy: return "困难残疾人生活补贴"
        }
    }
}

/// The rule that made a person eligible.
public enum DisabilitySubsidyRule: String, CaseIterable, Codable, Sendable {
    /// Nursing: a grade 1 or 2 certificate, alive, hukou in the city, not tekun.
    case severeDisability
    /// Living: a certificate of any grade, in a dibao household, not tekun.
    case dibaoHousehold
    /// Living: a certificate of any grade, individual dibao, not tekun.
    case individualDibao

    public var chinese: String {
        switch self {
        case .severeDisability: return "持一、二级残疾人证，户籍在本市，未纳入特困供养"
        case .dibaoHousehold: return "持残疾人证，家庭享受最低生活保障，未纳入特困供养"
        case .individualDibao: return "持残疾人证，单人纳入最低生活保障，未纳入特困供养"
        }
    }
}

/// Why the re-check stops an enrollment (or why nobody is proposed).
public enum DisabilitySubsidyStop: String, CaseIterable, Codable, Sendable, Error {
    case noCertificate, certificateExpired, gradeNotQualifying, died, movedAway, leftDibao, tekun

    public var chinese: String {
        switch self {
        case .noCertificate: return "无残疾人证"
        case .certificateExpired: return "残疾人证已过期"
        case .gradeNotQualifying: return "残疾等级不再符合"
        case .died: return "已死亡"
        case .movedAway: return "户籍已迁出本市"
        case .leftDibao: return "已退出最低生活保障"
        case .tekun: return "已纳入特困供养"
        }
    }
}

/// Where a proposal stands: with the street, confirmed (enrolled), or refused with a reason.
public enum DisabilitySubsidyProposalStatus: String, CaseIterable, Codable, Sendable {
    case open, confirmed, refused

    public var chinese: String {
        switch self {
        case .open: return "待街道确认"
        case .confirmed: return "街道已确认"
        case .refused: return "街道未确认"
        }
    }
}

public enum DisabilitySubsidyRules {
    /// What the rules read about one person in a month.
    public struct Facts: Hashable, Sendable {
        /// The latest certificate's grade (1 most severe … 4), nil without a certificate.
        public var grade: Int?
        public var certifiedOn: CivilDate?
        /// The certificate's last valid day, when the federation gave one.
        public var validUntil: CivilDate?
        public var diedOn: CivilDate?
        /// The person's household is in the city (hukou in Changzhou).
        public var hukouInCity: Bool
        /// A dibao enrollment of the household in force in the month.
        public var dibaoHousehold: Bool
        /// An individual dibao enrollment of the person in force in the month.
        public var individualDibao: Bool
        /// A tekun enrollment of the person or the household in force in the month.
        public var tekun: Bool

        public init(
            grade: Int?, certifiedOn: CivilDate? = nil, validUntil: CivilDate? = nil, diedOn: CivilDate? = nil,
            hukouInCity: Bool = true, dibaoHousehold: Bool = false, individualDibao: Bool = false, tekun: Bool = false
        ) {
            self.grade = grade
            self.certifiedOn = certifiedOn
            self.validUntil = validUntil
            self.diedOn = diedOn
            self.hukouInCity = hukouInCity
            self.dibaoHousehold = dibaoHousehold
            self.individualDibao = individualDibao
            self.tekun = tekun
        }
    }

    /// The most severe grade the nursing subsidy takes (grades 1 and 2).
    public static let nursingWorstGrade = 2

    /// The rule that makes the person eligible to `program` on `day`, or why not (the first
    /// reason in the order of CHILDREN.md).
    public static func eligibility(
        _ program: DisabilitySubsidyProgram, _ facts: Facts, on day: CivilDate
    ) -> Result<DisabilitySubsidyRule, DisabilitySubsidyStop> {
        guard let grade = facts.grade else { return .failure(.noCertificate) }
        if let until = facts.validUntil, until < day { return .failure(.certificateExpired) }
        if let died = facts.diedOn, died <= day { return .failure(.died) }
        guard facts.hukouInCity else { return .failure(.movedAway) }
        guard !facts.tekun else { return .failure(.tekun) }
        switch program {
        case .nursingSubsidy:
            guard grade <= nursingWorstGrade else { return .failure(.gradeNotQualifying) }
            return .success(.severeDisability)
        case .livingSubsidy:
            if facts.individualDibao { return .success(.individualDibao) }
            if facts.dibaoHousehold { return .success(.dibaoHousehold) }
            return .failure(.leftDibao)
        }
    }

    /// Whether `month` is the month of the certificate's anniversary (the re-check's month; not
    /// the month it was issued).
    public static func isRecheckMonth(_ facts: Facts, _ month: YearMonth) -> Bool {
        guard let certified = facts.certifiedOn else { return false }
        return certified.month == month.month && certified.year < month.year
    }

    /// The yearly re-check of an enrollment in `month`: nil when it goes on (or it is not the
    /// anniversary month, or no certificate date is on record to tell it), else why it stops
    /// (from the next month). A certificate whose validity ends in `month` or before stops it
    /// whatever the month: the subsidy is paid to the end of the month the certificate ran out,
    /// never for a month it does not cover.
    public static func recheck(
        _ program: DisabilitySubsidyProgram, _ facts: Facts, month: YearMonth
    ) -> DisabilitySubsidyStop? {
        if let until = facts.validUntil, until.yearMonth <= month { return .certificateExpired }
        guard isRecheckMonth(facts, month) else { return nil }
        switch eligibility(program, facts, on: month.firstDay) {
        case .success: return nil
        case .failure(let stop): return stop
        }
    }

    /// The month's amount: nursing by hukou (urban / rural); living a rate of the dibao
    /// standard, severe (grades 1–2) or other, rounded up to a whole yuan.
    public static func amount(
        _ program: DisabilitySubsidyProgram, grade: Int, urbanHukou: Bool, parameters p: PolicyParameters
    ) -> Fen {
        switch program {
        case .nursingSubsidy: return urbanHukou ? p.nursingSubsidyUrban : p.nursingSubsidyRural
        case .livingSubsidy:
            let rate = grade <= nursingWorstGrade ? p.livingSubsidySevereRate : p.livingSubsidyOtherRate
            return rate.ofRoundedUpToYuan(p.dibaoStandard)
        }
    }

    /// The street's decision: `confirm` or `refuse` (with a reason) an open proposal.
    public static func decide(
        _ status: DisabilitySubsidyProposalStatus, action: String?, note: String?
    ) -> Result<DisabilitySubsidyProposalStatus, Refusal> {
        guard status == .open else { return .failure(Refusal(.conflict, "该建议已处理", field: "status")) }
        switch action {
        case "confirm": return .success(.confirmed)
        case "refuse":
            guard let note, !note.isEmpty else { return .failure(.invalid("note", "不予确认须填写理由")) }
            return .success(.refused)
        default: return .failure(.invalid("action", "action 应为 confirm 或 refuse"))
        }
    }
}
