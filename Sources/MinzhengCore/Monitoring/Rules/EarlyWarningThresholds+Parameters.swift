extension EarlyWarningThresholds {
    /// The thresholds in force for a region and month, from the dated policy parameters
    /// (`warning…` keys), which a city administrator changes like any other policy number.
    /// A stored grade outside 1–4 falls back to the default's.
    public init(parameters p: PolicyParameters) {
        self.init(
            medicalOneStayOutOfPocket: p.warningMedicalOneStay,
            medicalTwelveMonthsOutOfPocket: p.warningMedicalTwelveMonths,
            aloneMinimumAge: p.warningAloneAge, aloneUnvisitedDays: p.warningAloneUnvisitedDays,
            severeDisabilityGrade: DisabilityGrade(p.warningSevereDisabilityGrade)
                ?? EarlyWarningThresholds.defaults.severeDisabilityGrade,
            incomeRiseShareOfStandard: p.warningIncomeRiseShare)
    }
}
