/// An alert a rule wants raised. The app stores it unless an open alert with the same
/// `dedupeKey` exists, and turns it into a visit task due by `visitDeadline`.
public struct AlertDraft: Hashable, Sendable {
    public let rule: EarlyWarningRule
    /// The registry ids (UUID strings) of the person and their household.
    public let personId: String
    public let householdId: String
    /// The day the alert is raised: the start of the visit deadline.
    public let raisedOn: CivilDate
    public let facts: AlertFacts
    /// The feed row that raised it (`FeedRecord.dedupeKey`), nil for the scheduled watch.
    public let feedRecordKey: String?

    public init(
        rule: EarlyWarningRule, personId: String, householdId: String, raisedOn: CivilDate,
        facts: AlertFacts, feedRecordKey: String?
    ) {
        self.rule = rule
        self.personId = personId
        self.householdId = householdId
        self.raisedOn = raisedOn
        self.facts = facts
        self.feedRecordKey = feedRecordKey
    }

    public var level: AlertLevel { rule.level }

    /// One Chinese sentence with the numbers, for the alert page and the visit task.
    public var evidence: String { facts.chinese }

    /// Rule and person: the app keeps at most one open alert per key, so a second feed row
    /// saying the same thing (or the daily watch finding the same person) adds nothing.
    public var dedupeKey: String { AlertDraft.dedupeKey(rule: rule, personId: personId) }

    public static func dedupeKey(rule: EarlyWarningRule, personId: String) -> String {
        rule.rawValue + ":" + personId
    }

    public var visitDeadline: VisitDeadline { VisitDeadline(level: level, raisedOn: raisedOn) }

    public var visitDueDate: CivilDate { visitDeadline.dueDate }

    public func isOverdue(today: CivilDate) -> Bool { visitDeadline.isOverdue(today: today) }
}
