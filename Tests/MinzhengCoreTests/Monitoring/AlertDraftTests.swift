import Testing
import MinzhengCore

private typealias F = MonitoringFixtures

@Suite("Alerts: one open alert per rule and person; visit deadlines by level")
struct AlertDraftTests {
    private func alert(
        _ rule: EarlyWarningRule, person: String = "P1", raisedOn: String = "2024-06-15",
        feed: String? = "vehicle:R-1"
    ) -> AlertDraft {
        AlertDraft(
            rule: rule, personId: person, householdId: "H1", raisedOn: F.date(raisedOn),
            facts: .jobLoss(registeredDate: F.date("2024-06-01")), feedRecordKey: feed)
    }

    @Test("dedupe keys are equal for the same rule and person, whatever the row or day")
    func dedupeKeys() {
        #expect(alert(.vehicle).dedupeKey == "vehicle:P1")
        #expect(alert(.vehicle, raisedOn: "2024-07-01", feed: "vehicle:R-2").dedupeKey == alert(.vehicle).dedupeKey)
        #expect(alert(.vehicle).dedupeKey != alert(.realEstate).dedupeKey)
        #expect(alert(.vehicle).dedupeKey != alert(.vehicle, person: "P2").dedupeKey)
    }

    @Test("two feed rows saying the same thing about a person make the same key")
    func sameKeyFromTwoRows() throws {
        let context = F.context(enrollments: [F.dibao])
        let car = FeedPayload.vehicle(VehicleRegistration(registeredDate: F.date("2024-04-18"), valueFen: 100))
        let first = try #require(EarlyWarningRules.evaluate(record: F.record(car, source: "A"), context: context).first)
        let second = try #require(
            EarlyWarningRules.evaluate(record: F.record(car, source: "B"), context: context).first)
        #expect(first.dedupeKey == second.dedupeKey)
        #expect(first.feedRecordKey != second.feedRecordKey)
    }

    @Test(
        "visit due days: red 3, orange 7, yellow 15",
        arguments: [
            (AlertLevel.red, 3, "2024-06-18"), (.orange, 7, "2024-06-22"), (.yellow, 15, "2024-06-30"),
        ])
    func dueDays(level: AlertLevel, days: Int, due: String) {
        #expect(level.visitDueDays == days)
        #expect(level.visitDueDate(from: F.date("2024-06-15")) == F.date(due))
    }

    @Test(
        "due dates cross month and year ends",
        arguments: [
            (AlertLevel.red, "2024-12-30", "2025-01-02"), (.yellow, "2024-02-20", "2024-03-06"),
            (.orange, "2023-02-25", "2023-03-04"),
        ])
    func dueAcrossBoundaries(level: AlertLevel, raised: String, due: String) {
        #expect(VisitDeadline(level: level, raisedOn: F.date(raised)).dueDate == F.date(due))
    }

    @Test("overdue from the day after the due date")
    func overdue() {
        let red = alert(.death)
        #expect(red.visitDueDate == F.date("2024-06-18"))
        #expect(!red.isOverdue(today: F.date("2024-06-15")))
        #expect(!red.isOverdue(today: F.date("2024-06-18")))
        #expect(red.isOverdue(today: F.date("2024-06-19")))
        let yellow = alert(.custody)
        #expect(!yellow.isOverdue(today: F.date("2024-06-30")))
        #expect(yellow.isOverdue(today: F.date("2024-07-01")))
    }

    @Test("levels sort red first and have Chinese names")
    func levelOrder() {
        #expect([AlertLevel.yellow, .red, .orange].sorted() == [.red, .orange, .yellow])
        #expect(AlertLevel.allCases.map(\.chinese) == ["红色预警", "橙色预警", "黄色预警"])
        #expect(Set(EarlyWarningRule.allCases.map(\.chinese)).count == EarlyWarningRule.allCases.count)
    }
}
