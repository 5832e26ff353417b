/// The dated numbers of the annual reports and the credit rules of social organisations
/// (ORGANISATIONS.md), read from the stored policy parameters.
public struct OrganisationParameters: Sendable, Hashable {
    /// The report on a year is due by this month and day of the next year (31 May); the window
    /// opens on 1 January.
    public var reportDeadlineMonth: Int
    public var reportDeadlineDay: Int
    /// Reminders go to organisations that have not filed from this many days before the deadline (30).
    public var reminderDays: Int
    /// On the abnormal list this many months without removal: the serious-violation list (24).
    public var seriousAfterMonths: Int
    /// This many consecutive years without the annual report: revocation proposed (2).
    public var revocationMissedYears: Int
    /// The dormant sweep looks at this many last years due (2).
    public var dormantYears: Int
    /// A registration certificate is valid this many years from its issue (5).
    public var certificateValidityYears: Int

    public static let keys: [PolicyParameterKey] = [
        .organisationReportDeadlineMonth, .organisationReportDeadlineDay, .organisationReminderDays,
        .organisationSeriousAfterMonths, .organisationRevocationMissedYears, .organisationDormantYears,
        .organisationCertificateValidityYears,
    ]

    public static let defaults = OrganisationParameters(
        reportDeadlineMonth: 5, reportDeadlineDay: 31, reminderDays: 30, seriousAfterMonths: 24,
        revocationMissedYears: 2, dormantYears: 2, certificateValidityYears: 5)

    public init(
        reportDeadlineMonth: Int, reportDeadlineDay: Int, reminderDays: Int, seriousAfterMonths: Int,
        revocationMissedYears: Int, dormantYears: Int, certificateValidityYears: Int
    ) {
        self.reportDeadlineMonth = reportDeadlineMonth
        self.reportDeadlineDay = reportDeadlineDay
        self.reminderDays = reminderDays
        self.seriousAfterMonths = seriousAfterMonths
        self.revocationMissedYears = revocationMissedYears
        self.dormantYears = dormantYears
        self.certificateValidityYears = certificateValidityYears
    }

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            reportDeadlineMonth: int(.organisationReportDeadlineMonth),
            reportDeadlineDay: int(.organisationReportDeadlineDay), reminderDays: int(.organisationReminderDays),
            seriousAfterMonths: int(.organisationSeriousAfterMonths),
            revocationMissedYears: int(.organisationRevocationMissedYears),
            dormantYears: int(.organisationDormantYears),
            certificateValidityYears: int(.organisationCertificateValidityYears))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .organisationReportDeadlineMonth: Int64(reportDeadlineMonth),
            .organisationReportDeadlineDay: Int64(reportDeadlineDay), .organisationReminderDays: Int64(reminderDays),
            .organisationSeriousAfterMonths: Int64(seriousAfterMonths),
            .organisationRevocationMissedYears: Int64(revocationMissedYears),
            .organisationDormantYears: Int64(dormantYears),
            .organisationCertificateValidityYears: Int64(certificateValidityYears),
        ]
    }

    /// The last day to file the report on `year` (a month and day that do not exist fall to the
    /// month's last day).
    public func deadline(forReportOn year: Int) -> CivilDate {
        let month = min(max(reportDeadlineMonth, 1), 12)
        let day = min(max(reportDeadlineDay, 1), CivilDate.daysIn(year: year + 1, month: month))
        return CivilDate(year: year + 1, month: month, day: day)!
    }
}
