import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo city's ability assessments: older residents assessed over the last 13 months
/// (so that some are due for reassessment or overdue), each scored to the level their
/// registry self-care already says, so that seeding changes no benefit.
struct DemoAbilityAssessments {
    let db: SQLDatabase
    let writer: AuditedWriter
    let cipher: FieldCipher
    let clock: PlatformClock
    var limit = 120

    static let assessors = [("张丽", "陈伟"), ("王芳", "刘洋"), ("李娜", "赵磊"), ("孙静", "周涛")]

    /// How many were recorded (none when the demo already has some).
    @discardableResult
    func seed(today: CivilDate) async throws -> Int {
        let existing =
            try await db.raw("SELECT COUNT(*) AS n FROM ability_assessments").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return 0 }
        let born = CivilDate(year: today.year - 60, month: today.month, day: min(today.day, 28))!
        let persons = try await db.raw(
            """
            SELECT id, region, self_care FROM persons
            WHERE deceased_on IS NULL AND birth_date <= \(bind: born.description)
            ORDER BY id LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self),
                SelfCare(rawValue: try $0.decode(column: "self_care", as: String.self)) ?? .full
            )
        }
        guard !persons.isEmpty else { return 0 }
        let history = try await PolicyStore(db: db).history()
        let (cipher, now) = (cipher, clock.now)
        return try await writer.transaction { tx, audit in
            let store = AbilityAssessmentStore(db: tx, cipher: cipher)
            for (i, (person, region, selfCare)) in persons.enumerated() {
                // Every 7th day back over 13 months: about one in six is due within 30 days or overdue.
                let assessedOn = today.adding(days: -((i * 7) % 400))
                let parameters = try history.parameters(for: region, month: assessedOn.yearMonth)
                var answers = AbilityAnswers(
                    scores: Self.scores(total: Self.total(for: selfCare, index: i)),
                    diagnoses: i % 11 == 0 ? ["F01"] : [])
                var result = try AbilityScoring.score(answers)
                if result.finalLevel.selfCare(parameters) != selfCare {
                    // A diagnosis that would move the level past the registry's: leave it out.
                    answers.diagnoses = []
                    result = try AbilityScoring.score(answers)
                }
                let (a1, a2) = Self.assessors[i % Self.assessors.count]
                _ = try await store.insert(
                    person: person, region: region,
                    draft: AbilityAssessmentDraft(
                        assessedOn: assessedOn, reason: i % 5 == 0 ? .initial : .yearly, assessors: [a1, a2],
                        answers: answers),
                    result: result,
                    nextDueOn: AbilityReassessment.dueOn(
                        assessedOn: assessedOn, months: parameters.abilityReassessmentMonths),
                    recordedBy: "演示", at: now)
            }
            try await audit.record(
                "demo.caseload", entity: "ability_assessment", id: nil, region: RegionTable.changzhou.value,
                after: ["abilityAssessments": String(persons.count)])
            return persons.count
        }
    }

    /// A total whose level gives this self-care: full 66–90, partial 46–65, none 5–45.
    static func total(for selfCare: SelfCare, index i: Int) -> Int {
        switch selfCare {
        case .full: return i % 4 == 0 ? 90 : 66 + (i * 7) % 24
        case .partial: return 46 + (i * 5) % 20
        case .none: return 5 + (i * 3) % 41
        }
    }

    /// Scores that add up to `total`, the points taken off the items from the last one back
    /// (意识水平 stays awake, so no demo person is in a coma).
    static func scores(total: Int) -> [AbilityItem: Int] {
        var scores = Dictionary(uniqueKeysWithValues: AbilityItem.allCases.map { ($0, $0.maximum) })
        var off = 90 - total
        for item in AbilityItem.allCases.reversed() where item != .consciousness && off > 0 {
            let take = min(off, item.maximum)
            scores[item] = item.maximum - take
            off -= take
        }
        return scores
    }
}

extension Application {
    var demoAbilityAssessments: DemoAbilityAssessments {
        DemoAbilityAssessments(
            db: sql, writer: writer(actor: .system("demo")), cipher: platform.cipher, clock: platform.clock)
    }
}
