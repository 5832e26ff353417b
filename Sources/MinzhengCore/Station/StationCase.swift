import Foundation

/// How a person came to the assistance station (救助站): on their own, brought by the police,
/// reported by the public, brought by city management (城管), or otherwise.
public enum StationFoundBy: String, CaseIterable, Sendable, Codable {
    case walkedIn, police, publicReport, cityManagement, other

    public var chinese: String {
        switch self {
        case .walkedIn: "自行求助"
        case .police: "公安护送"
        case .publicReport: "群众报告"
        case .cityManagement: "城管护送"
        case .other: "其他"
        }
    }
}

/// A dated entry of the stay: the bed given, meals, medical care.
public enum StationStayEntryKind: String, CaseIterable, Sendable, Codable {
    case bed, meal, medical

    public var chinese: String {
        switch self {
        case .bed: "床位"
        case .meal: "餐食"
        case .medical: "医疗"
        }
    }
}

/// The station's service standard (救助管理服务规范) as a checklist per stay: the fixed checks,
/// in the order they are done, each ticked with who and when.
public enum StationCheck: String, CaseIterable, Sendable, Codable {
    case safetyCheck, belongings, healthAssessment, bathAndChange, identityCheck, counselling, familySearchNotice
    case departureAssessment

    public var chinese: String {
        switch self {
        case .safetyCheck: "安全检查"
        case .belongings: "物品登记"
        case .healthAssessment: "身体状况评估"
        case .bathAndChange: "洗浴更衣"
        case .identityCheck: "身份核查（公安比对）"
        case .counselling: "心理疏导"
        case .familySearchNotice: "寻亲公告"
        case .departureAssessment: "离站评估"
        }
    }

    /// The checks not yet ticked, in the standard's order.
    public static func missing(ticked: Set<StationCheck>) -> [StationCheck] {
        allCases.filter { !ticked.contains($0) }
    }
}

/// A case's state: in the stay (在站), held as a long-term stay (长期滞留) while no family is
/// found, or closed by an outcome: returned home (返乡) with an escort, handed to the family
/// (家属领回), or transferred to long-term care (托养) at an institution.
public enum StationCaseStatus: String, CaseIterable, Sendable, Codable {
    case inStay, longTermStay, returnedHome, handedToFamily, placedInCare

    public var chinese: String {
        switch self {
        case .inStay: "在站"
        case .longTermStay: "长期滞留"
        case .returnedHome: "已返乡"
        case .handedToFamily: "家属领回"
        case .placedInCare: "已转托养"
        }
    }

    /// Whether the stay goes on (a closed case takes no entries, ticks or outcomes).
    public var isOpen: Bool { self == .inStay || self == .longTermStay }

    /// An outcome, with what each one needs.
    public enum Action: String, CaseIterable, Sendable, Codable {
        case returnHome, handToFamily, holdLongTerm, transferToCare

        public var chinese: String {
            switch self {
            case .returnHome: "返乡（护送）"
            case .handToFamily: "交家属领回"
            case .holdLongTerm: "转为长期滞留"
            case .transferToCare: "转托养机构"
            }
        }
    }

    /// The fields an outcome is recorded with.
    public struct OutcomeFields: Sendable, Equatable {
        public var escort: String?
        public var destination: String?
        public var relative: String?
        public var institution: String?

        public init(
            escort: String? = nil, destination: String? = nil, relative: String? = nil, institution: String? = nil
        ) {
            self.escort = escort
            self.destination = destination
            self.relative = relative
            self.institution = institution
        }
    }

    /// The actions open from this state (the pages offer these).
    public var actions: [Action] {
        switch self {
        case .inStay: [.returnHome, .handToFamily, .holdLongTerm]
        case .longTermStay: [.returnHome, .handToFamily, .transferToCare]
        case .returnedHome, .handedToFamily, .placedInCare: []
        }
    }

    /// The state after `action`, or why not: a closed case takes no outcome (409), 托养 only after
    /// 长期滞留 (409), and each outcome its fields (400 naming the field).
    public func after(_ action: Action, _ f: OutcomeFields) -> Result<StationCaseStatus, Refusal> {
        guard isOpen else { return .failure(Refusal(.conflict, "该个案已\(chinese)，不能再登记去向", field: "action")) }
        guard actions.contains(action) else {
            return .failure(Refusal(.conflict, "须先转为长期滞留，才能转托养机构", field: "action"))
        }
        func given(_ s: String?) -> Bool { !(s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        switch action {
        case .returnHome:
            guard given(f.escort) else { return .failure(.invalid("escort", "返乡须登记护送人（或护送方式）")) }
            guard given(f.destination) else { return .failure(.invalid("destination", "返乡须登记目的地")) }
            return .success(.returnedHome)
        case .handToFamily:
            guard given(f.relative) else { return .failure(.invalid("relative", "须登记领回的家属姓名及关系")) }
            return .success(.handedToFamily)
        case .holdLongTerm:
            return .success(.longTermStay)
        case .transferToCare:
            guard given(f.institution) else { return .failure(.invalid("institution", "须登记托养机构")) }
            return .success(.placedInCare)
        }
    }
}

/// The 24-hour rule (FAMILY-SEARCH.md): an unidentified person gets a public notice within
/// `hours` of intake; the case shows 公告超时 once that passed without one.
public enum StationNoticeRule {
    public static func deadline(intakeAt: Date, hours: Int) -> Date {
        intakeAt.addingTimeInterval(TimeInterval(hours) * 3600)
    }

    /// Overdue: still in the stay, not identified, no notice, and the deadline passed.
    public static func isOverdue(
        intakeAt: Date, hours: Int, identified: Bool, noticed: Bool, open: Bool, now: Date
    ) -> Bool {
        open && !identified && !noticed && now > deadline(intakeAt: intakeAt, hours: hours)
    }
}

/// The station's dated numbers: the hours within which an unidentified person's notice is
/// published (24).
public struct StationParameters: Sendable, Hashable {
    public var noticeDeadlineHours: Int

    public static let keys: [PolicyParameterKey] = [.stationNoticeDeadlineHours]

    public init(noticeDeadlineHours: Int) { self.noticeDeadlineHours = noticeDeadlineHours }

    public init(values: [PolicyParameterKey: Int64]) {
        self.init(noticeDeadlineHours: Int(values[.stationNoticeDeadlineHours] ?? 0))
    }

    public var values: [PolicyParameterKey: Int64] { [.stationNoticeDeadlineHours: Int64(noticeDeadlineHours)] }
}
