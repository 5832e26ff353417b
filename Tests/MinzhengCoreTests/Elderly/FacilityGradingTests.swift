import Testing
import MinzhengCore

@Suite("Facility grading and hazard rules (ELDERLY.md)")
struct FacilityGradingTests {
    static let p = try! PolicyFixtures.parameters("2024-01").facilities
    static let day = CivilDate("2024-06-15")!
    static let ok = GradingPrerequisites(
        filedOn: CivilDate("2022-01-01")!, fireSafetyAccepted: true, lastSeriousIncidentOn: nil)

    /// Scores whose sections all have exactly `share` of their maximum (rounded up), topped
    /// up in services to reach `total`.
    static func scores(share: Int, total: Int) -> [FacilitySection: Int] {
        var s: [FacilitySection: Int] = [:]
        for section in FacilitySection.allCases {
            let max = p.sectionMaxima[section]!
            s[section] = (max * share + 99) / 100
        }
        let sum = s.values.reduce(0, +)
        s[.services]! += total - sum
        return s
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let share: Int
        /// Points added to (or taken from) services after every section is at `share`.
        let services: Int
        let grade: Int?
        var testDescription: String {
            "each section at \(share) %, services \(services) → \(grade.map(String.init) ?? "none")"
        }
    }

    /// At each grade's section share exactly, and one point below it. With the default table
    /// every section at its share already gives at least the total (80 % of 1 000 = 800 ≥ 780),
    /// so below grade 5 the shares decide; `totalBinds` shows the total deciding too.
    @Test(arguments: [
        Row(share: 90, services: 0, grade: 5), Row(share: 90, services: -1, grade: 4),
        Row(share: 80, services: 0, grade: 4), Row(share: 80, services: -1, grade: 3),
        Row(share: 60, services: 0, grade: 3), Row(share: 60, services: -1, grade: 2),
        Row(share: 50, services: 0, grade: 2), Row(share: 50, services: -1, grade: 1),
        Row(share: 40, services: 0, grade: 1), Row(share: 40, services: -1, grade: nil),
    ])
    func thresholds(_ row: Row) {
        var s = Self.scores(share: row.share, total: 0)
        for section in FacilitySection.allCases { s[section] = Self.p.sectionMaxima[section]! * row.share / 100 }
        s[.services]! += row.services
        let outcome = FacilityGrading.decide(scores: s, prerequisites: Self.ok, on: Self.day, parameters: Self.p)
        #expect(outcome.total == 10 * row.share + row.services)
        #expect(outcome.grade == row.grade)
    }

    /// A dated change of the table: grade 4 needing 850 points. Every section at 80 % (800
    /// points) is then grade 3; 849 points too; 850 is grade 4.
    @Test(arguments: [(0, 3), (49, 3), (50, 4)])
    func totalBinds(_ extra: Int, _ grade: Int) throws {
        let p = try PolicyFixtures.parameters(overriding: [.facilityGrade4Total: 850]).facilities
        var s: [FacilitySection: Int] = [:]
        for section in FacilitySection.allCases { s[section] = p.sectionMaxima[section]! * 80 / 100 }
        s[.services]! += extra
        #expect(FacilityGrading.decide(scores: s, prerequisites: Self.ok, on: Self.day, parameters: p).grade == grade)
    }

    /// A total high enough for grade 5 but one section one point below 90 %: grade 4.
    @Test(arguments: FacilitySection.allCases)
    func oneSectionBelowItsShare(_ section: FacilitySection) {
        var s: [FacilitySection: Int] = [:]
        for sec in FacilitySection.allCases { s[sec] = Self.p.sectionMaxima[sec]! }
        let max = Self.p.sectionMaxima[section]!
        s[section] = max * 90 / 100  // exactly 90 %: still 5
        #expect(
            FacilityGrading.decide(scores: s, prerequisites: Self.ok, on: Self.day, parameters: Self.p).grade == 5)
        s[section] = (max * 90 + 99) / 100 - 1  // just under 90 %
        let outcome = FacilityGrading.decide(scores: s, prerequisites: Self.ok, on: Self.day, parameters: Self.p)
        #expect(outcome.total >= 900)
        #expect(outcome.grade == 4)
    }

    @Test func sharesAreReported() {
        let s: [FacilitySection: Int] = [.environment: 108, .equipment: 117, .management: 135, .services: 540]
        let outcome = FacilityGrading.decide(scores: s, prerequisites: Self.ok, on: Self.day, parameters: Self.p)
        #expect(outcome.shares[.environment] == Rate(basisPoints: 9000))
        #expect(outcome.total == 900)
        #expect(outcome.grade == 5)
    }

    @Test func prerequisites() {
        let full: [FacilitySection: Int] = [.environment: 120, .equipment: 130, .management: 150, .services: 600]
        func grade(_ pre: GradingPrerequisites) -> GradingOutcome {
            FacilityGrading.decide(scores: full, prerequisites: pre, on: Self.day, parameters: Self.p)
        }
        // Filed exactly a year before: enough; a day less: not.
        #expect(
            grade(.init(filedOn: CivilDate("2023-06-15")!, fireSafetyAccepted: true, lastSeriousIncidentOn: nil)).grade
                == 5)
        let recent = grade(
            .init(filedOn: CivilDate("2023-06-16")!, fireSafetyAccepted: true, lastSeriousIncidentOn: nil))
        #expect(recent.grade == nil)
        #expect(recent.scoredGrade == 5)
        #expect(recent.shortfalls == [.filedTooRecently])
        #expect(
            grade(.init(filedOn: Self.ok.filedOn, fireSafetyAccepted: false, lastSeriousIncidentOn: nil)).shortfalls
                == [.noFireSafetyAcceptance])
        // A serious incident exactly a year ago no longer counts; a day later it does.
        #expect(
            grade(
                .init(
                    filedOn: Self.ok.filedOn, fireSafetyAccepted: true, lastSeriousIncidentOn: CivilDate("2023-06-15")!)
            ).grade == 5)
        #expect(
            grade(
                .init(
                    filedOn: Self.ok.filedOn, fireSafetyAccepted: true, lastSeriousIncidentOn: CivilDate("2023-06-16")!)
            ).shortfalls == [.recentSeriousIncident])
    }

    @Test func validationNamesTheSection() {
        #expect(throws: FieldProblem("scores.services", "“服务”得分应在 0–600 之间，收到 601")) {
            try FacilityGrading.validate(
                [.environment: 1, .equipment: 1, .management: 1, .services: 601], parameters: Self.p)
        }
        #expect(throws: FieldProblem("scores.equipment", "缺少“设施设备”得分")) {
            try FacilityGrading.validate([.environment: 1, .management: 1, .services: 1], parameters: Self.p)
        }
    }

    @Test func validityAndReminders() {
        let v = FacilityGrading.validity(certifiedOn: CivilDate("2024-02-29")!, parameters: Self.p)
        #expect(v.expiresOn == CivilDate("2027-02-28")!)
        #expect(v.firstReminderOn == CivilDate("2026-08-28")!)
        #expect(v.secondReminderOn == CivilDate("2027-01-28")!)
        let expires = CivilDate("2027-03-01")!
        #expect(FacilityGrading.reminder(expiresOn: expires, today: CivilDate("2026-08-31")!, parameters: Self.p) == 0)
        #expect(FacilityGrading.reminder(expiresOn: expires, today: CivilDate("2026-09-01")!, parameters: Self.p) == 1)
        #expect(FacilityGrading.reminder(expiresOn: expires, today: CivilDate("2027-01-31")!, parameters: Self.p) == 1)
        #expect(FacilityGrading.reminder(expiresOn: expires, today: CivilDate("2027-02-01")!, parameters: Self.p) == 2)
        #expect(FacilityGrading.reminder(expiresOn: expires, today: expires, parameters: Self.p) == 0)
    }

    @Test func gradeStates() {
        let expires = CivilDate("2027-03-01")!
        func state(_ current: GradeState, _ today: String, overdue: Bool) -> GradeState {
            FacilityGrading.state(
                current: current, expiresOn: expires, today: CivilDate(today)!, overdueSeriousHazard: overdue)
        }
        #expect(state(.valid, "2027-02-28", overdue: false) == .valid)
        #expect(state(.valid, "2027-03-01", overdue: false) == .lapsed)
        #expect(state(.valid, "2026-01-01", overdue: true) == .suspended)
        #expect(state(.suspended, "2026-01-01", overdue: false) == .suspended)
        #expect(state(.suspended, "2027-03-01", overdue: true) == .lapsed)
        #expect(state(.lapsed, "2026-01-01", overdue: false) == .lapsed)
    }

    @Test func hazardDeadlinesAndEscalation() {
        let found = CivilDate("2024-06-01")!
        #expect(HazardRules.deadline(.serious, foundOn: found, parameters: Self.p) == CivilDate("2024-06-08")!)
        #expect(HazardRules.deadline(.general, foundOn: found, parameters: Self.p) == CivilDate("2024-07-01")!)
        let deadline = CivilDate("2024-06-08")!
        func level(_ today: String, _ state: HazardState = .open) -> HazardEscalation {
            HazardRules.escalation(
                severity: .serious, state: state, deadline: deadline, today: CivilDate(today)!, parameters: Self.p)
        }
        #expect(level("2024-06-08") == HazardEscalation.unescalated)
        #expect(level("2024-06-09") == .district)
        #expect(level("2024-06-15") == .district)
        #expect(level("2024-06-16") == .city)
        #expect(level("2024-06-16", .rectified) == .city)
        #expect(level("2024-06-16", .closed) == HazardEscalation.unescalated)
        #expect(!HazardRules.isOverdue(state: .open, deadline: deadline, today: deadline))
        #expect(HazardRules.isOverdue(state: .open, deadline: deadline, today: deadline.adding(days: 1)))
        #expect(!HazardRules.isOverdue(state: .closed, deadline: deadline, today: deadline.adding(days: 1)))
    }

    @Test func hazardTransitions() throws {
        #expect(try HazardRules.transition(from: .open, .submitEvidence) == .rectified)
        #expect(try HazardRules.transition(from: .rectified, .reinspectPassed) == .closed)
        #expect(try HazardRules.transition(from: .rectified, .reinspectFailed) == .open)
        #expect(try HazardRules.transition(from: .open, .reinspectPassed) == .closed)
        for state in HazardState.allCases {
            #expect(throws: Refusal.self) { try HazardRules.transition(from: state, .close) }
        }
        #expect(throws: Refusal.self) { try HazardRules.transition(from: .closed, .submitEvidence) }
    }

    @Test func checklistPerKind() {
        let home = InspectionChecklist.items(for: .careHomePrivate)
        let station = InspectionChecklist.items(for: .communityStation)
        #expect(home.count == InspectionChecklist.items.count)
        #expect(station.allSatisfy { !$0.residentialOnly })
        #expect(!station.contains { $0.code == "care.nightStaff" })
        for code in [
            "fire.exits", "gas.alarm", "fire.insulation", "care.emergencyCall", "care.nightStaff", "food.samples",
        ] {
            #expect(InspectionChecklist.item(code)?.mandatory == true, "\(code)")
        }
        #expect(Set(home.map(\.category)) == Set(ChecklistCategory.allCases))
    }

    @Test func nursingBedTargetIsDated() throws {
        #expect(try PolicyFixtures.parameters("2021-06").facilities.nursingBedTarget == Rate(basisPoints: 6800))
        #expect(try PolicyFixtures.parameters("2022-01").facilities.nursingBedTarget == Rate(basisPoints: 7200))
    }
}
