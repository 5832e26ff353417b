/// New severe disability: a grade 1–2 certificate → yellow, check the nursing subsidy and
/// individual dibao. Fires whatever the enrollments: the certificate is what may open them.
enum SevereDisabilityRule {
    static func check(
        _ certificate: DisabilityCertificate, _ context: EarlyWarningContext,
        _ raise: AlertRaiser
    ) -> AlertDraft? {
        guard context.thresholds.isSevere(certificate.grade) else { return nil }
        return raise(
            .severeDisability,
            .severeDisability(
                grade: certificate.grade, kind: certificate.kind,
                certifiedDate: certificate.certifiedDate))
    }
}
