/// Medical burden (主动发现): out-of-pocket ≥ 10 000 yuan in one stay or ≥ 20 000 yuan in
/// 12 months, for a person no means-tested program covers → orange, proactive visit.
/// People already on dibao, tekun, edge or expense hardship get medical assistance through
/// it, so their bills raise nothing here.
enum MedicalBurdenRule {
    static func check(_ stay: MedicalStay, _ context: EarlyWarningContext, _ raise: AlertRaiser) -> AlertDraft? {
        guard !context.personIsMeansTested else { return nil }
        let t = context.thresholds
        // The 12-month total includes this stay; the max guards against a snapshot that lags.
        let twelveMonths = max(context.outOfPocketLast12Months, stay.outOfPocketFen)
        guard stay.outOfPocketFen >= t.medicalOneStayOutOfPocket || twelveMonths >= t.medicalTwelveMonthsOutOfPocket
        else { return nil }
        return raise(
            .medicalBurden,
            .medicalBurden(
                admissionDate: stay.admissionDate, dischargeDate: stay.dischargeDate, oneStay: stay.outOfPocketFen,
                twelveMonths: twelveMonths, oneStayLimit: t.medicalOneStayOutOfPocket,
                twelveMonthsLimit: t.medicalTwelveMonthsOutOfPocket))
    }
}
