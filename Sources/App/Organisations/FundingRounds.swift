import Fluent
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 五社联动 project funding (公益创投, issue 17 item 5): `funding_rounds` (budget, per-project cap,
/// topics, the closing day), `funding_proposals` (an organisation's project: topic, amount asked,
/// its mean score and award), `funding_scores` (a reviewer of the rating's pool on a proposal and
/// the score) and `funding_milestones` (each milestone's report, its acceptance and the payment).
struct CreateFundingRounds: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("funding_rounds")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("budget_fen", .int64, .required)
            .field("cap_fen", .int64, .required)
            .field("topics", .string, .required)
            .field("closes_on", .string, .required)
            .field("status", .string, .required)
            .field("awarded_on", .string)
            .field("created_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("funding_proposals")
            .id()
            .field("round_id", .uuid, .required, .references("funding_rounds", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("region", .string, .required)
            .field("topic", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("requested_fen", .int64, .required)
            .field("submitted_on", .string, .required)
            .field("submitted_seq", .int64, .required)
            .field("status", .string, .required)
            .field("mean_tenths", .int)
            .field("award_fen", .int64)
            .field("created_at", .datetime, .required)
            .unique(on: "round_id", "organisation_id")
            .create()
        try await database.schema("funding_scores")
            .id()
            .field("proposal_id", .uuid, .required, .references("funding_proposals", "id"))
            .field("reviewer_id", .uuid, .required, .references("rating_reviewers", "id"))
            .field("score", .int)
            .field("scored_by", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        try await database.schema("funding_milestones")
            .id()
            .field("proposal_id", .uuid, .required, .references("funding_proposals", "id"))
            .field("milestone", .string, .required)
            .field("report", .string, .required)
            .field("reported_on", .string, .required)
            .field("accepted_on", .string)
            .field("accepted_by", .string)
            .field("paid_on", .string)
            .field("paid_fen", .int64)
            .field("paid_by", .string)
            .unique(on: "proposal_id", "milestone")
            .create()
        try await database.sql.create(index: "funding_proposals_round").on("funding_proposals")
            .column("round_id").column("status").run()
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["funding_milestones", "funding_scores", "funding_proposals", "funding_rounds"] {
            try await database.schema(table).delete()
        }
    }
}

struct FundingRoundRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let name: String
    let region: String
    let budgetFen: Int64
    let capFen: Int64
    let topics: [String]
    let closesOn: String
    let status: String
    let awardedOn: String?
}

struct FundingProposalRecord: Content, Sendable {
    let id: UUID
    let roundId: UUID
    let organisationId: UUID
    let organisationName: String
    let region: String
    let topic: String
    let title: String
    let summary: String
    let requestedFen: Int64
    let submittedOn: String
    let status: String
    let statusName: String
    let meanTenths: Int?
    let awardFen: Int64?
    let scores: Int
    /// The final evaluation (结项评估): its outcome, in Chinese, the clerk's note and the day.
    let evaluation: String?
    let evaluationName: String?
    let evaluationNote: String?
    let evaluatedOn: String?
}

struct FundingMilestoneRecord: Content, Sendable {
    let milestone: String
    let report: String
    let reportedOn: String
    let acceptedOn: String?
    let paidOn: String?
    let paidFen: Int64?
}

/// The SQL of funding rounds, proposals, scores and milestones.
struct FundingStore {
    let db: SQLDatabase

    func insertRound(_ r: FundingRoundRecord, by name: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO funding_rounds (id, name, region, budget_fen, cap_fen, topics, closes_on, status, created_by,
              version, created_at)
            VALUES (\(bind: r.id), \(bind: r.name), \(bind: r.region), \(bind: r.budgetFen), \(bind: r.capFen),
              \(bind: r.topics.joined(separator: "\n")), \(bind: r.closesOn), 'open', \(bind: name), 1, \(bind: now))
            """
        ).run()
    }

    func rounds(within scope: RegionScope?) async throws -> [FundingRoundRecord] {
        let filter: SQLQueryString = scope.map { "WHERE \($0.condition("region"))" } ?? ""
        return try await db.raw("SELECT * FROM funding_rounds \(filter) ORDER BY closes_on DESC, id").all().map(
            Self.round)
    }

    func round(_ id: UUID) async throws -> FundingRoundRecord? {
        try await db.raw("SELECT * FROM funding_rounds WHERE id = \(bind: id)").first().map(Self.round)
    }

    static func round(_ r: SQLRow) throws -> FundingRoundRecord {
        FundingRoundRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            name: try r.decode(column: "name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            budgetFen: try r.decode(column: "budget_fen", as: Int64.self),
            capFen: try r.decode(column: "cap_fen", as: Int64.self),
            topics: try r.decode(column: "topics", as: String.self).split(separator: "\n").map(String.init),
            closesOn: try r.decode(column: "closes_on", as: String.self),
            status: try r.decode(column: "status", as: String.self),
            awardedOn: try r.decode(column: "awarded_on", as: String?.self))
    }

    func insertProposal(
        id: UUID, round: UUID, organisation: UUID, region: String, topic: String, title: String, summary: String,
        requestedFen: Int64, on day: CivilDate, at now: Date
    ) async throws -> Bool {
        let seq =
            try await db.raw("SELECT COUNT(*) AS n FROM funding_proposals WHERE round_id = \(bind: round)").first()?
            .decode(column: "n", as: Int64.self) ?? 0
        return try await db.raw(
            """
            INSERT INTO funding_proposals (id, round_id, organisation_id, region, topic, title, summary, requested_fen,
              submitted_on, submitted_seq, status, created_at)
            VALUES (\(bind: id), \(bind: round), \(bind: organisation), \(bind: region), \(bind: topic), \(bind: title),
              \(bind: summary), \(bind: requestedFen), \(bind: day.description), \(bind: seq + 1), 'submitted',
              \(bind: now))
            ON CONFLICT (round_id, organisation_id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    private static let proposalSelect: SQLQueryString = """
        SELECT p.*, o.name AS organisation_name,
          (SELECT COUNT(*) FROM funding_scores s WHERE s.proposal_id = p.id AND s.score IS NOT NULL) AS scored
        FROM funding_proposals p JOIN organisations o ON o.id = p.organisation_id
        """

    func proposals(round: UUID, organisation: UUID? = nil) async throws -> [FundingProposalRecord] {
        var filter: SQLQueryString = "p.round_id = \(bind: round)"
        if let organisation { filter = "\(filter) AND p.organisation_id = \(bind: organisation)" }
        return try await db.raw("\(Self.proposalSelect) WHERE \(filter) ORDER BY p.submitted_seq").all().map(
            Self.proposal)
    }

    func proposal(_ id: UUID) async throws -> FundingProposalRecord? {
        try await db.raw("\(Self.proposalSelect) WHERE p.id = \(bind: id)").first().map(Self.proposal)
    }

    static func proposal(_ r: SQLRow) throws -> FundingProposalRecord {
        let status = try r.decode(column: "status", as: String.self)
        let evaluation = try r.decode(column: "evaluation", as: String?.self)
        return FundingProposalRecord(
            id: try r.decode(column: "id", as: UUID.self), roundId: try r.decode(column: "round_id", as: UUID.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            topic: try r.decode(column: "topic", as: String.self),
            title: try r.decode(column: "title", as: String.self),
            summary: try r.decode(column: "summary", as: String.self),
            requestedFen: try r.decode(column: "requested_fen", as: Int64.self),
            submittedOn: try r.decode(column: "submitted_on", as: String.self),
            status: status, statusName: FundingProposalStatus(rawValue: status)?.chinese ?? status,
            meanTenths: try r.decode(column: "mean_tenths", as: Int?.self),
            awardFen: try r.decode(column: "award_fen", as: Int64?.self),
            scores: try r.decode(column: "scored", as: Int.self), evaluation: evaluation,
            evaluationName: evaluation.flatMap(FundingEvaluation.init(rawValue:))?.chinese,
            evaluationNote: try r.decode(column: "evaluation_note", as: String?.self),
            evaluatedOn: try r.decode(column: "evaluated_on", as: String?.self))
    }

    /// The proposals `reviewer` is assigned to, with the score given (nil until scored), the
    /// newest round first.
    func assigned(to reviewer: UUID) async throws -> [(proposal: FundingProposalRecord, score: Int?)] {
        try await db.raw(
            """
            SELECT p.*, o.name AS organisation_name, s.score AS my_score,
              (SELECT COUNT(*) FROM funding_scores x WHERE x.proposal_id = p.id AND x.score IS NOT NULL) AS scored
            FROM funding_scores s JOIN funding_proposals p ON p.id = s.proposal_id
              JOIN organisations o ON o.id = p.organisation_id
            WHERE s.reviewer_id = \(bind: reviewer) ORDER BY p.created_at DESC, p.id
            """
        ).all().map { (try Self.proposal($0), try $0.decode(column: "my_score", as: Int?.self)) }
    }

    func assign(_ proposal: UUID, reviewer: UUID, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO funding_scores (id, proposal_id, reviewer_id, created_at)
            VALUES (\(bind: UUID()), \(bind: proposal), \(bind: reviewer), \(bind: now))
            ON CONFLICT (proposal_id, reviewer_id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    struct Review: Content, Sendable {
        let reviewerId: UUID
        let name: String
        let affiliation: String
        /// Whether the reviewer signs in (then scores themselves; otherwise the clerk enters it).
        let hasAccount: Bool
        let score: Int?
    }

    /// The reviewers on the proposal with their names and scores, in the order assigned.
    func reviews(_ proposal: UUID) async throws -> [Review] {
        try await db.raw(
            """
            SELECT s.reviewer_id, s.score, r.name, r.affiliation, r.user_id
            FROM funding_scores s JOIN rating_reviewers r ON r.id = s.reviewer_id
            WHERE s.proposal_id = \(bind: proposal) ORDER BY s.created_at, r.name
            """
        ).all().map { r in
            Review(
                reviewerId: try r.decode(column: "reviewer_id", as: UUID.self),
                name: try r.decode(column: "name", as: String.self),
                affiliation: try r.decode(column: "affiliation", as: String.self),
                hasAccount: try r.decode(column: "user_id", as: UUID?.self) != nil,
                score: try r.decode(column: "score", as: Int?.self))
        }
    }

    /// The reviewers on the proposal and their scores (nil until scored).
    func scores(_ proposal: UUID) async throws -> [(reviewer: UUID, score: Int?)] {
        try await db.raw(
            "SELECT reviewer_id, score FROM funding_scores WHERE proposal_id = \(bind: proposal) ORDER BY created_at"
        ).all().map {
            (try $0.decode(column: "reviewer_id", as: UUID.self), try $0.decode(column: "score", as: Int?.self))
        }
    }

    func score(_ proposal: UUID, reviewer: UUID, _ score: Int, by name: String) async throws -> Bool {
        try await db.raw(
            """
            UPDATE funding_scores SET score = \(bind: score), scored_by = \(bind: name)
            WHERE proposal_id = \(bind: proposal) AND reviewer_id = \(bind: reviewer)
              AND EXISTS (SELECT 1 FROM funding_proposals p WHERE p.id = \(bind: proposal) AND p.status = 'submitted')
            RETURNING id
            """
        ).first() != nil
    }

    /// Marks the round awarded and each proposal awarded (with its amount) or not funded.
    func award(
        round: UUID, version: Int, _ d: FundingRules.Decision, means: [UUID: Int], on day: CivilDate
    ) async throws -> Bool {
        guard
            try await db.raw(
                """
                UPDATE funding_rounds SET status = 'awarded', awarded_on = \(bind: day.description), version = version + 1
                WHERE id = \(bind: round) AND version = \(bind: version) AND status = 'open' RETURNING id
                """
            ).first() != nil
        else { return false }
        let awarded = Dictionary(uniqueKeysWithValues: d.awards.map { ($0.id, $0.amountFen) })
        for p in try await proposals(round: round) {
            let amount = awarded[p.id.uuidString]
            try await db.raw(
                """
                UPDATE funding_proposals SET status = \(bind: amount == nil ? "notFunded" : "awarded"),
                  mean_tenths = \(bind: means[p.id]), award_fen = \(bind: amount) WHERE id = \(bind: p.id)
                """
            ).run()
        }
        return true
    }

    func milestones(_ proposal: UUID) async throws -> [FundingMilestoneRecord] {
        try await db.raw("SELECT * FROM funding_milestones WHERE proposal_id = \(bind: proposal)").all().map { r in
            FundingMilestoneRecord(
                milestone: try r.decode(column: "milestone", as: String.self),
                report: try r.decode(column: "report", as: String.self),
                reportedOn: try r.decode(column: "reported_on", as: String.self),
                acceptedOn: try r.decode(column: "accepted_on", as: String?.self),
                paidOn: try r.decode(column: "paid_on", as: String?.self),
                paidFen: try r.decode(column: "paid_fen", as: Int64?.self))
        }.sorted {
            (FundingMilestone(rawValue: $0.milestone) ?? .start) < (FundingMilestone(rawValue: $1.milestone) ?? .start)
        }
    }

    func report(_ proposal: UUID, _ m: FundingMilestone, text: String, on day: CivilDate) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO funding_milestones (id, proposal_id, milestone, report, reported_on)
            VALUES (\(bind: UUID()), \(bind: proposal), \(bind: m.rawValue), \(bind: text), \(bind: day.description))
            ON CONFLICT (proposal_id, milestone) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func accept(_ proposal: UUID, _ m: FundingMilestone, on day: CivilDate, by name: String) async throws -> Bool {
        try await db.raw(
            """
            UPDATE funding_milestones SET accepted_on = \(bind: day.description), accepted_by = \(bind: name)
            WHERE proposal_id = \(bind: proposal) AND milestone = \(bind: m.rawValue) AND accepted_on IS NULL
            RETURNING id
            """
        ).first() != nil
    }

    /// The final evaluation: a passing outcome accepts the final report, a failing one leaves it
    /// unaccepted and ends the project failed (its last share is never paid).
    func evaluate(
        _ proposal: UUID, _ outcome: FundingEvaluation, note: String?, on day: CivilDate, by name: String
    ) async throws -> Bool {
        if outcome.passes {
            guard try await accept(proposal, .final, on: day, by: name) else { return false }
        } else {
            guard
                try await db.raw(
                    """
                    SELECT id FROM funding_milestones
                    WHERE proposal_id = \(bind: proposal) AND milestone = 'final' AND accepted_on IS NULL
                    """
                ).first() != nil
            else { return false }
        }
        let status: FundingProposalStatus = outcome.passes ? .awarded : .failed
        return try await db.raw(
            """
            UPDATE funding_proposals SET evaluation = \(bind: outcome.rawValue), evaluation_note = \(bind: note),
              evaluated_on = \(bind: day.description), evaluated_by = \(bind: name), status = \(bind: status.rawValue)
            WHERE id = \(bind: proposal) AND status = 'awarded' AND evaluation IS NULL RETURNING id
            """
        ).first() != nil
    }

    /// Records the payment only when the milestone's report is accepted and it is not paid yet.
    func pay(
        _ proposal: UUID, _ m: FundingMilestone, fen: Int64, on day: CivilDate, by name: String
    ) async throws
        -> Bool
    {
        if m == .final {
            try await db.raw(
                "UPDATE funding_proposals SET status = 'completed' WHERE id = \(bind: proposal) AND status = 'awarded'"
            ).run()
        }
        return try await db.raw(
            """
            UPDATE funding_milestones SET paid_on = \(bind: day.description), paid_fen = \(bind: fen), paid_by = \(bind: name)
            WHERE proposal_id = \(bind: proposal) AND milestone = \(bind: m.rawValue) AND accepted_on IS NOT NULL
              AND paid_on IS NULL
            RETURNING id
            """
        ).first() != nil
    }

    struct Total: Content, Sendable {
        let key: String
        let proposals: Int
        let awarded: Int
        let awardFen: Int64
        let paidFen: Int64
    }

    /// The round's totals by topic and by district (the region's first six digits).
    func totals(round: UUID) async throws -> (byTopic: [Total], byDistrict: [Total]) {
        let only: SQLQueryString = "p.round_id = \(bind: round)"
        return (try await totals(only, by: "p.topic"), try await totals(only, by: "SUBSTR(p.region, 1, 6)"))
    }

    /// The totals across the rounds of `scope` that close in `year`: by round, district and topic.
    func totals(
        within scope: RegionScope?, year: Int
    ) async throws -> (
        byRound: [Total], byDistrict: [Total], byTopic: [Total]
    ) {
        var rounds: SQLQueryString = "r.closes_on LIKE \(bind: "\(year)-%")"
        if let scope { rounds = "\(rounds) AND \(scope.condition("r.region"))" }
        return (
            try await totals(rounds, by: "r.name || ' · ' || r.closes_on"),
            try await totals(rounds, by: "SUBSTR(p.region, 1, 6)"), try await totals(rounds, by: "p.topic")
        )
    }

    /// Proposals, awards and payments grouped by `key` over the proposals `filter` selects
    /// (`p` the proposal, `r` its round).
    private func totals(_ filter: SQLQueryString, by key: SQLQueryString) async throws -> [Total] {
        try await db.raw(
            """
            SELECT \(key) AS k, COUNT(*) AS n, SUM(CASE WHEN p.award_fen IS NOT NULL THEN 1 ELSE 0 END) AS a,
              CAST(COALESCE(SUM(p.award_fen), 0) AS BIGINT) AS f,
              CAST(COALESCE(SUM((SELECT COALESCE(SUM(m.paid_fen), 0) FROM funding_milestones m
                WHERE m.proposal_id = p.id)), 0) AS BIGINT) AS paid
            FROM funding_proposals p JOIN funding_rounds r ON r.id = p.round_id
            WHERE \(filter) GROUP BY \(key) ORDER BY \(key)
            """
        ).all().map { r in
            Total(
                key: try r.decode(column: "k", as: String.self), proposals: try r.decode(column: "n", as: Int.self),
                awarded: try r.decode(column: "a", as: Int.self), awardFen: try r.decode(column: "f", as: Int64.self),
                paidFen: try r.decode(column: "paid", as: Int64.self))
        }
    }
}
