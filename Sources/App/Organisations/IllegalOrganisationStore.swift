import Foundation
import MinzhengCore
import SQLKit

/// The SQL of reports of illegal social organisations: `illegal_org_reports` and their timeline
/// `illegal_org_entries`.
struct IllegalOrganisationStore {
    let db: SQLDatabase

    /// A report as stored; the reporter is still sealed.
    struct Row: Sendable {
        var id: UUID
        var number: String
        var source: IllegalReportSource
        var reporterUserID: UUID?
        var reporterCipher: String
        var reporterMasked: String
        var organisationName: String
        var region: String
        var location: String
        var activities: String
        var evidence: String?
        var state: IllegalReportState
        var assigneeID: UUID?
        var assigneeName: String?
        var outcome: IllegalReportOutcome?
        var reportedOn: String
        var closedOn: String?
        var version: Int
    }

    struct Entry: Sendable {
        let kind: String
        let onDay: String
        let text: String
        let byName: String
    }

    func insert(_ r: Row, by name: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO illegal_org_reports (id, number, source, reporter_user_id, reporter_cipher, reporter_masked,
              organisation_name, region, location, activities, evidence, state, assignee_id, assignee_name, outcome,
              reported_on, closed_on, version, created_by, created_at, updated_at)
            VALUES (\(bind: r.id), \(bind: r.number), \(bind: r.source.rawValue), \(bind: r.reporterUserID),
              \(bind: r.reporterCipher), \(bind: r.reporterMasked), \(bind: r.organisationName), \(bind: r.region),
              \(bind: r.location), \(bind: r.activities), \(bind: r.evidence), \(bind: r.state.rawValue),
              \(bind: r.assigneeID), \(bind: r.assigneeName), \(bind: r.outcome?.rawValue), \(bind: r.reportedOn),
              \(bind: r.closedOn), \(bind: r.version), \(bind: name), \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// Saves the report's state, assignee and outcome when its version is still `version`
    /// (false when it moved: a stale write).
    func update(_ r: Row, from version: Int, at now: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE illegal_org_reports SET state = \(bind: r.state.rawValue), assignee_id = \(bind: r.assigneeID),
              assignee_name = \(bind: r.assigneeName), outcome = \(bind: r.outcome?.rawValue),
              closed_on = \(bind: r.closedOn), version = \(bind: version + 1), updated_at = \(bind: now)
            WHERE id = \(bind: r.id) AND version = \(bind: version)
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    func addEntry(
        report: UUID, kind: String, on day: String, text: String, by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO illegal_org_entries (id, report_id, kind, on_day, text, by_name, created_at)
            VALUES (\(bind: UUID()), \(bind: report), \(bind: kind), \(bind: day), \(bind: text), \(bind: name),
              \(bind: now))
            """
        ).run()
    }

    func entries(_ report: UUID) async throws -> [Entry] {
        try await db.raw(
            """
            SELECT kind, on_day, text, by_name FROM illegal_org_entries WHERE report_id = \(bind: report)
            ORDER BY on_day,
              CASE kind WHEN 'received' THEN 0 WHEN 'assigned' THEN 1 WHEN 'note' THEN 2 ELSE 3 END, created_at, id
            """
        ).all().map { r in
            Entry(
                kind: try r.decode(column: "kind", as: String.self),
                onDay: try r.decode(column: "on_day", as: String.self),
                text: try r.decode(column: "text", as: String.self),
                byName: try r.decode(column: "by_name", as: String.self))
        }
    }

    func find(_ id: UUID) async throws -> Row? {
        try await db.raw("SELECT * FROM illegal_org_reports WHERE id = \(bind: id)").first().map(Self.row)
    }

    /// Who sees which reports: the clerk's region, or the reporter's own.
    enum Viewer {
        case region(RegionScope)
        case reporter(UUID)
    }

    struct ListQuery: Sendable {
        var state: IllegalReportState?
        var outcome: IllegalReportOutcome?
        var year: Int?
        var region: RegionScope?
    }

    func list(_ viewer: Viewer, _ q: ListQuery, page: PageRequest) async throws -> (rows: [Row], total: Int) {
        var conditions: [SQLQueryString] = []
        switch viewer {
        case .region(let scope): conditions.append(scope.condition("region"))
        case .reporter(let user): conditions.append("reporter_user_id = \(bind: user)")
        }
        if let region = q.region { conditions.append(region.condition("region")) }
        if let state = q.state { conditions.append("state = \(bind: state.rawValue)") }
        if let outcome = q.outcome { conditions.append("outcome = \(bind: outcome.rawValue)") }
        if let year = q.year {
            conditions.append("reported_on >= \(bind: "\(year)-01-01") AND reported_on <= \(bind: "\(year)-12-31")")
        }
        let filter = conditions.joined(separator: " AND ")
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM illegal_org_reports WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT * FROM illegal_org_reports WHERE \(filter)
            ORDER BY CASE state WHEN 'received' THEN 0 WHEN 'investigating' THEN 1 ELSE 2 END, reported_on DESC, number DESC
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return (try rows.map(Self.row), total)
    }

    /// Every report of the scope: its received day and, when closed, its closing day and outcome.
    func tallies(
        within scope: RegionScope
    ) async throws -> [(receivedYear: Int, closed: (year: Int, outcome: IllegalReportOutcome)?)] {
        try await db.raw(
            "SELECT reported_on, closed_on, outcome FROM illegal_org_reports WHERE \(scope.condition("region"))"
        ).all().map { r -> (receivedYear: Int, closed: (year: Int, outcome: IllegalReportOutcome)?) in
            let reported = try r.decode(column: "reported_on", as: String.self)
            let closedOn = try r.decode(column: "closed_on", as: String?.self)
            let outcome = try r.decode(column: "outcome", as: String?.self).flatMap(
                IllegalReportOutcome.init(rawValue:))
            var closed: (year: Int, outcome: IllegalReportOutcome)?
            if let closedOn, let outcome, let year = Int(closedOn.prefix(4)) { closed = (year, outcome) }
            return (receivedYear: Int(reported.prefix(4)) ?? 0, closed: closed)
        }
    }

    static func row(_ r: SQLRow) throws -> Row {
        Row(
            id: try r.decode(column: "id", as: UUID.self), number: try r.decode(column: "number", as: String.self),
            source: IllegalReportSource(rawValue: try r.decode(column: "source", as: String.self)) ?? .phone,
            reporterUserID: try r.decode(column: "reporter_user_id", as: UUID?.self),
            reporterCipher: try r.decode(column: "reporter_cipher", as: String.self),
            reporterMasked: try r.decode(column: "reporter_masked", as: String.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            location: try r.decode(column: "location", as: String.self),
            activities: try r.decode(column: "activities", as: String.self),
            evidence: try r.decode(column: "evidence", as: String?.self),
            state: IllegalReportState(rawValue: try r.decode(column: "state", as: String.self)) ?? .received,
            assigneeID: try r.decode(column: "assignee_id", as: UUID?.self),
            assigneeName: try r.decode(column: "assignee_name", as: String?.self),
            outcome: try r.decode(column: "outcome", as: String?.self).flatMap(IllegalReportOutcome.init(rawValue:)),
            reportedOn: try r.decode(column: "reported_on", as: String.self),
            closedOn: try r.decode(column: "closed_on", as: String?.self),
            version: try r.decode(column: "version", as: Int.self))
    }
}
