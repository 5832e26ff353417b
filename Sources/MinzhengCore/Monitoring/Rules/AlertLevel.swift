/// How urgent an early-warning alert is (CATALOG.md): it sets how soon the grid worker
/// must visit.
public enum AlertLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case red, orange, yellow

    /// Calendar days from the alert to the latest day of the visit that answers it.
    /// Calendar, not working, days: a death or a sudden hardship does not wait for Monday.
    public var visitDueDays: Int {
        switch self {
        case .red: return 3
        case .orange: return 7
        case .yellow: return 15
        }
    }

    /// The last day on which the visit is on time, for an alert raised on `alertDate`.
    public func visitDueDate(from alertDate: CivilDate) -> CivilDate {
        alertDate.adding(days: visitDueDays)
    }

    /// Red first: the order of lists and of the monitoring page.
    public static func < (a: AlertLevel, b: AlertLevel) -> Bool { a.severity > b.severity }

    private var severity: Int {
        switch self {
        case .red: return 3
        case .orange: return 2
        case .yellow: return 1
        }
    }
}

/// When the visit answering an alert is due, and whether it is late (then the task
/// escalates to the street).
public struct VisitDeadline: Hashable, Sendable {
    public let level: AlertLevel
    public let raisedOn: CivilDate

    public init(level: AlertLevel, raisedOn: CivilDate) {
        self.level = level
        self.raisedOn = raisedOn
    }

    public var dueDate: CivilDate { level.visitDueDate(from: raisedOn) }

    /// Late from the day after the due date: a visit on the due date itself is on time.
    public func isOverdue(today: CivilDate) -> Bool { today > dueDate }
}
