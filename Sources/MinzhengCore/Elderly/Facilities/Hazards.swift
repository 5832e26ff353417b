/// A safety finding's severity (ELDERLY.md, Safety inspections).
public enum HazardSeverity: String, CaseIterable, Codable, Sendable {
    /// 重大隐患: the affected part's use stops until it is fixed.
    case serious
    /// 一般隐患
    case general

    public var chinese: String { self == .serious ? "重大隐患" : "一般隐患" }
}

/// Where a hazard stands. Closure only by a re-inspection that passes.
public enum HazardState: String, CaseIterable, Codable, Sendable {
    /// Found, being rectified.
    case open
    /// The facility reports it fixed (evidence uploaded); waiting for a re-inspection.
    case rectified
    /// A re-inspection found it fixed.
    case closed

    public var chinese: String {
        switch self {
        case .open: return "整改中"
        case .rectified: return "待复查"
        case .closed: return "已销号"
        }
    }
}

/// Who follows an overdue hazard.
public enum HazardEscalation: Int, CaseIterable, Codable, Sendable, Comparable {
    case unescalated = 0
    /// Overdue once: the district follows it.
    case district = 1
    /// Overdue a second time (past the district's extension of one more period): the city.
    case city = 2

    public var chinese: String {
        switch self {
        case .unescalated: return "—"
        case .district: return "已上报区民政局"
        case .city: return "已上报市民政局"
        }
    }

    public static func < (a: HazardEscalation, b: HazardEscalation) -> Bool { a.rawValue < b.rawValue }
}

public enum HazardAction: String, CaseIterable, Codable, Sendable {
    /// The facility's evidence of the fix (a photo).
    case submitEvidence
    /// A re-inspection: passed closes it, failed sends it back.
    case reinspectPassed
    case reinspectFailed
    /// Closing without a re-inspection — never allowed; named so it can be refused clearly.
    case close

    public var chinese: String {
        switch self {
        case .submitEvidence: return "提交整改材料"
        case .reinspectPassed: return "复查合格"
        case .reinspectFailed: return "复查不合格"
        case .close: return "直接销号"
        }
    }
}

public enum HazardRules {
    /// The rectification deadline of a finding on `foundOn`.
    public static func deadline(
        _ severity: HazardSeverity, foundOn: CivilDate, parameters: FacilityParameters
    )
        -> CivilDate
    {
        foundOn.adding(days: parameters.deadlineDays(severity))
    }

    /// Overdue once `today` is after the deadline and the hazard is not closed.
    public static func isOverdue(state: HazardState, deadline: CivilDate, today: CivilDate) -> Bool {
        state != .closed && today > deadline
    }

    /// The escalation an open hazard has reached on `today`: the district once it is past its
    /// deadline, the city once it is past the district's extension too (one more deadline
    /// period). Never lowered here; a closed hazard keeps what it reached.
    public static func escalation(
        severity: HazardSeverity, state: HazardState, deadline: CivilDate, today: CivilDate,
        parameters: FacilityParameters
    ) -> HazardEscalation {
        guard state != .closed, today > deadline else { return .unescalated }
        return today > deadline.adding(days: parameters.deadlineDays(severity)) ? .city : .district
    }

    /// The state after `action`, or a refusal saying what the state allows.
    public static func transition(from state: HazardState, _ action: HazardAction) throws(Refusal) -> HazardState {
        switch (state, action) {
        case (.open, .submitEvidence), (.rectified, .submitEvidence): return .rectified
        case (.open, .reinspectPassed), (.rectified, .reinspectPassed): return .closed
        case (.open, .reinspectFailed), (.rectified, .reinspectFailed): return .open
        case (_, .close):
            throw Refusal(.conflict, "隐患只能经复查合格后销号（当前：\(state.chinese)）", field: "action")
        case (.closed, _):
            throw Refusal(.conflict, "隐患已销号，不能再\(action.chinese)", field: "action")
        }
    }
}
