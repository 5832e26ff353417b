import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Recording ability assessments for registry persons and reading them: decides with Core
/// (`AbilityAssessmentDraft.scored`, `AbilityReassessment`), writes through the stores in
/// one audited transaction — the assessment, the person's self-care (`person.update`) and
/// the benefits that follow it. Shared by the API and the pages (`Request.abilityAssessments`).
struct AbilityAssessmentService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock

    private var registry: RegistryStore { RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock) }

    /// The person within the user's region, or 404.
    func person(_ id: UUID, for user: CurrentUser) async throws -> PersonDetail {
        try user.require(.viewRegistry)
        guard let person = try await registry.person(id: id, within: user.scope) else { throw Refusal.notFound("人员") }
        return person
    }

    /// Records an assessment by `user` (permission `assessAbility`) and sets the person's
    /// self-care from its final level.
    func record(_ draft: AbilityAssessmentDraft, person personID: UUID, by user: CurrentUser) async throws -> UUID {
        try user.require(.assessAbility)
        let person = try await person(personID, for: user)
        guard person.deceasedOn == nil else { throw Refusal(.conflict, "该人员已故，不能评估") }
        let today = clock.today
        let history = try await PolicyStore(db: db).history()
        let parameters: PolicyParameters
        do {
            parameters = try history.parameters(for: person.region, month: draft.assessedOn.yearMonth)
        } catch {
            throw Refusal(.failed, "复评间隔参数未设置：\(error)")
        }
        let (cipher, regions, clock) = (cipher, regions, clock)
        let recordedBy = user.displayName
        let scope = user.scope
        let region = person.region
        return try await writer.transaction { tx, audit in
            let store = AbilityAssessmentStore(db: tx, cipher: cipher)
            let result = try draft.scored(today: today, latest: try await store.latestDate(person: personID))
            let due = AbilityReassessment.dueOn(
                assessedOn: draft.assessedOn, months: parameters.abilityReassessmentMonths)
            let id = try await store.insert(
                person: personID, region: region, draft: draft, result: result, nextDueOn: due,
                recordedBy: recordedBy, at: clock.now)
            try await audit.record(
                "ability.assessment.record", entity: "ability_assessment", id: id.uuidString, region: region,
                after: [
                    "person": personID.uuidString, "assessedOn": draft.assessedOn.description,
                    "reason": draft.reason.rawValue, "assessors": draft.assessors.joined(separator: "、"),
                    "total": String(result.total), "preliminaryLevel": String(result.preliminaryLevel.rawValue),
                    "finalLevel": String(result.finalLevel.rawValue),
                    "changes": result.changes.map(\.rawValue).joined(separator: ","), "nextDueOn": due.description,
                ])
            try await RegistryStore(db: tx, cipher: cipher, regions: regions, clock: clock, audit: audit).setSelfCare(
                personID: personID, within: scope, to: result.finalLevel.selfCare(parameters))
            return id
        }
    }

    /// The person's assessments, newest first, with their answers.
    func assessments(of personID: UUID, for user: CurrentUser) async throws -> [AbilityAssessmentRecord] {
        _ = try await person(personID, for: user)
        return try await AbilityAssessmentStore(db: db, cipher: cipher).assessments(person: personID, withAnswers: true)
    }

    /// One assessment within the user's region, or 404.
    func assessment(_ id: UUID, for user: CurrentUser) async throws -> AbilityAssessmentRecord {
        try user.require(.viewRegistry)
        guard
            let record = try await AbilityAssessmentStore(db: db, cipher: cipher).assessment(id: id, within: user.scope)
        else { throw Refusal.notFound("能力评估") }
        return record
    }

    /// Persons of the user's region due for reassessment within `AbilityReassessment.horizonDays`, or overdue.
    func due(for user: CurrentUser) async throws -> [AbilityDueRow] {
        try user.require(.assessAbility)
        let today = clock.today
        return try await AbilityAssessmentStore(db: db, cipher: cipher).due(
            within: user.scope, by: AbilityReassessment.horizon(today: today), today: today)
    }
}

extension Request {
    var abilityAssessments: AbilityAssessmentService {
        AbilityAssessmentService(
            db: sql, writer: writer, cipher: platform.cipher, regions: platform.regions, clock: platform.clock)
    }
}
