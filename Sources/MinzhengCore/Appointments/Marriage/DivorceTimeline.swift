/// The dates of a divorce by agreement (民法典 1077): 30 days of cooling-off counted from the
/// day after the receipt, then 30 days in which both must come back, counted the same way.
/// A period whose last day is not a working day (a weekend or a public holiday) ends on the
/// first working day after (民法典 203), so each end is moved on the working-day calendar.
public struct DivorceTimeline: Sendable, Equatable {
    public static let coolingOffDays = 30
    public static let windowDays = 30

    public let received: CivilDate
    /// The last day of the cooling-off: either party may still withdraw on it.
    public let coolingOffEnds: CivilDate
    /// The first and last days on which the divorce may be registered.
    public let windowStarts: CivilDate
    public let windowEnds: CivilDate

    public init(received: CivilDate, calendar: WorkingDayCalendar) {
        self.received = received
        coolingOffEnds = Self.period(after: received, days: Self.coolingOffDays, calendar: calendar)
        windowStarts = coolingOffEnds.adding(days: 1)
        windowEnds = Self.period(after: coolingOffEnds, days: Self.windowDays, calendar: calendar)
    }

    /// The last day of `days` days counted from the day after `start`, moved past rest days.
    static func period(after start: CivilDate, days: Int, calendar: WorkingDayCalendar) -> CivilDate {
        var last = start.adding(days: days)
        while !calendar.isWorkingDay(last) { last = last.adding(days: 1) }
        return last
    }

    public enum Phase: String, Codable, Sendable, Equatable {
        case coolingOff, window, lapsed

        public var chinese: String {
            switch self {
            case .coolingOff: return "冷静期"
            case .window: return "可申请发证"
            case .lapsed: return "逾期视为撤回"
            }
        }
    }

    /// Where `day` falls; the day of the receipt counts as cooling-off.
    public func phase(on day: CivilDate) -> Phase {
        if day <= coolingOffEnds { return .coolingOff }
        return day <= windowEnds ? .window : .lapsed
    }
}

/// A divorce application's life: in cooling-off until either party withdraws, registered in
/// the window, or lapsed when the window passes without both coming back.
public enum DivorceState: String, Codable, Sendable, CaseIterable {
    case pending, withdrawn, registered, lapsed

    public var chinese: String {
        switch self {
        case .pending: return "办理中"
        case .withdrawn: return "已撤回"
        case .registered: return "已登记离婚"
        case .lapsed: return "逾期视为撤回"
        }
    }

    /// Why a withdrawal on `day` is refused; nil when it is allowed (during the cooling-off,
    /// its last day included).
    public func refusalToWithdraw(on day: CivilDate, timeline: DivorceTimeline) -> Refusal? {
        guard self == .pending else { return Refusal(.conflict, "该离婚申请已\(chinese)") }
        guard timeline.phase(on: day) == .coolingOff else {
            return Refusal(.conflict, "冷静期已于 \(timeline.coolingOffEnds) 结束，不能再撤回；期满未共同到场即视为撤回")
        }
        return nil
    }

    /// Why registering the divorce on `day` is refused; nil in the window.
    public func refusalToRegister(on day: CivilDate, timeline: DivorceTimeline) -> Refusal? {
        guard self == .pending else { return Refusal(.conflict, "该离婚申请已\(chinese)") }
        switch timeline.phase(on: day) {
        case .coolingOff:
            return Refusal(.conflict, "离婚冷静期至 \(timeline.coolingOffEnds) 止，\(timeline.windowStarts) 起方可登记")
        case .window: return nil
        case .lapsed:
            return Refusal(.conflict, "已超过 \(timeline.windowEnds)，离婚申请视为撤回，请重新申请")
        }
    }
}
