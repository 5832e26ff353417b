import Foundation
import MinzhengCore
import Testing

@Suite("Assistance station: outcomes, the checklist, the 24-hour notice")
struct StationCaseRulesTests {
    typealias S = StationCaseStatus
    typealias A = StationCaseStatus.Action

    static let full = S.OutcomeFields(escort: "站内工作人员", destination: "安徽省临泉县", relative: "王小明（儿子）", institution: "市福利院")

    /// Every state × action: the state after, or the refusal's kind and field.
    @Test(
        "the outcome state machine",
        arguments: [
            (S.inStay, A.returnHome, "returnedHome"), (.inStay, .handToFamily, "handedToFamily"),
            (.inStay, .holdLongTerm, "longTermStay"), (.inStay, .transferToCare, "conflict:action"),
            (.longTermStay, .returnHome, "returnedHome"), (.longTermStay, .handToFamily, "handedToFamily"),
            (.longTermStay, .holdLongTerm, "conflict:action"), (.longTermStay, .transferToCare, "placedInCare"),
            (.returnedHome, .returnHome, "conflict:action"), (.returnedHome, .handToFamily, "conflict:action"),
            (.handedToFamily, .transferToCare, "conflict:action"), (.placedInCare, .holdLongTerm, "conflict:action"),
            (.placedInCare, .returnHome, "conflict:action"),
        ])
    func machine(from: S, action: A, expected: String) {
        switch from.after(action, Self.full) {
        case .success(let s): #expect(s.rawValue == expected)
        case .failure(let r): #expect("\(r.kind):\(r.field ?? "")" == expected)
        }
    }

    @Test(
        "each outcome needs its fields, named",
        arguments: [
            (S.inStay, A.returnHome, S.OutcomeFields(destination: "临泉"), "escort"),
            (.inStay, .returnHome, S.OutcomeFields(escort: "工作人员"), "destination"),
            (.inStay, .returnHome, S.OutcomeFields(escort: "  ", destination: "临泉"), "escort"),
            (.inStay, .handToFamily, S.OutcomeFields(), "relative"),
            (.longTermStay, .transferToCare, S.OutcomeFields(escort: "x"), "institution"),
        ])
    func fields(from: S, action: A, fields: S.OutcomeFields, field: String) {
        guard case .failure(let r) = from.after(action, fields) else {
            Issue.record("accepted without \(field)")
            return
        }
        #expect(r.kind == .invalid && r.field == field)
    }

    @Test("open states take the outcomes the pages offer; closed ones none")
    func actions() {
        #expect(S.inStay.actions == [.returnHome, .handToFamily, .holdLongTerm])
        #expect(S.longTermStay.actions == [.returnHome, .handToFamily, .transferToCare])
        for closed in [S.returnedHome, .handedToFamily, .placedInCare] {
            #expect(closed.actions.isEmpty && !closed.isOpen)
        }
        #expect(S.inStay.isOpen && S.longTermStay.isOpen)
    }

    @Test("the checklist shows what is missing, in the standard's order")
    func checklist() {
        #expect(StationCheck.missing(ticked: []) == StationCheck.allCases)
        #expect(
            StationCheck.missing(ticked: [.safetyCheck, .familySearchNotice, .bathAndChange]).map(\.chinese) == [
                "物品登记", "身体状况评估", "身份核查（公安比对）", "心理疏导", "离站评估",
            ])
        #expect(StationCheck.missing(ticked: Set(StationCheck.allCases)).isEmpty)
        #expect(StationCheck.allCases.first == .safetyCheck && StationCheck.allCases.last == .departureAssessment)
    }

    @Test(
        "a notice is overdue only for an unidentified person in the stay, without one, after the hours",
        arguments: [
            (23.9, false, false, true, false), (24.1, false, false, true, true), (30.0, true, false, true, false),
            (30.0, false, true, true, false), (30.0, false, false, false, false), (48.0, false, false, true, true),
        ])
    func overdue(hoursSince: Double, identified: Bool, noticed: Bool, open: Bool, expected: Bool) {
        let intake = Date(timeIntervalSince1970: 1_790_000_000)
        let now = intake.addingTimeInterval(hoursSince * 3600)
        #expect(
            StationNoticeRule.isOverdue(
                intakeAt: intake, hours: 24, identified: identified, noticed: noticed, open: open, now: now) == expected
        )
        #expect(StationNoticeRule.deadline(intakeAt: intake, hours: 24) == intake.addingTimeInterval(86_400))
    }
}
