import Testing
import MinzhengCore

private typealias F = MonitoringFixtures

@Suite("Alone and unvisited: 80+, living alone, no visit in 30 days")
struct AloneAndUnvisitedRuleTests {
    /// Today is 2024-06-15; a person born 1944-06-15 turns 80 today.
    @Test(arguments: [
        ("80 today, last visit 30 days ago", "1944-06-15", true, false, "2024-05-16" as String?, true),
        ("80 today, never visited", "1944-06-15", true, false, nil, true),
        ("92, last visit 45 days ago", "1932-01-01", true, false, "2024-05-01", true),
        ("80 today, last visit 29 days ago", "1944-06-15", true, false, "2024-05-17", false),
        ("79 until tomorrow, never visited", "1944-06-16", true, false, nil, false),
        ("85, lives with family", "1939-03-01", false, false, nil, false),
        ("85, deceased", "1939-03-01", true, true, nil, false),
        ("85, visited today", "1939-03-01", true, false, "2024-06-15", false),
    ])
    func watch(name: String, born: String, alone: Bool, deceased: Bool, lastVisit: String?, fires: Bool) {
        let person = AloneAndUnvisitedRule.WatchedPerson(
            personId: "P9", householdId: "H9", birthDate: F.date(born), livesAlone: alone,
            isDeceased: deceased, lastVisit: lastVisit.map(F.date))
        let alerts = AloneAndUnvisitedRule.check(persons: [person], today: F.today)
        #expect(alerts.count == (fires ? 1 : 0))
        if let alert = alerts.first {
            #expect(alert.rule == .aloneUnvisited && alert.level == .yellow)
            #expect(alert.personId == "P9" && alert.householdId == "H9" && alert.raisedOn == F.today)
            #expect(alert.feedRecordKey == nil)
            #expect(alert.dedupeKey == "aloneUnvisited:P9")
            #expect(alert.visitDueDate == F.date("2024-06-30"))
        }
    }

    @Test("the evidence says the age and the days without a visit")
    func evidence() {
        let persons = [
            AloneAndUnvisitedRule.WatchedPerson(
                personId: "A", householdId: "H", birthDate: F.date("1932-01-01"),
                livesAlone: true, lastVisit: F.date("2024-05-01")),
            AloneAndUnvisitedRule.WatchedPerson(
                personId: "B", householdId: "H", birthDate: F.date("1944-06-15"),
                livesAlone: true, lastVisit: nil),
        ]
        let alerts = AloneAndUnvisitedRule.check(persons: persons, today: F.today)
        #expect(
            alerts.map(\.evidence) == [
                "92 岁独居老人，最近一次探访为 2024-05-01，已 45 天未探访（应每 30 天内探访）。",
                "80 岁独居老人，尚无探访记录（应每 30 天内探访）。",
            ])
    }

    @Test("the age and the days come from the thresholds")
    func thresholds() {
        var t = EarlyWarningThresholds.defaults
        t.aloneMinimumAge = 75
        t.aloneUnvisitedDays = 14
        let person = AloneAndUnvisitedRule.WatchedPerson(
            personId: "P", householdId: "H", birthDate: F.date("1948-01-01"),
            livesAlone: true, lastVisit: F.date("2024-06-01"))
        #expect(AloneAndUnvisitedRule.check(persons: [person], today: F.today).isEmpty)
        #expect(AloneAndUnvisitedRule.check(persons: [person], today: F.today, thresholds: t).count == 1)
        #expect(AloneAndUnvisitedRule.check(persons: [person], today: F.date("2024-06-14"), thresholds: t).isEmpty)
    }
}
