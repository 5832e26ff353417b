import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Grading applications (等级评定): apply, score, publicize, decide — Core decides the state
/// (`GradingWorkflow`) and the grade (`FacilityGrading`) with the parameters in force.
struct GradingService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let regions: RegionTable
    let clock: PlatformClock

    struct NewGrading: Content {
        var facilityId: UUID?
        var note: String?
    }

    struct ActionRequest: Content {
        var action: String?
        var version: Int?
        /// For `score`: the four sections' points.
        var scores: [String: Int]?
    }

    func grading(_ id: UUID, for user: CurrentUser) async throws -> GradingRecord {
        try user.require(.viewFacilities)
        guard let g = try await GradingStore(db: db).grading(id: id, within: user.scope) else {
            throw Refusal.notFound("等级评定")
        }
        return g
    }

    func apply(_ body: NewGrading, by user: CurrentUser) async throws -> GradingRecord {
        try user.require(.gradeFacilities)
        guard let facilityID = body.facilityId else { throw Refusal.invalid("facilityId", "缺少 facilityId（申请评定的机构）") }
        let facility = try await FacilityService(db: db, writer: writer, regions: regions, clock: clock).facility(
            facilityID, for: user)
        guard FacilityKind(rawValue: facility.kind)?.isGradable == true else {
            throw Refusal.invalid("facilityId", "\(facility.kindName)不参加养老机构等级评定")
        }
        guard try await !GradingStore(db: db).hasOpen(facility: facilityID) else {
            throw Refusal(.conflict, "该机构已有未办结的等级评定", field: "facilityId")
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.note, field: "note", label: "备注")
        }
        let id = UUID.random()
        let (today, now) = (clock.today, clock.now)
        try await writer.transaction { [writer] tx, audit in
            try await GradingStore(db: tx).insert(
                id: id, facility: facilityID, region: facility.region, appliedOn: today, note: note,
                by: writer.actor.name, at: now)
            try await audit.record(
                "facility.grade.apply", entity: "facility_grading", id: id.uuidString, region: facility.region,
                after: ["facility": facilityID.uuidString])
        }
        return try await grading(id, for: user)
    }

    func act(on id: UUID, _ body: ActionRequest, by user: CurrentUser) async throws -> GradingRecord {
        try user.require(.gradeFacilities)
        let g = try await grading(id, for: user)
        guard let action = body.action.flatMap(GradingAction.init) else {
            throw Refusal.invalid(
                "action", "action 应为 " + GradingAction.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let version = body.version else { throw Refusal.invalid("version", "缺少 version（记录版本）") }
        guard version == g.version else { throw Refusal.staleVersion(current: g.version) }
        let today = clock.today
        let now = clock.now
        let state = GradingState(rawValue: g.state) ?? .applied
        _ = try GradingWorkflow.transition(
            from: state, action, today: today, publicityUntil: g.publicityUntil.flatMap(CivilDate.init))
        let p = try await FacilityService.parameters(db: db, region: g.region, on: today)
        let facility = try await FacilityService(db: db, writer: writer, regions: regions, clock: clock).facility(
            g.facilityId, for: user)
        let saved: Bool
        switch action {
        case .score:
            var typed: [FacilitySection: Int] = [:]
            for (key, value) in body.scores ?? [:] {
                guard let section = FacilitySection(rawValue: key) else {
                    throw Refusal.invalid("scores.\(key)", "未知评分部分：\(key)")
                }
                typed[section] = value
            }
            let scores = try RegistryInput.check { () throws(FieldProblem) in
                try FacilityGrading.validate(typed, parameters: p)
            }
            let outcome = FacilityGrading.decide(
                scores: scores, prerequisites: facility.prerequisites, on: today, parameters: p)
            saved = try await writer.transaction { tx, audit in
                guard
                    try await GradingStore(db: tx).saveScores(
                        id: id, version: version, scores: scores, outcome: outcome, at: now)
                else { return false }
                try await audit.record(
                    "facility.grade.score", entity: "facility_grading", id: id.uuidString, region: g.region,
                    after: ["total": String(outcome.total), "scoredGrade": outcome.scoredGrade.map(String.init) ?? "-"])
                return true
            }
        case .publicize:
            let until = today.adding(days: p.publicityDays - 1)
            saved = try await writer.transaction { tx, audit in
                guard
                    try await GradingStore(db: tx).savePublicity(
                        id: id, version: version, from: today, until: until, at: now)
                else { return false }
                try await audit.record(
                    "facility.grade.publicize", entity: "facility_grading", id: id.uuidString, region: g.region,
                    after: ["from": today.description, "until": until.description])
                return true
            }
        case .decide:
            // Decided on today's facts: the scores stand, the prerequisites are checked again.
            let outcome = FacilityGrading.decide(
                scores: g.sectionScores, prerequisites: facility.prerequisites, on: today, parameters: p)
            let validity = outcome.grade.map { _ in FacilityGrading.validity(certifiedOn: today, parameters: p) }
            let regions = regions
            saved = try await writer.transaction { tx, audit in
                guard
                    try await GradingStore(db: tx).saveDecision(
                        id: id, version: version, grade: outcome.grade, validity: validity,
                        shortfalls: outcome.shortfalls, at: now)
                else { return false }
                if let grade = outcome.grade, let validity {
                    try await FacilityStore(db: tx, regions: regions).setGrade(
                        id: g.facilityId, grade: grade, validity: validity, at: now)
                }
                try await audit.record(
                    "facility.grade.decide", entity: "facility_grading", id: id.uuidString, region: g.region,
                    after: [
                        "facility": g.facilityId.uuidString, "grade": outcome.grade.map(String.init) ?? "none",
                        "expiresOn": validity?.expiresOn.description ?? "-",
                    ])
                return true
            }
        }
        guard saved else { throw Refusal.staleVersion(current: try await grading(id, for: user).version) }
        return try await grading(id, for: user)
    }

    /// Valid grades of the user's region expiring within the first reminder's months, with
    /// the reminder due (1: six months, 2: one month).
    func expiring(for user: CurrentUser) async throws -> [(FacilityRecord, Int)] {
        try user.require(.viewFacilities)
        let today = clock.today
        let p = try await FacilityService.parameters(db: db, region: user.region.value, on: today)
        let until = today.adding(months: p.firstReminderMonths).adding(days: 1)
        return try await FacilityStore(db: db, regions: regions).expiring(within: user.scope, before: until).map {
            (
                $0,
                FacilityGrading.reminder(
                    expiresOn: CivilDate($0.gradeExpiresOn ?? "") ?? today, today: today, parameters: p)
            )
        }
    }
}

extension Request {
    var gradings: GradingService {
        GradingService(db: sql, writer: writer, regions: platform.regions, clock: platform.clock)
    }
}
