/// Income rise: a row reporting income lifts a dibao household's per-capita income to the
/// line (default S) → yellow, reassessment and gradual exit where it applies.
///
/// Only dibao households: S is the dibao line (R4). An edge household is already at or above
/// S and an individual dibao member up to 2 × S, so reaching S says nothing new about them.
enum IncomeRiseRule {
    static func check(_ payload: FeedPayload, _ context: EarlyWarningContext, _ raise: AlertRaiser) -> AlertDraft? {
        guard let income = payload.countedMonthlyIncome, context.householdHolds(.dibao) else { return nil }
        let line = context.thresholds.incomeRiseLine(standard: context.means.dibaoStandard)
        let perCapita = context.means.perCapitaCountedIncome
        guard perCapita >= line else { return nil }
        return raise(
            .incomeRise, .incomeRise(kind: income.kind, monthly: income.monthly, perCapita: perCapita, line: line))
    }
}
