/// 未成年人救助保护热线 and 强制报告 (CHILDREN.md "Hotline cases"): the words of a child-protection
/// case — how it came in, what was reported, how urgent, where it stands, how it closed.

/// How a report reached the office.
public enum ChildCaseChannel: String, CaseIterable, Codable, Sendable {
    /// A call to the hotline.
    case hotline
    /// A mandated reporter's written report (强制报告).
    case mandatedReport

    public var chinese: String {
        switch self {
        case .hotline: return "热线来电"
        case .mandatedReport: return "强制报告"
        }
    }
}

/// Who reported. Every kind but `public` is a mandated reporter (强制报告义务主体).
public enum ChildCaseReporterKind: String, CaseIterable, Codable, Sendable {
    case school, kindergarten, hospital, police, residentsCommittee, welfareInstitution, dutyOfCare
    /// A neighbour, a relative, the child: anyone without a duty to report.
    case `public`

    public var isMandated: Bool { self != .public }

    public var chinese: String {
        switch self {
        case .school: return "学校"
        case .kindergarten: return "幼儿园"
        case .hospital: return "医疗机构"
        case .police: return "公安机关"
        case .residentsCommittee: return "居（村）委会"
        case .welfareInstitution: return "儿童福利机构"
        case .dutyOfCare: return "其他负有监护、看护职责的单位或个人"
        case .public: return "社会公众"
        }
    }
}

/// What was reported. The first three make a case urgent.
public enum ChildCaseConcern: String, CaseIterable, Codable, Sendable {
    case abuse, abandonment, aloneInDanger, neglect, outOfSchool, other

    public var chinese: String {
        switch self {
        case .abuse: return "遭受侵害或虐待"
        case .abandonment: return "遗弃"
        case .aloneInDanger: return "独处危险境地"
        case .neglect: return "监护缺失或疏于照料"
        case .outOfSchool: return "失学辍学"
        case .other: return "其他"
        }
    }

    /// Someone must be on site within the urgent response time.
    public var isUrgent: Bool { [.abuse, .abandonment, .aloneInDanger].contains(self) }
}

public enum ChildCaseUrgency: String, CaseIterable, Codable, Sendable {
    case urgent, normal

    public var chinese: String { self == .urgent ? "紧急" : "一般" }
}

/// Where a case stands: reported (not yet assigned) → assigned → responded (someone reached the
/// child) → closing (a closure proposed, awaiting the supervisor) → closed. A rejected closure
/// returns to responded.
public enum ChildCaseStatus: String, CaseIterable, Codable, Sendable {
    case reported, assigned, responded, closing, closed

    public var chinese: String {
        switch self {
        case .reported: return "待分派"
        case .assigned: return "待响应"
        case .responded: return "处置中"
        case .closing: return "待督导审核结案"
        case .closed: return "已结案"
        }
    }
}

public enum ChildCaseClosureReason: String, CaseIterable, Codable, Sendable {
    case safeWithFamily, placed, transferred, notSubstantiated

    public var chinese: String {
        switch self {
        case .safeWithFamily: return "回归家庭、监护到位"
        case .placed: return "已妥善安置"
        case .transferred: return "已移交"
        case .notSubstantiated: return "经核查不属实"
        }
    }
}

/// The partners a case is referred to.
public enum ChildCasePartner: String, CaseIterable, Codable, Sendable {
    case police, education, health, court

    public var chinese: String {
        switch self {
        case .police: return "公安"
        case .education: return "教育"
        case .health: return "卫生健康"
        case .court: return "法院"
        }
    }
}

/// A line of the case's record: contact made, a visit, a note, the plan.
public enum ChildCaseEntryKind: String, CaseIterable, Codable, Sendable {
    /// First contact with the child (on site for an urgent case).
    case response
    case visit, note, plan

    public var chinese: String {
        switch self {
        case .response: return "首次响应"
        case .visit: return "跟进走访"
        case .note: return "工作记录"
        case .plan: return "个案计划"
        }
    }
}
