import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One recorded ability assessment, as the API answers it.
struct AbilityAssessmentRecord: Content, Sendable {
    let id: UUID
    let personId: UUID
    let assessedOn: String
    let reason: String
    let reasonName: String
    let assessors: [String]
    let indicators: [String: Int]
    let total: Int
    let preliminaryLevel: Int
    let finalLevel: Int
    let finalLevelName: String
    let changes: [String]
    let nextDueOn: String
    let recordedBy: String
    let recordedAt: Date
    /// The scores and facts as recorded (the request's form); present on a person's list.
    let answers: AnswersJSON?

    struct AnswersJSON: Content, Sendable {
        let items: [String: Int]
        let coma: Bool
        let diagnoses: [String]
        let riskEvents30Days: Int
    }
}

/// A person on the due list: the latest assessment and when the next one is due.
struct AbilityDueRow: Content, Sendable {
    let personId: UUID
    let name: String
    let idNumberMasked: String
    let region: String
    let lastAssessmentId: UUID
    let lastAssessedOn: String
    let finalLevel: Int
    let nextDueOn: String
    let overdue: Bool
}

/// The SQL of `ability_assessments`.
struct AbilityAssessmentStore {
    let db: SQLDatabase
    let cipher: FieldCipher

    private static let columns = [
        "id", "person_id", "region", "assessed_on", "reason", "assessor1", "assessor2", "answers_cipher",
        "self_care_score", "basic_motor_score", "mental_state_score", "perception_social_score", "total",
        "preliminary_level", "final_level", "changes", "next_due_on", "recorded_by", "created_at",
    ]

    func insert(
        id: UUID = UUID(), person: UUID, region: String, draft: AbilityAssessmentDraft, result: AbilityResult,
        nextDueOn: CivilDate, recordedBy: String, at now: Date
    ) async throws -> UUID {
        let answers = String(decoding: try draft.answers.jsonData(), as: UTF8.self)
        let score = { (i: AbilityIndicator) in result.indicators[i] ?? 0 }
        let values: [any Encodable & Sendable] = [
            id, person, region, draft.assessedOn.description, draft.reason.rawValue, draft.assessors[0],
            draft.assessors[1], cipher.encrypt(answers), score(.selfCare), score(.basicMotor), score(.mentalState),
            score(.perceptionSocial), result.total, result.preliminaryLevel.rawValue, result.finalLevel.rawValue,
            result.changes.map(\.rawValue).joined(separator: ","), nextDueOn.description, recordedBy, now,
        ]
        try await db.insert(into: "ability_assessments").columns(Self.columns).values(values.map { SQLBind($0) })
            .run()
        return id
    }

    /// The date of the person's latest assessment, if any.
    func latestDate(person: UUID) async throws -> CivilDate? {
        try await db.raw(
            "SELECT MAX(assessed_on) AS d FROM ability_assessments WHERE person_id = \(bind: person)"
        ).first()?.decode(column: "d", as: String?.self).flatMap(CivilDate.init)
    }

    /// The person's assessments, newest first (the caller checked the person is within reach).
    func assessments(person: UUID, withAnswers: Bool) async throws -> [AbilityAssessmentRecord] {
        try await db.raw(
            """
            SELECT * FROM ability_assessments WHERE person_id = \(bind: person)
            ORDER BY assessed_on DESC, created_at DESC
            """
        ).all().map { try record($0, withAnswers: withAnswers) }
    }

    /// One assessment of a person within the scope; nil otherwise.
    func assessment(id: UUID, within scope: RegionScope) async throws -> AbilityAssessmentRecord? {
        try await db.raw(
            """
            SELECT a.* FROM ability_assessments a JOIN persons p ON p.id = a.person_id
            WHERE a.id = \(bind: id) AND \(scope.condition("p.region"))
            """
        ).first().map { try record($0, withAnswers: true) }
    }

    /// Living persons of the scope whose latest assessment's next one is due by `horizon`
    /// (overdue ones first), at most `limit`.
    func due(
        within scope: RegionScope, by horizon: CivilDate, today: CivilDate, limit: Int = 500
    ) async throws
        -> [AbilityDueRow]
    {
        try await db.raw(
            """
            SELECT a.id, a.person_id, a.assessed_on, a.final_level, a.next_due_on, p.name, p.id_masked, p.region
            FROM ability_assessments a JOIN persons p ON p.id = a.person_id
            WHERE \(scope.condition("p.region")) AND p.deceased_on IS NULL AND a.next_due_on <= \(bind: horizon.description)
              AND NOT EXISTS (
                SELECT 1 FROM ability_assessments b WHERE b.person_id = a.person_id
                  AND (b.assessed_on > a.assessed_on OR (b.assessed_on = a.assessed_on AND b.created_at > a.created_at)))
            ORDER BY a.next_due_on, p.name, p.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map { r in
            let due = try r.decode(column: "next_due_on", as: String.self)
            return AbilityDueRow(
                personId: try r.decode(column: "person_id", as: UUID.self),
                name: try r.decode(column: "name", as: String.self),
                idNumberMasked: try r.decode(column: "id_masked", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                lastAssessmentId: try r.decode(column: "id", as: UUID.self),
                lastAssessedOn: try r.decode(column: "assessed_on", as: String.self),
                finalLevel: try r.decode(column: "final_level", as: Int.self),
                nextDueOn: due, overdue: due < today.description)
        }
    }

    private func record(_ r: SQLRow, withAnswers: Bool) throws -> AbilityAssessmentRecord {
        let reason = try r.decode(column: "reason", as: String.self)
        let final = try r.decode(column: "final_level", as: Int.self)
        let changes = try r.decode(column: "changes", as: String.self)
        var answers: AbilityAssessmentRecord.AnswersJSON?
        if withAnswers {
            let json = try cipher.decrypt(try r.decode(column: "answers_cipher", as: String.self))
            answers = try JSONDecoder().decode(AbilityAssessmentRecord.AnswersJSON.self, from: Data(json.utf8))
        }
        return AbilityAssessmentRecord(
            id: try r.decode(column: "id", as: UUID.self),
            personId: try r.decode(column: "person_id", as: UUID.self),
            assessedOn: try r.decode(column: "assessed_on", as: String.self),
            reason: reason, reasonName: AbilityAssessmentReason(rawValue: reason)?.chinese ?? reason,
            assessors: [
                try r.decode(column: "assessor1", as: String.self), try r.decode(column: "assessor2", as: String.self),
            ],
            indicators: [
                AbilityIndicator.selfCare.rawValue: try r.decode(column: "self_care_score", as: Int.self),
                AbilityIndicator.basicMotor.rawValue: try r.decode(column: "basic_motor_score", as: Int.self),
                AbilityIndicator.mentalState.rawValue: try r.decode(column: "mental_state_score", as: Int.self),
                AbilityIndicator.perceptionSocial.rawValue: try r.decode(
                    column: "perception_social_score", as: Int.self),
            ],
            total: try r.decode(column: "total", as: Int.self),
            preliminaryLevel: try r.decode(column: "preliminary_level", as: Int.self),
            finalLevel: final, finalLevelName: AbilityLevel(rawValue: final)?.chinese ?? String(final),
            changes: changes.isEmpty ? [] : changes.split(separator: ",").map(String.init),
            nextDueOn: try r.decode(column: "next_due_on", as: String.self),
            recordedBy: try r.decode(column: "recorded_by", as: String.self),
            recordedAt: try r.decode(column: "created_at", as: Date.self),
            answers: answers)
    }
}
