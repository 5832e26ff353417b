/// Who is paid in a month: the rule a monthly roll applies, stated once. The roll's SQL
/// (`PayrollStore.generate`) selects by it, using `stoppingStatuses`; the tests hold the two
/// to the same answers.
public enum PaymentRule {
    /// Statuses that stop payment from the month they take effect.
    public static let stoppingStatuses: [EnrollmentStatus] = [.suspended, .ended]

    /// Whether an enrollment pays in `month`: within its start and end months, not stopped
    /// by a status in effect by then, and its payee alive at the start of the month (the
    /// month of a death is paid; the months after are not).
    public static func pays(
        in month: YearMonth, start: YearMonth, end: YearMonth?, status: EnrollmentStatus,
        statusFrom: YearMonth?, payeeDiedOn: CivilDate?
    ) -> Bool {
        guard start <= month, end.map({ month <= $0 }) ?? true else { return false }
        // A stopping status without a month stops at once (never written so, but never paid).
        if stoppingStatuses.contains(status), statusFrom.map({ $0 <= month }) ?? true { return false }
        if let died = payeeDiedOn, died < month.firstDay { return false }
        return true
    }

    /// A failed payment of an earlier roll is paid again by the next roll that is made, once.
    public static func carries(_ status: PayrollLineStatus, of rollMonth: YearMonth, into month: YearMonth) -> Bool {
        status == .failed && rollMonth < month
    }
}
