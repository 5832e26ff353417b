import Testing
import MinzhengCore

private func day(_ text: String) -> CivilDate { CivilDate(text)! }

@Suite("Review deadline: 30 working days, due soon within 5")
struct DeadlineStatusTests {
    let calendar = WorkingDayCalendar.china

    // Submitted Monday 2025-01-20; 30 working days across 春节 end on Friday 2025-03-07.
    @Test(arguments: [
        ("2025-01-20", DeadlineStatus.onTime(remaining: 30)),
        ("2025-01-28", .onTime(remaining: 24)),  // during 春节 nothing is used up
        ("2025-02-04", .onTime(remaining: 24)),
        ("2025-02-27", .onTime(remaining: 6)),
        ("2025-02-28", .dueSoon(remaining: 5)),
        ("2025-03-01", .dueSoon(remaining: 5)),  // Saturday
        ("2025-03-06", .dueSoon(remaining: 1)),
        ("2025-03-07", .dueSoon(remaining: 0)),
        ("2025-03-08", .overdue(by: 1)),  // Saturday: finishing Monday is 1 day late
        ("2025-03-10", .overdue(by: 1)),
        ("2025-03-11", .overdue(by: 2)),
        ("2025-04-07", .overdue(by: 20)),  // over 清明 (4月4日–6日)
    ])
    func acrossTheSpringFestival(today: String, status: DeadlineStatus) {
        #expect(calendar.deadlineStatus(submitted: day("2025-01-20"), today: day(today)) == status)
    }

    @Test func theDueDateCountsFromTheDayAfterSubmission() {
        #expect(calendar.dueDate(submitted: day("2025-01-20")) == day("2025-03-07"))
        #expect(calendar.dueDate(submitted: day("2025-09-15")) == day("2025-10-31"))
        // Submitted online on a Saturday: the first counted day is Monday.
        #expect(calendar.dueDate(submitted: day("2025-03-01"), limit: 1) == day("2025-03-03"))
    }

    @Test(arguments: [
        // A shorter limit and window, over 国庆: submitted 2025-09-26, 5 working days → 2025-10-10.
        ("2025-09-26", DeadlineStatus.onTime(remaining: 5)),
        ("2025-09-28", .onTime(remaining: 4)),
        ("2025-09-30", .dueSoon(remaining: 2)),
        ("2025-10-05", .dueSoon(remaining: 2)),
        ("2025-10-10", .dueSoon(remaining: 0)),
        ("2025-10-11", .overdue(by: 1)),  // the 调休 Saturday is a working day
        ("2025-10-12", .overdue(by: 2)),  // Sunday: finishing Monday is 2 late
    ])
    func customLimitAndWindow(today: String, status: DeadlineStatus) {
        #expect(calendar.dueDate(submitted: day("2025-09-26"), limit: 5) == day("2025-10-10"))
        #expect(
            calendar.deadlineStatus(submitted: day("2025-09-26"), today: day(today), limit: 5, warningWindow: 2)
                == status)
    }

    @Test(arguments: [
        (DeadlineStatus.onTime(remaining: 12), "剩余 12 个工作日"),
        (.dueSoon(remaining: 3), "即将到期，剩余 3 个工作日"),
        (.dueSoon(remaining: 0), "今日到期"),
        (.overdue(by: 2), "已超期 2 个工作日"),
    ])
    func chineseLabels(status: DeadlineStatus, label: String) {
        #expect(status.chinese == label)
    }
}
