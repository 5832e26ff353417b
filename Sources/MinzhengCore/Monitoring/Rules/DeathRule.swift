/// Death (身后一件事): an enrolled person dies → red. Every benefit of the person stops
/// from the month after the death without waiting for the visit, and the household is
/// reassessed; the alert carries the month and the benefits so the app can act on both.
enum DeathRule {
    static func check(_ notice: DeathNotice, _ context: EarlyWarningContext, _ raise: AlertRaiser) -> AlertDraft? {
        let benefits = Set(context.personBenefitsInForce.map(\.code)).sorted()
        guard !benefits.isEmpty else { return nil }
        let stopsFrom = DeathEffects(deathDate: notice.deathDate).benefitsStopFrom
        return raise(.death, .death(deathDate: notice.deathDate, stopsFrom: stopsFrom, benefits: benefits))
    }
}
