import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Where a rating application stands: the reviewers score it, the proposed grade is published,
/// then decided (the grade, or none, written on the organisation).
enum RatingStatus: String, Codable, Sendable, CaseIterable {
    case scoring, publicity, decided

    var chinese: String {
        switch self {
        case .scoring: return "专家评分中"
        case .publicity: return "公示中"
        case .decided: return "已评定"
        }
    }
}

/// A reviewer of the pool: a staff account (scores on the page) or an outside expert (the
/// clerk enters the expert's sheet).
struct RatingReviewerRecord: Content, Sendable {
    let id: UUID
    let userId: UUID?
    let name: String
    let affiliation: String
}

/// A reviewer's declared relationship with an organisation.
struct RatingDeclarationRecord: Content, Sendable {
    let reviewerId: UUID
    let organisationId: UUID
    let organisationName: String
    let relation: String
    let relationName: String
    let endedOn: String?
    let note: String?
}

/// A reviewer on an application and the sheet scored (nil until scored).
struct RatingAssignmentRecord: Content, Sendable {
    let reviewerId: UUID
    let reviewerName: String
    let affiliation: String
    let userId: UUID?
    let basic: Int?
    let governance: Int?
    let performance: Int?
    let social: Int?
    let total: Int?
    let scoredOn: String?
    let scoredBy: String?
}

/// One rating application with its organisation, total and grade.
struct RatingApplicationRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let organisationId: UUID
    let organisationName: String
    let creditCode: String
    let region: String
    let status: String
    let statusName: String
    let appliedOn: String
    let appliedBy: String
    let totalTenths: Int?
    let total: String?
    let grade: Int?
    let gradeName: String?
    let publicityFrom: String?
    let publicityUntil: String?
    let decidedOn: String?
    let expiresOn: String?
}

/// The grade an organisation holds, and whether it is still current on the day it is read.
struct OrganisationGrade: Content, Sendable {
    let grade: Int
    let gradeName: String
    let ratedOn: String
    let expiresOn: String
    let current: Bool
}

/// The SQL of the rating: reviewers and declarations, penalties, applications, assignments and
/// sheets, and the grade on the organisation.
struct RatingStore {
    let db: SQLDatabase

    // MARK: reviewers and declarations

    func insertReviewer(_ r: RatingReviewerRecord, by name: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO rating_reviewers (id, user_id, name, affiliation, recorded_by, created_at)
            VALUES (\(bind: r.id), \(bind: r.userId), \(bind: r.name), \(bind: r.affiliation), \(bind: name), \(bind: now))
            """
        ).run()
    }

    func reviewers() async throws -> [RatingReviewerRecord] {
        try await db.raw("SELECT * FROM rating_reviewers ORDER BY name, id").all().map(Self.reviewer)
    }

    func reviewer(_ id: UUID) async throws -> RatingReviewerRecord? {
        try await db.raw("SELECT * FROM rating_reviewers WHERE id = \(bind: id)").first().map(Self.reviewer)
    }

    func reviewer(ofUser user: UUID) async throws -> RatingReviewerRecord? {
        try await db.raw("SELECT * FROM rating_reviewers WHERE user_id = \(bind: user)").first().map(Self.reviewer)
    }

    static func reviewer(_ r: SQLRow) throws -> RatingReviewerRecord {
        RatingReviewerRecord(
            id: try r.decode(column: "id", as: UUID.self), userId: try r.decode(column: "user_id", as: UUID?.self),
            name: try r.decode(column: "name", as: String.self),
            affiliation: try r.decode(column: "affiliation", as: String.self))
    }

    func insertDeclaration(
        reviewer: UUID, organisation: UUID, relation: ConflictRelation, endedOn: CivilDate?, note: String?,
        by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO rating_declarations (id, reviewer_id, organisation_id, relation, ended_on, note, recorded_by,
              created_at)
            VALUES (\(bind: UUID()), \(bind: reviewer), \(bind: organisation), \(bind: relation.rawValue),
              \(bind: endedOn?.description), \(bind: note), \(bind: name), \(bind: now))
            """
        ).run()
    }

    /// The reviewer's declarations (of one organisation when given).
    func declarations(reviewer: UUID, organisation: UUID? = nil) async throws -> [RatingDeclarationRecord] {
        var filter: SQLQueryString = "d.reviewer_id = \(bind: reviewer)"
        if let organisation { filter = "\(filter) AND d.organisation_id = \(bind: organisation)" }
        return try await db.raw(
            """
            SELECT d.*, o.name AS organisation_name FROM rating_declarations d
            JOIN organisations o ON o.id = d.organisation_id WHERE \(filter) ORDER BY d.created_at
            """
        ).all().map { r in
            let relation = ConflictRelation(rawValue: try r.decode(column: "relation", as: String.self)) ?? .employed
            return RatingDeclarationRecord(
                reviewerId: try r.decode(column: "reviewer_id", as: UUID.self),
                organisationId: try r.decode(column: "organisation_id", as: UUID.self),
                organisationName: try r.decode(column: "organisation_name", as: String.self),
                relation: relation.rawValue, relationName: relation.chinese,
                endedOn: try r.decode(column: "ended_on", as: String?.self),
                note: try r.decode(column: "note", as: String?.self))
        }
    }

    // MARK: what decides whether an organisation may be rated

    func insertPenalty(
        _ organisation: UUID, on day: CivilDate, reason: String, by name: String, at now: Date
    )
        async throws
    {
        try await db.raw(
            """
            INSERT INTO organisation_penalties (id, organisation_id, decided_on, reason, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: organisation), \(bind: day.description), \(bind: reason), \(bind: name),
              \(bind: now))
            """
        ).run()
    }

    func standing(_ organisation: UUID, status: OrganisationStatus) async throws -> OrganisationRating.Standing {
        let penalties = try await db.raw(
            "SELECT decided_on FROM organisation_penalties WHERE organisation_id = \(bind: organisation)"
        ).all().compactMap { CivilDate(try $0.decode(column: "decided_on", as: String.self)) }
        var inspections: [Int: AnnualReportOutcome] = [:]
        for r in try await db.raw(
            """
            SELECT year, outcome FROM organisation_reports
            WHERE organisation_id = \(bind: organisation) AND outcome IS NOT NULL
            """
        ).all() {
            if let outcome = AnnualReportOutcome(rawValue: try r.decode(column: "outcome", as: String.self)) {
                inspections[try r.decode(column: "year", as: Int.self)] = outcome
            }
        }
        return OrganisationRating.Standing(status: status, penalisedOn: penalties, inspections: inspections)
    }

    // MARK: applications

    /// The application not decided yet, if any.
    func open(_ organisation: UUID) async throws -> UUID? {
        try await db.raw(
            """
            SELECT id FROM rating_applications WHERE organisation_id = \(bind: organisation)
              AND status <> \(bind: RatingStatus.decided.rawValue)
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    func insertApplication(
        id: UUID, organisation: UUID, region: String, on day: CivilDate, by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO rating_applications (id, organisation_id, region, status, applied_on, applied_by, version,
              created_at, updated_at)
            VALUES (\(bind: id), \(bind: organisation), \(bind: region), \(bind: RatingStatus.scoring.rawValue),
              \(bind: day.description), \(bind: name), 1, \(bind: now), \(bind: now))
            """
        ).run()
    }

    private static let select: SQLQueryString = """
        SELECT a.*, o.name AS organisation_name, o.credit_code FROM rating_applications a
        JOIN organisations o ON o.id = a.organisation_id
        """

    func application(_ id: UUID) async throws -> RatingApplicationRecord? {
        try await db.raw("\(Self.select) WHERE a.id = \(bind: id)").first().map(Self.application)
    }

    /// The applications within `scope` (of one status when given), newest first.
    func applications(
        within scope: RegionScope, status: RatingStatus?, page: PageRequest
    ) async throws -> Page<
        RatingApplicationRecord
    > {
        var filter: SQLQueryString = scope.condition("a.region")
        if let status { filter = "\(filter) AND a.status = \(bind: status.rawValue)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM rating_applications a WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(filter) ORDER BY a.applied_on DESC, o.name, a.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.application), total: total, page: page.page, perPage: page.perPage)
    }

    func applications(ofOrganisation organisation: UUID) async throws -> [RatingApplicationRecord] {
        try await db.raw(
            "\(Self.select) WHERE a.organisation_id = \(bind: organisation) ORDER BY a.applied_on DESC, a.id"
        ).all().map(Self.application)
    }

    /// The applications the reviewer is assigned to, those still scoring first.
    func applications(ofReviewer reviewer: UUID) async throws -> [RatingApplicationRecord] {
        try await db.raw(
            """
            \(Self.select) JOIN rating_assignments s ON s.application_id = a.id
            WHERE s.reviewer_id = \(bind: reviewer)
            ORDER BY CASE WHEN a.status = \(bind: RatingStatus.scoring.rawValue) THEN 0 ELSE 1 END, a.applied_on DESC, a.id
            """
        ).all().map(Self.application)
    }

    static func application(_ r: SQLRow) throws -> RatingApplicationRecord {
        let status = RatingStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .scoring
        let tenths = try r.decode(column: "total_tenths", as: Int?.self)
        let grade = try r.decode(column: "grade", as: Int?.self)
        return RatingApplicationRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            region: try r.decode(column: "region", as: String.self), status: status.rawValue,
            statusName: status.chinese, appliedOn: try r.decode(column: "applied_on", as: String.self),
            appliedBy: try r.decode(column: "applied_by", as: String.self), totalTenths: tenths,
            total: tenths.map(OrganisationRating.points), grade: grade,
            gradeName: tenths == nil ? nil : OrganisationRating.gradeName(grade),
            publicityFrom: try r.decode(column: "publicity_from", as: String?.self),
            publicityUntil: try r.decode(column: "publicity_until", as: String?.self),
            decidedOn: try r.decode(column: "decided_on", as: String?.self),
            expiresOn: try r.decode(column: "expires_on", as: String?.self))
    }

    // MARK: assignments and sheets

    /// Assigns the reviewer unless already on the application; whether it was new.
    func assign(_ application: UUID, reviewer: UUID, by name: String, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO rating_assignments (id, application_id, reviewer_id, assigned_by, created_at)
            VALUES (\(bind: UUID()), \(bind: application), \(bind: reviewer), \(bind: name), \(bind: now))
            ON CONFLICT (application_id, reviewer_id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func assignments(_ application: UUID) async throws -> [RatingAssignmentRecord] {
        try await db.raw(
            """
            SELECT s.*, r.name, r.affiliation, r.user_id FROM rating_assignments s
            JOIN rating_reviewers r ON r.id = s.reviewer_id WHERE s.application_id = \(bind: application)
            ORDER BY s.created_at, r.name, r.id
            """
        ).all().map { r in
            RatingAssignmentRecord(
                reviewerId: try r.decode(column: "reviewer_id", as: UUID.self),
                reviewerName: try r.decode(column: "name", as: String.self),
                affiliation: try r.decode(column: "affiliation", as: String.self),
                userId: try r.decode(column: "user_id", as: UUID?.self),
                basic: try r.decode(column: "basic", as: Int?.self),
                governance: try r.decode(column: "governance", as: Int?.self),
                performance: try r.decode(column: "performance", as: Int?.self),
                social: try r.decode(column: "social", as: Int?.self),
                total: try r.decode(column: "total", as: Int?.self),
                scoredOn: try r.decode(column: "scored_on", as: String?.self),
                scoredBy: try r.decode(column: "scored_by", as: String?.self))
        }
    }

    /// Records (or corrects) the reviewer's sheet while the application is still scoring.
    func score(
        _ application: UUID, reviewer: UUID, _ s: RatingSheet, on day: CivilDate, by name: String, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE rating_assignments SET basic = \(bind: s.basic), governance = \(bind: s.governance),
              performance = \(bind: s.performance), social = \(bind: s.social), total = \(bind: s.total),
              scored_on = \(bind: day.description), scored_by = \(bind: name)
            WHERE application_id = \(bind: application) AND reviewer_id = \(bind: reviewer)
              AND EXISTS (SELECT 1 FROM rating_applications a WHERE a.id = \(bind: application)
                AND a.status = \(bind: RatingStatus.scoring.rawValue))
            RETURNING id
            """
        ).first() != nil
    }

    /// Closes the scoring with the total and the proposed grade and opens the publicity.
    func publicise(
        _ id: UUID, version: Int, totalTenths: Int, grade: Int?, from: CivilDate, until: CivilDate, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE rating_applications SET status = \(bind: RatingStatus.publicity.rawValue),
              total_tenths = \(bind: totalTenths), grade = \(bind: grade), publicity_from = \(bind: from.description),
              publicity_until = \(bind: until.description), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = \(bind: RatingStatus.scoring.rawValue)
            RETURNING id
            """
        ).first() != nil
    }

    /// Decides the application and, with a grade, writes it and its expiry on the organisation.
    func decide(
        _ id: UUID, organisation: UUID, version: Int, grade: Int?, on day: CivilDate, expiresOn: CivilDate?,
        at now: Date
    ) async throws -> Bool {
        guard
            try await db.raw(
                """
                UPDATE rating_applications SET status = \(bind: RatingStatus.decided.rawValue),
                  decided_on = \(bind: day.description), expires_on = \(bind: expiresOn?.description),
                  version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND version = \(bind: version)
                  AND status = \(bind: RatingStatus.publicity.rawValue)
                RETURNING id
                """
            ).first() != nil
        else { return false }
        if let grade, let expiresOn {
            try await db.raw(
                """
                UPDATE organisations SET rating_grade = \(bind: grade), rated_on = \(bind: day.description),
                  rating_expires_on = \(bind: expiresOn.description), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: organisation)
                """
            ).run()
        }
        return true
    }

    /// The grade on the organisation, current or not on `today`.
    func grade(_ organisation: UUID, on today: CivilDate) async throws -> OrganisationGrade? {
        guard
            let r = try await db.raw(
                "SELECT rating_grade, rated_on, rating_expires_on FROM organisations WHERE id = \(bind: organisation)"
            ).first(),
            let grade = try r.decode(column: "rating_grade", as: Int?.self),
            let rated = try r.decode(column: "rated_on", as: String?.self),
            let expires = try r.decode(column: "rating_expires_on", as: String?.self),
            let expiresOn = CivilDate(expires)
        else { return nil }
        return OrganisationGrade(
            grade: grade, gradeName: OrganisationRating.gradeName(grade), ratedOn: rated, expiresOn: expires,
            current: OrganisationRating.isCurrent(expiresOn: expiresOn, on: today))
    }
}
