import Foundation
import MinzhengCore
import Testing

@Suite("Ability assessment records: assessors, dates, reassessment")
struct ElderlyAbilityRecordTests {
    static let today = CivilDate(year: 2026, month: 11, day: 15)!

    static func draft(
        on day: CivilDate = today, assessors: [String] = ["张丽", "陈伟"]
    ) -> AbilityAssessmentDraft {
        AbilityAssessmentDraft(
            assessedOn: day, reason: .yearly, assessors: assessors,
            answers: AbilityAnswers(scores: ElderlyAbilityScoringTests.best))
    }

    @Test(
        "refusals name the field",
        arguments: [
            (draft(on: today.adding(days: 1)), nil as CivilDate?, "assessedOn"),
            (draft(), today.adding(days: 1), "assessedOn"),
            (draft(assessors: ["张丽"]), nil, "assessors"),
            (draft(assessors: ["张丽", "张丽"]), nil, "assessors[1]"),
            (draft(assessors: ["张丽", " "]), nil, "assessors[1]"),
            (draft(assessors: ["张丽", "陈伟", "王芳"]), nil, "assessors"),
        ])
    func refusals(draft: AbilityAssessmentDraft, latest: CivilDate?, field: String) {
        do {
            _ = try draft.scored(today: Self.today, latest: latest)
            Issue.record("accepted")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func sameDayAsTheLatestIsAccepted() throws {
        #expect(try Self.draft().scored(today: Self.today, latest: Self.today).total == 90)
    }

    @Test(
        "the next assessment is due the parameter's months later",
        arguments: [
            ("2026-11-15", 12, "2027-11-15"), ("2024-02-29", 12, "2025-02-28"), ("2026-01-31", 1, "2026-02-28"),
            ("2026-03-31", 6, "2026-09-30"), ("2026-05-10", 24, "2028-05-10"),
        ])
    func dueOn(assessed: String, months: Int, due: String) {
        #expect(AbilityReassessment.dueOn(assessedOn: CivilDate(assessed)!, months: months).description == due)
    }

    @Test func horizonIsThirtyDays() {
        #expect(AbilityReassessment.horizon(today: Self.today).description == "2026-12-15")
    }

    @Test func recordJSONNamesFields() {
        let items = AbilityItem.allCases.map { "\"\($0.rawValue)\": \($0.maximum)" }.joined(separator: ", ")
        let good =
            #"{"assessedOn": "2026-11-01", "reason": "afterHospital", "assessors": ["a", "b"], "items": {"#
            + items + "}}"
        #expect((try? AbilityAssessmentDraft(jsonData: Data(good.utf8)))?.reason == .afterHospital)
        for (body, field) in [
            (good.replacingOccurrences(of: "afterHospital", with: "bored"), "reason"),
            (good.replacingOccurrences(of: "2026-11-01", with: "2026-02-30"), "assessedOn"),
            (good.replacingOccurrences(of: "\"stairs\": 3", with: "\"stairs\": \"3\""), "items.stairs"),
            (good.replacingOccurrences(of: "\"assessors\"", with: "\"assessor\""), "assessor"),
        ] {
            do {
                _ = try AbilityAssessmentDraft(jsonData: Data(body.utf8))
                Issue.record("accepted \(field)")
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test func answersRoundTrip() throws {
        let answers = AbilityAnswers(
            scores: ElderlyAbilityScoringTests.best, coma: true, diagnoses: ["F01"], riskEvents30Days: 3)
        #expect(try AbilityAnswers(jsonData: answers.jsonData()) == answers)
    }
}
