import MinzhengCore
import Testing

@Suite("德康驿站 rules")
struct RehabRulesTests {
    static let today = CivilDate("2026-12-03")!

    @Test("a station meets the standard with every item of the list, and says what it lacks in the list's order")
    func standard() {
        #expect(RehabRules.meetsStandard(present: Set(RehabEquipment.allCases)))
        #expect(RehabRules.missing(present: Set(RehabEquipment.allCases)).isEmpty)
        let lacking = Set(RehabEquipment.allCases).subtracting([.firstAidKit, .trainingRoom])
        #expect(!RehabRules.meetsStandard(present: lacking))
        #expect(RehabRules.missing(present: lacking) == [.trainingRoom, .firstAidKit])
        #expect(RehabRules.missing(present: []).count == RehabEquipment.allCases.count)
    }

    @Test(
        "an enrolment's first day: not after today, not before the station opened",
        arguments: [
            ("2026-12-03", nil), ("2026-12-04", "enrolledOn"), ("2025-01-01", nil), ("2024-12-31", "enrolledOn"),
        ] as [(String, String?)])
    func enrolment(day: String, field: String?) {
        #expect(
            RehabRules.checkEnrolment(on: CivilDate(day)!, stationOpened: CivilDate("2025-01-01")!, today: Self.today)?
                .field == field)
    }

    @Test(
        "a day of service or attendance lies within the enrolment and not after today",
        arguments: [
            ("2026-06-01", nil, nil), ("2026-05-31", nil, "servedOn"), ("2026-12-04", nil, "servedOn"),
            ("2026-09-30", "2026-09-30", nil), ("2026-10-01", "2026-09-30", "servedOn"),
        ] as [(String, String?, String?)])
    func day(day: String, leftOn: String?, field: String?) {
        #expect(
            RehabRules.checkDay(
                CivilDate(day)!, field: "servedOn", enrolledOn: CivilDate("2026-06-01")!,
                leftOn: leftOn.flatMap(CivilDate.init), today: Self.today)?.field == field)
    }

    @Test("leaving: from the first day to today")
    func leaving() {
        let enrolled = CivilDate("2026-06-01")!
        #expect(RehabRules.checkLeaving(on: enrolled, enrolledOn: enrolled, today: Self.today) == nil)
        #expect(
            RehabRules.checkLeaving(on: enrolled.adding(days: -1), enrolledOn: enrolled, today: Self.today)?.field
                == "leftOn")
        #expect(
            RehabRules.checkLeaving(on: Self.today.adding(days: 1), enrolledOn: enrolled, today: Self.today)?.field
                == "leftOn")
    }

    @Test("progress against the targets in whole percent")
    func progress() {
        let p = RehabProgress(
            stations: 13, stationsMeetingStandard: 10, stationTarget: 20, patients: 3880, patientTarget: 5000)
        #expect(p.stationPercent == 65 && p.patientPercent == 77)
        #expect(
            RehabProgress(stations: 1, stationsMeetingStandard: 0, stationTarget: 0, patients: 0, patientTarget: 0)
                .stationPercent == 0)
    }
}
