/// Custody: a member of an enrolled household is taken into custody → yellow, reassess the
/// household's size (a person in custody is not counted). A custody already over by the day
/// of evaluation changes nothing now, so it stays silent.
enum CustodyRule {
    static func check(_ custody: CustodyPeriod, _ context: EarlyWarningContext, _ raise: AlertRaiser) -> AlertDraft? {
        guard context.householdIsMeansTested, custody.isInCustody(on: context.today) else { return nil }
        return raise(
            .custody,
            .custody(
                startDate: custody.startDate, endDate: custody.endDate,
                householdSize: context.household.memberCount))
    }
}
