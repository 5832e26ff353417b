/// Where an application stands against its review deadline, for the lists of overdue and
/// nearly-overdue applications of each street and district.
public enum DeadlineStatus: Hashable, Sendable {
    /// More than the warning window is left.
    case onTime(remaining: Int)
    /// At most the warning window is left; 0 means due today.
    case dueSoon(remaining: Int)
    /// Past the due date: how many working days late it is, if finished on the first
    /// working day from today (so a Saturday after a Friday due date is already 1 late).
    case overdue(by: Int)

    /// The whole review must finish within 30 working days of submission (issue 5;
    /// 最低生活保障审核确认办法).
    public static let reviewLimit = 30
    /// Applications within 5 working days of their deadline are listed as due soon.
    public static let reviewWarningWindow = 5

    public var chinese: String {
        switch self {
        case .onTime(let remaining): return "剩余 \(remaining) 个工作日"
        case .dueSoon(0): return "今日到期"
        case .dueSoon(let remaining): return "即将到期，剩余 \(remaining) 个工作日"
        case .overdue(let days): return "已超期 \(days) 个工作日"
        }
    }
}

extension WorkingDayCalendar {
    /// The last day to finish a review submitted on `submitted`: `limit` working days later.
    public func dueDate(submitted: CivilDate, limit: Int = DeadlineStatus.reviewLimit) -> CivilDate {
        addingWorkingDays(limit, to: submitted)
    }

    /// The status on `today` of a review submitted on `submitted`.
    public func deadlineStatus(
        submitted: CivilDate, today: CivilDate,
        limit: Int = DeadlineStatus.reviewLimit,
        warningWindow: Int = DeadlineStatus.reviewWarningWindow
    ) -> DeadlineStatus {
        let due = dueDate(submitted: submitted, limit: limit)
        if today > due {
            return .overdue(by: workingDays(from: due, to: workingDay(onOrAfter: today)))
        }
        let remaining = workingDays(from: today, to: due)
        return remaining <= warningWindow ? .dueSoon(remaining: remaining) : .onTime(remaining: remaining)
    }
}
