/// Reports of illegal social organisations (非法社会组织, issue 17 item 4): a report taken from a
/// resident, a department or a phone call, investigated by a clerk, and closed with an outcome.
/// The states and the steps between them are decided here, and nowhere else.
public enum IllegalReportState: String, CaseIterable, Codable, Sendable {
    /// Taken, no clerk assigned yet (已受理).
    case received
    /// A clerk assigned and investigating (调查中).
    case investigating
    /// Closed with an outcome (已办结).
    case closed

    public var chinese: String {
        switch self {
        case .received: return "已受理"
        case .investigating: return "调查中"
        case .closed: return "已办结"
        }
    }
}

/// How a report reached the bureau.
public enum IllegalReportSource: String, CaseIterable, Codable, Sendable {
    /// A resident signed in (居民举报).
    case resident
    /// A partner department's account (部门移送).
    case department
    /// Entered by the clerk from a phone call (电话举报).
    case phone

    public var chinese: String {
        switch self {
        case .resident: return "居民举报"
        case .department: return "部门移送"
        case .phone: return "电话举报"
        }
    }
}

/// What the investigation concluded.
public enum IllegalReportOutcome: String, CaseIterable, Codable, Sendable {
    /// 取缔: banned.
    case banned
    /// 劝散: persuaded to disband.
    case persuadedToDisband
    /// 移交公安: handed to the police.
    case handedToPolice
    /// 责令登记: ordered to register.
    case orderedToRegister
    /// 不属实: the report was unfounded.
    case unfounded

    public var chinese: String {
        switch self {
        case .banned: return "取缔"
        case .persuadedToDisband: return "劝散"
        case .handedToPolice: return "移交公安"
        case .orderedToRegister: return "责令登记"
        case .unfounded: return "不属实"
        }
    }

    /// An illegal organisation stopped (the report's "12 illegal ones stopped"): banned,
    /// persuaded to disband or handed to the police. Ordered to register and unfounded are not.
    public var stopped: Bool { [.banned, .persuadedToDisband, .handedToPolice].contains(self) }
}

/// A step on a report.
public enum IllegalReportAction: String, CaseIterable, Codable, Sendable {
    /// Assign (or reassign) the investigating clerk.
    case assign
    /// Add an investigation note with its date.
    case note
    /// Close with an outcome.
    case close

    public var chinese: String {
        switch self {
        case .assign: return "指派调查人"
        case .note: return "调查记录"
        case .close: return "办结"
        }
    }
}

/// The report's state machine: which step each state allows and where it leads.
public enum IllegalReportRules {
    /// The state after `action` in `state`; a step the state does not allow is a conflict (409)
    /// naming the action.
    public static func next(
        _ state: IllegalReportState, _ action: IllegalReportAction
    ) throws(Refusal)
        -> IllegalReportState
    {
        switch (state, action) {
        case (.received, .assign), (.investigating, .assign): return .investigating
        case (.investigating, .note): return .investigating
        case (.investigating, .close): return .closed
        case (.received, .note), (.received, .close):
            throw Refusal(.conflict, "举报尚未指派调查人，不能\(action.chinese)", field: "action")
        case (.closed, _):
            throw Refusal(.conflict, "举报已办结，不能再\(action.chinese)", field: "action")
        }
    }

    /// The steps a state allows (the pages show these forms only).
    public static func allowed(_ state: IllegalReportState) -> [IllegalReportAction] {
        IllegalReportAction.allCases.filter { (try? next(state, $0)) != nil }
    }

    /// A reporter's name as lists show it: the first character and a star for each other (`王**`).
    public static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// The outcome of a closure as typed; nil or unknown is a 400 naming `outcome`.
    public static func outcome(_ text: String?) throws(FieldProblem) -> IllegalReportOutcome {
        guard let text, let outcome = IllegalReportOutcome(rawValue: text.trimmedWhitespace) else {
            throw FieldProblem(
                "outcome", "处理结果应为 " + IllegalReportOutcome.allCases.map(\.rawValue).joined(separator: "、"))
        }
        return outcome
    }
}

/// Counts of reports closed in a year, by outcome.
public struct IllegalReportYearCount: Codable, Sendable, Equatable {
    public var year: Int
    public var received: Int
    public var closed: Int
    /// Outcome's raw value → closed reports with it.
    public var byOutcome: [String: Int]
    /// Closed as banned, persuaded to disband or handed to the police.
    public var stopped: Int

    public init(year: Int, received: Int = 0, closed: Int = 0, byOutcome: [String: Int] = [:], stopped: Int = 0) {
        self.year = year
        self.received = received
        self.closed = closed
        self.byOutcome = byOutcome
        self.stopped = stopped
    }

    /// The years' counts from each report's received year and, when closed, its closing year and
    /// outcome; newest year first.
    public static func tally(
        _ reports: [(receivedYear: Int, closed: (year: Int, outcome: IllegalReportOutcome)?)]
    ) -> [IllegalReportYearCount] {
        var years: [Int: IllegalReportYearCount] = [:]
        for r in reports {
            years[r.receivedYear, default: IllegalReportYearCount(year: r.receivedYear)].received += 1
            if let c = r.closed {
                var y = years[c.year, default: IllegalReportYearCount(year: c.year)]
                y.closed += 1
                y.byOutcome[c.outcome.rawValue, default: 0] += 1
                if c.outcome.stopped { y.stopped += 1 }
                years[c.year] = y
            }
        }
        return years.values.sorted { $0.year > $1.year }
    }
}
