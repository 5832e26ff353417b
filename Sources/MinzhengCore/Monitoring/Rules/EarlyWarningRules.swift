/// Evaluates a new feed row against the snapshot of the person it names: the rules of
/// CATALOG.md that run on feed rows. (The alone-and-unvisited rule runs on a schedule
/// instead: `AloneAndUnvisitedRule`.)
public enum EarlyWarningRules {
    /// The alerts the row raises, usually none and at most one today. The app stores each
    /// unless an open alert with the same `dedupeKey` exists.
    ///
    /// Rows about a person already recorded deceased raise nothing but a death alert: a late
    /// pension or disability row about someone who has died needs no visit.
    public static func evaluate(record: FeedRecord, context: EarlyWarningContext) -> [AlertDraft] {
        if context.person.isDeceased, record.kind != .death { return [] }
        let raise = AlertRaiser(record: record, context: context)
        let draft: AlertDraft?
        switch record.payload {
        case .death(let notice): draft = DeathRule.check(notice, context, raise)
        case .vehicle(let v): draft = AssetGainRules.check(vehicle: v, context, raise)
        case .realEstate(let r): draft = AssetGainRules.check(realEstate: r, context, raise)
        case .business(let b): draft = AssetGainRules.check(business: b, context, raise)
        case .pension: draft = IncomeRiseRule.check(record.payload, context, raise)
        case .medicalExpense(let stay): draft = MedicalBurdenRule.check(stay, context, raise)
        case .unemployment(let u): draft = JobLossRule.check(u, context, raise)
        case .disability(let d): draft = SevereDisabilityRule.check(d, context, raise)
        case .custody(let c): draft = CustodyRule.check(c, context, raise)
        // School and hukou feeds keep the registry current; no CATALOG.md rule listens to them.
        case .school, .hukouMove: draft = nil
        }
        return draft.map { [$0] } ?? []
    }
}

/// Makes the alert of a rule for the row's person and household, raised today.
struct AlertRaiser {
    let record: FeedRecord
    let context: EarlyWarningContext

    func callAsFunction(_ rule: EarlyWarningRule, _ facts: AlertFacts) -> AlertDraft {
        AlertDraft(
            rule: rule, personId: context.person.id, householdId: context.household.id,
            raisedOn: context.today, facts: facts, feedRecordKey: record.dedupeKey)
    }
}

extension EarlyWarningRules {
    /// Whether any rule would read the household's members and declared means (member
    /// count and ages, other members' properties, per-capita income, the only earner) for a
    /// row of `kind` about a household with these enrollments. Only the rules of a few kinds
    /// read them, and each of those is gated on a means-tested program in force, so for other
    /// rows a batch need not load them: the rules give the same answer whatever those facts
    /// are (tested over every feed kind).
    public static func readsHouseholdFacts(kind: FeedKind, enrollments: [EnrollmentSnapshot]) -> Bool {
        kindsReadingHouseholdFacts.contains(kind) && enrollments.contains { $0.status.isInForce && $0.isMeansTested }
    }

    /// Income (per-capita income, the only earner), custody (household size) and real estate
    /// (the other members' properties).
    static let kindsReadingHouseholdFacts: Set<FeedKind> = [.pension, .unemployment, .custody, .realEstate]
}
