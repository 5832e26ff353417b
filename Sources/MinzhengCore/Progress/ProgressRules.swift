/// The one-time codes of 办件查询 (progress lookup by receipt number without signing in): how
/// long a code is, how often one may be asked for, how many guesses it takes. How long a code
/// stays valid is the deployment's (`MINZHENG_PROGRESS_CODE_MINUTES`).
public enum ProgressCodeRules {
    /// Digits of a code sent to the phone on file.
    public static let codeDigits = 6
    /// Wrong codes before a code is spent and a new one must be asked for.
    public static let maxAttempts = 5
    /// Codes one receipt number may be sent in `windowSeconds`.
    public static let codesPerNumber = 3
    /// Code requests one client address may make in `windowSeconds` (any numbers).
    public static let requestsPerClient = 10
    /// Lookups (code checks) one client address may make in `windowSeconds`.
    public static let lookupsPerClient = 30
    public static let windowSeconds: Int64 = 3_600

    /// True when a code with `attempts` wrong guesses may still be tried.
    public static func mayTry(attempts: Int) -> Bool { attempts < maxAttempts }

    /// A phone number as the answer shows it: the last four digits.
    public static func phoneTail(_ phone: String) -> String {
        phone.count >= 4 ? "尾号 " + String(phone.suffix(4)) : "登记的手机"
    }

    /// A name as the answer shows it to whoever holds the code: the family name only (张**).
    public static func maskName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }
}

/// The kinds of filing that carry a receipt number, and what each is called.
public enum FilingKind: String, Codable, Sendable, CaseIterable {
    /// 救助申请: the 32 assistance items.
    case application
    /// 预约: marriage and divorce registration, cremation, halls, pick-up, Qingming visits.
    case booking
    /// 寻亲登记.
    case familySearch
    /// 个人信息更正申请.
    case correction
    /// 社会组织成立、变更、注销登记.
    case organisationRegistration

    public var chinese: String {
        switch self {
        case .application: return "救助申请"
        case .booking: return "预约办事"
        case .familySearch: return "寻亲登记"
        case .correction: return "个人信息更正申请"
        case .organisationRegistration: return "社会组织登记"
        }
    }
}

/// What happens next with a filing, in words, and whose move it is.
public struct ProgressNext: Equatable, Sendable {
    public let text: String
    /// True when the resident is to act (bring documents, come to the appointment).
    public let residentActs: Bool

    public init(_ text: String, residentActs: Bool = false) {
        self.text = text
        self.residentActs = residentActs
    }

    /// An application's next step from its state; nil once decided or withdrawn.
    /// `department` is the partner department's name for items other departments handle.
    public static func application(_ state: WorkflowState, department: String?) -> ProgressNext? {
        if let department, !state.isTerminal, state != .returned {
            return ProgressNext("\(department)办理中，办结后通知您")
        }
        switch state {
        case .submitted: return ProgressNext("街道（乡镇）或社区受理")
        case .accepted: return ProgressNext("工作人员入户调查，核对家庭经济状况")
        case .investigated: return ProgressNext("街道（乡镇）审核")
        case .reviewed: return ProgressNext("在社区张榜公示 7 天")
        case .publicized: return ProgressNext("公示期满、无异议后审批")
        case .returned: return ProgressNext("请按退回说明补充材料后重新提交", residentActs: true)
        case .approved, .rejected, .withdrawn: return nil
        }
    }

    /// A booking's next step: come at the time booked while it is active.
    public static func booking(_ state: BookingState) -> ProgressNext? {
        state == .active ? ProgressNext("请按预约时间携带证件到场办理", residentActs: true) : nil
    }

    /// A family-search report's: the matcher and the station's staff work while it is open.
    public static func familySearch(status: String) -> ProgressNext? {
        status == "open" ? ProgressNext("持续比对救助站收留人员和寻亲公告，有疑似线索时工作人员与您联系") : nil
    }

    /// A correction request's: the community checks and corrects or answers.
    public static func correction(_ state: CorrectionState) -> ProgressNext? {
        state == .open ? ProgressNext("社区核实后更正，或答复不予更正的理由") : nil
    }

    /// A social organisation's registration: the registry's review, or the applicant's
    /// documents when it was sent back.
    public static func registration(_ state: WorkflowState) -> ProgressNext? {
        switch state {
        case .returned: return ProgressNext("请按退回说明补充材料后重新提交", residentActs: true)
        case .approved, .rejected, .withdrawn: return nil
        default: return ProgressNext("登记管理机关审查，作出准予或不予登记的决定")
        }
    }

    /// A family-search report's status in words.
    public static func familySearchStatus(_ status: String) -> String {
        ["open": "寻找中", "reunited": "已团聚"][status] ?? status
    }
}
