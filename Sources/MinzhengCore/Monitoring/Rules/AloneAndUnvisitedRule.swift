/// Alone and unvisited: a person of 80 or more living alone with no visit in 30 days →
/// yellow. Runs on the scheduled-visit watch (daily), not on feed rows.
public enum AloneAndUnvisitedRule {
    /// A person on the watch list, as the registry and the visit log have them.
    public struct WatchedPerson: Hashable, Sendable {
        public var personId: String
        public var householdId: String
        public var birthDate: CivilDate
        public var livesAlone: Bool
        public var isDeceased: Bool
        /// The latest recorded visit, nil when never visited.
        public var lastVisit: CivilDate?

        public init(
            personId: String, householdId: String, birthDate: CivilDate, livesAlone: Bool,
            isDeceased: Bool = false, lastVisit: CivilDate?
        ) {
            self.personId = personId
            self.householdId = householdId
            self.birthDate = birthDate
            self.livesAlone = livesAlone
            self.isDeceased = isDeceased
            self.lastVisit = lastVisit
        }
    }

    /// One alert per person who is due a visit. "No visit in 30 days": the last visit was
    /// 30 or more days before `today` (a visit 29 days ago is still within the window).
    public static func check(
        persons: [WatchedPerson], today: CivilDate,
        thresholds: EarlyWarningThresholds = .defaults
    ) -> [AlertDraft] {
        persons.compactMap { p -> AlertDraft? in
            guard !p.isDeceased, p.livesAlone else { return nil }
            let age = p.birthDate.age(on: today)
            guard age >= thresholds.aloneMinimumAge else { return nil }
            let days = p.lastVisit.map { today.daysSinceEpoch - $0.daysSinceEpoch }
            if let days, days < thresholds.aloneUnvisitedDays { return nil }
            return AlertDraft(
                rule: .aloneUnvisited, personId: p.personId, householdId: p.householdId, raisedOn: today,
                facts: .aloneUnvisited(
                    age: age, lastVisit: p.lastVisit, daysWithoutVisit: days,
                    limitDays: thresholds.aloneUnvisitedDays),
                feedRecordKey: nil)
        }
    }
}
