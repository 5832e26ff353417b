import Foundation
import MinzhengCore
import Testing

@Suite("Child-protection cases: triage, deadlines, who may do what")
struct ChildCaseRulesTests {
    static let parameters = ChildProtectionParameters(
        urgentResponseHours: 24, normalResponseWorkingDays: 3, referralAnswerWorkingDays: 5, visitIntervalDays: 30)

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test(
        "abuse, abandonment or a child alone in danger make a case urgent; the rest are normal",
        arguments: [
            ([ChildCaseConcern.abuse], ChildCaseUrgency.urgent), ([.abandonment], .urgent), ([.aloneInDanger], .urgent),
            ([.neglect], .normal), ([.outOfSchool, .other], .normal), ([.neglect, .abuse], .urgent),
        ])
    func urgency(concerns: [ChildCaseConcern], expected: ChildCaseUrgency) {
        #expect(ChildCaseRules.urgency(of: Set(concerns)) == expected)
    }

    @Test(
        "urgent: on site within 24 hours; normal: contact by the end of the third working day",
        arguments: [
            (ChildCaseUrgency.urgent, "2026-12-04", ChildCaseRules.Deadline.hoursAfterReport(24)),
            // A Friday: the Monday, Tuesday and Wednesday after.
            (.normal, "2026-12-04", .endOfDay(day("2026-12-09"))),
            (.normal, "2026-12-01", .endOfDay(day("2026-12-04"))),
            // The day before the 2026 National Day holiday (Oct 1–7): the 8th, the 9th and
            // Saturday the 10th, worked instead.
            (.normal, "2026-09-30", .endOfDay(day("2026-10-10"))),
        ])
    func deadlines(urgency: ChildCaseUrgency, reported: String, expected: ChildCaseRules.Deadline) {
        #expect(
            ChildCaseRules.responseDeadline(
                urgency, reportedOn: Self.day(reported), parameters: Self.parameters, calendar: .china) == expected)
    }

    @Test("a referral is answered within 5 working days, or chased")
    func referral() {
        #expect(
            ChildCaseRules.referralAnswerDue(
                sentOn: Self.day("2026-12-03"), parameters: Self.parameters, calendar: .china)
                == Self.day("2026-12-10"))
    }

    @Test(
        "the next visit follows the plan's interval, never longer than a month",
        arguments: [(nil as Int?, "2026-12-31"), (7, "2026-12-08"), (45, "2026-12-31")])
    func nextVisit(plan: Int?, expected: String) {
        #expect(
            ChildCaseRules.nextVisitDue(
                lastContact: Self.day("2026-12-01"), planIntervalDays: plan, parameters: Self.parameters)
                == Self.day(expected))
    }

    static let office = ChildCaseViewer(isOffice: true, isWorker: false, isSupervisor: false, tookReport: true)
    static let worker = ChildCaseViewer(isOffice: false, isWorker: true, isSupervisor: false, tookReport: false)
    static let supervisor = ChildCaseViewer(isOffice: false, isWorker: false, isSupervisor: true, tookReport: false)

    enum Outcome: Sendable {
        case to(ChildCaseStatus)
        case refused(Refusal.Kind)
    }

    struct Step: Sendable, CustomTestStringConvertible {
        let status: ChildCaseStatus
        let action: ChildCaseAction
        let viewer: ChildCaseViewer
        var entry: ChildCaseEntryKind? = nil
        /// The next state, or the refusal's kind.
        let expected: Outcome
        var testDescription: String { "\(status) \(action) \(entry?.rawValue ?? "")" }
    }

    @Test(
        "the state machine: the office assigns, the worker works and proposes, only the supervisor closes",
        arguments: [
            Step(status: .reported, action: .assign, viewer: office, expected: .to(.assigned)),
            Step(status: .responded, action: .assign, viewer: office, expected: .to(.responded)),
            Step(status: .reported, action: .assign, viewer: worker, expected: .refused(.forbidden)),
            Step(status: .closed, action: .assign, viewer: office, expected: .refused(.conflict)),
            Step(status: .reported, action: .record, viewer: worker, entry: .note, expected: .refused(.conflict)),
            Step(status: .assigned, action: .record, viewer: worker, entry: .note, expected: .to(.assigned)),
            Step(status: .assigned, action: .record, viewer: worker, entry: .response, expected: .to(.responded)),
            Step(status: .assigned, action: .record, viewer: supervisor, entry: .visit, expected: .to(.responded)),
            Step(status: .assigned, action: .record, viewer: office, entry: .note, expected: .refused(.forbidden)),
            Step(status: .assigned, action: .proposeClosure, viewer: worker, expected: .refused(.conflict)),
            Step(status: .responded, action: .proposeClosure, viewer: supervisor, expected: .refused(.forbidden)),
            Step(status: .responded, action: .proposeClosure, viewer: worker, expected: .to(.closing)),
            Step(status: .closing, action: .approveClosure, viewer: worker, expected: .refused(.forbidden)),
            Step(status: .closing, action: .approveClosure, viewer: office, expected: .refused(.forbidden)),
            Step(status: .closing, action: .approveClosure, viewer: supervisor, expected: .to(.closed)),
            Step(status: .closing, action: .rejectClosure, viewer: supervisor, expected: .to(.responded)),
            Step(status: .closed, action: .record, viewer: worker, entry: .note, expected: .refused(.conflict)),
            Step(status: .responded, action: .answerReferral, viewer: office, expected: .to(.responded)),
            Step(status: .responded, action: .refer, viewer: office, expected: .refused(.forbidden)),
        ])
    func transitions(_ step: Step) {
        let result = ChildCaseRules.next(step.status, step.action, by: step.viewer, entry: step.entry)
        switch (result, step.expected) {
        case (.success(let got), .to(let want)): #expect(got == want)
        case (.failure(let got), .refused(let want)): #expect(got.kind == want)
        default: Issue.record("\(step.testDescription): got \(result), expected \(step.expected)")
        }
    }

    @Test("lists show the surname and stars", arguments: [("王小明", "王**"), ("李", "李*"), ("欧阳娜娜", "欧***")])
    func masked(name: String, expected: String) {
        #expect(ChildCaseRules.maskedName(name) == expected)
    }
}
