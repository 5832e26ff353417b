/// Job loss: the only earner of an edge household (低保边缘) registers as unemployed →
/// yellow, visit. Losing the only earned income can push such a household below S.
enum JobLossRule {
    static func check(
        _ registration: UnemploymentRegistration, _ context: EarlyWarningContext,
        _ raise: AlertRaiser
    ) -> AlertDraft? {
        guard registration.status == .registered, context.means.personIsOnlyEarner,
            context.householdHolds(.lowIncomeEdge)
        else { return nil }
        return raise(.jobLoss, .jobLoss(registeredDate: registration.registeredDate))
    }
}
