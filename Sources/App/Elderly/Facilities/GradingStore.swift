import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One grading application as the API answers it and its page shows it.
struct GradingRecord: Content, Sendable {
    let id: UUID
    let facilityId: UUID
    let facilityName: String
    let region: String
    let state: String
    let stateName: String
    let appliedOn: String
    let scores: [String: Int]?
    let total: Int?
    let scoredGrade: Int?
    let shortfalls: [String]
    let publicityFrom: String?
    let publicityUntil: String?
    let grade: Int?
    let certifiedOn: String?
    let expiresOn: String?
    let note: String?
    let createdBy: String
    let version: Int

    static let select = """
        SELECT g.*, f.name AS facility_name FROM facility_gradings g JOIN facilities f ON f.id = g.facility_id
        """

    init(row r: SQLRow) throws {
        id = try r.decode(column: "id", as: UUID.self)
        facilityId = try r.decode(column: "facility_id", as: UUID.self)
        facilityName = try r.decode(column: "facility_name", as: String.self)
        region = try r.decode(column: "region", as: String.self)
        state = try r.decode(column: "state", as: String.self)
        stateName = GradingState(rawValue: state)?.chinese ?? state
        appliedOn = try r.decode(column: "applied_on", as: String.self)
        var scores: [String: Int] = [:]
        for section in FacilitySection.allCases {
            if let v = try r.decode(column: "score_\(section.rawValue)", as: Int?.self) { scores[section.rawValue] = v }
        }
        self.scores = scores.isEmpty ? nil : scores
        total = try r.decode(column: "total", as: Int?.self)
        scoredGrade = try r.decode(column: "scored_grade", as: Int?.self)
        shortfalls =
            (try r.decode(column: "shortfalls", as: String?.self) ?? "").split(separator: ",").map(String.init)
        publicityFrom = try r.decode(column: "publicity_from", as: String?.self)
        publicityUntil = try r.decode(column: "publicity_until", as: String?.self)
        grade = try r.decode(column: "grade", as: Int?.self)
        certifiedOn = try r.decode(column: "certified_on", as: String?.self)
        expiresOn = try r.decode(column: "expires_on", as: String?.self)
        note = try r.decode(column: "note", as: String?.self)
        createdBy = try r.decode(column: "created_by", as: String.self)
        version = try r.decode(column: "version", as: Int.self)
    }

    var sectionScores: [FacilitySection: Int] {
        var s: [FacilitySection: Int] = [:]
        for section in FacilitySection.allCases { s[section] = scores?[section.rawValue] }
        return s
    }
}

/// The only code that names `facility_gradings`.
struct GradingStore {
    let db: SQLDatabase

    func grading(id: UUID, within scope: RegionScope) async throws -> GradingRecord? {
        try await db.raw(
            "\(unsafeRaw: GradingRecord.select) WHERE g.id = \(bind: id) AND \(scope.condition("g.region"))"
        ).first().map { try GradingRecord(row: $0) }
    }

    func gradings(facility: UUID) async throws -> [GradingRecord] {
        try await db.raw(
            "\(unsafeRaw: GradingRecord.select) WHERE g.facility_id = \(bind: facility) ORDER BY g.applied_on DESC, g.id"
        ).all().map { try GradingRecord(row: $0) }
    }

    /// Applications not yet decided, oldest first.
    func open(within scope: RegionScope) async throws -> [GradingRecord] {
        try await db.raw(
            """
            \(unsafeRaw: GradingRecord.select) WHERE \(scope.condition("g.region")) AND g.state <> 'decided'
            ORDER BY g.applied_on, g.id
            """
        ).all().map { try GradingRecord(row: $0) }
    }

    func hasOpen(facility: UUID) async throws -> Bool {
        try await db.raw(
            "SELECT id FROM facility_gradings WHERE facility_id = \(bind: facility) AND state <> 'decided'"
        ).first() != nil
    }

    func insert(
        id: UUID, facility: UUID, region: String, appliedOn: CivilDate, note: String?, by: String, at now: Date
    )
        async throws
    {
        try await db.raw(
            """
            INSERT INTO facility_gradings (id, facility_id, region, state, applied_on, note, created_by, version, created_at, updated_at)
            VALUES (\(bind: id), \(bind: facility), \(bind: region), 'applied', \(bind: appliedOn.description), \(bind: note),
            \(bind: by), 1, \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// The score sheet and what it reaches; false when the version moved.
    func saveScores(
        id: UUID, version: Int, scores: [FacilitySection: Int], outcome: GradingOutcome, at now: Date
    ) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE facility_gradings SET state = 'scored', score_environment = \(bind: scores[.environment]),
            score_equipment = \(bind: scores[.equipment]), score_management = \(bind: scores[.management]),
            score_services = \(bind: scores[.services]), total = \(bind: outcome.total),
            scored_grade = \(bind: outcome.scoredGrade),
            shortfalls = \(bind: outcome.shortfalls.map(\.rawValue).joined(separator: ",")),
            version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty)
    }

    func savePublicity(id: UUID, version: Int, from: CivilDate, until: CivilDate, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE facility_gradings SET state = 'publicized', publicity_from = \(bind: from.description),
            publicity_until = \(bind: until.description), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty)
    }

    func saveDecision(
        id: UUID, version: Int, grade: Int?, validity: GradeValidity?, shortfalls: [GradingShortfall], at now: Date
    ) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE facility_gradings SET state = 'decided', grade = \(bind: grade),
            certified_on = \(bind: validity?.certifiedOn.description), expires_on = \(bind: validity?.expiresOn.description),
            shortfalls = \(bind: shortfalls.map(\.rawValue).joined(separator: ",")),
            version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty)
    }
}
