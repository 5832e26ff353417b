import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The street's queue of benefit changes that followed a change of a household's members
/// (`enrollment_reviews`): what changed, the reassessment and its trace, and the decision.
struct EnrollmentReviewStore {
    let db: SQLDatabase

    struct NewReview: Sendable {
        let enrollment: UUID
        let household: UUID
        let region: String
        let change: HouseholdChangeKind
        let person: UUID
        let effective: YearMonth
        let outcome: HouseholdChangeOutcome
        let traceJSON: String?
        let proposedHead: UUID?
    }

    /// A review as the queue, its page and the API show it.
    struct Review: Content, Sendable {
        let id: UUID
        let version: Int
        let enrollmentId: UUID
        let itemCode: String
        let householdId: UUID
        let address: String
        let region: String
        let change: String
        let changeName: String
        let personId: UUID
        let personName: String
        let effectiveMonth: String
        let outcome: String
        let oldFen: Int64
        let newFen: Int64?
        let explanation: String
        let trace: [String]
        let proposedHeadId: UUID?
        let proposedHeadName: String?
        let status: String
        let decidedBy: String?
        let decisionNote: String?
        let correctedFen: Int64?
    }

    func insert(_ review: NewReview, at now: Date) async throws -> UUID {
        let id = UUID.random()
        try await db.insert(into: "enrollment_reviews")
            .columns(
                "id", "enrollment_id", "household_id", "region", "change_kind", "person_id", "effective_month",
                "outcome", "old_fen",
                "new_fen", "explanation", "trace_json", "proposed_head_id", "status", "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(review.enrollment), SQLBind(review.household), SQLBind(review.region),
                SQLBind(review.change.rawValue),
                SQLBind(review.person), SQLBind(review.effective.description), SQLBind(review.outcome.code),
                SQLBind(review.outcome.oldAmount.value), SQLBind(review.outcome.newAmount?.value),
                SQLBind(review.outcome.chinese),
                SQLBind(review.traceJSON), SQLBind(review.proposedHead), SQLBind("open"), SQLBind(1), SQLBind(now)
            )
            .run()
        return id
    }

    /// The open reviews of a region, oldest first.
    func open(within scope: RegionScope, page: PageRequest) async throws -> Page<Review> {
        let total = try await countOpen(within: scope)
        let rows = try await db.raw(
            """
            \(Self.select) WHERE r.status = 'open' AND \(scope.condition("r.region"))
            ORDER BY r.created_at, r.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.review), total: total, page: page.page, perPage: page.perPage)
    }

    func review(id: UUID, within scope: RegionScope) async throws -> Review? {
        try await db.raw("\(Self.select) WHERE r.id = \(bind: id) AND \(scope.condition("r.region"))").first().map(
            Self.review)
    }

    func countOpen(within scope: RegionScope) async throws -> Int {
        try await db.raw(
            "SELECT COUNT(*) AS n FROM enrollment_reviews WHERE status = 'open' AND \(scope.condition("region"))"
        )
        .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Records the decision when `version` is still the review's; false when it is not.
    func decide(
        id: UUID, version: Int, status: String, by name: String, note: String?, correctedFen: Int64?,
        at now: Date
    ) async throws -> Bool {
        try await !db.raw(
            """
            UPDATE enrollment_reviews SET status = \(bind: status), decided_by = \(bind: name), decided_at = \(bind: now),
              decision_note = \(bind: note), corrected_fen = \(bind: correctedFen), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'open' RETURNING id
            """
        ).all().isEmpty
    }

    private static let select: SQLQueryString = """
        SELECT r.*, e.item_code, h.address, p.name AS person_name, ph.name AS proposed_head_name FROM enrollment_reviews r
        JOIN enrollments e ON e.id = r.enrollment_id JOIN households h ON h.id = r.household_id JOIN persons p ON p.id = r.person_id
        LEFT JOIN persons ph ON ph.id = r.proposed_head_id
        """

    /// The reassessment as sentences: what it counted, then each program's own trace.
    static func traceLines(_ r: AssessmentResponse) -> [String] {
        let assets = r.assetTest.passed ? "财产核查通过" : "财产核查未通过：" + r.assetTest.reasons.joined(separator: "；")
        return [
            "\(r.month) 重新核算：在世成员 \(r.householdSize) 人，月人均收入 \(Fen(r.perCapitaIncomeFen).formatted)，"
                + "低保标准 \(Fen(r.standardFen).formatted)；\(assets)"
        ] + r.programs.flatMap(\.trace)
    }

    private static func review(_ r: SQLRow) throws -> Review {
        let change = HouseholdChangeKind(rawValue: try r.decode(column: "change_kind", as: String.self)) ?? .death
        let trace =
            try r.decode(column: "trace_json", as: String?.self)
            .flatMap { try? JSONDecoder().decode(AssessmentResponse.self, from: Data($0.utf8)) }
            .map(Self.traceLines) ?? []
        return Review(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            enrollmentId: try r.decode(column: "enrollment_id", as: UUID.self),
            itemCode: try r.decode(column: "item_code", as: String.self),
            householdId: try r.decode(column: "household_id", as: UUID.self),
            address: try r.decode(column: "address", as: String.self),
            region: try r.decode(column: "region", as: String.self), change: change.rawValue,
            changeName: change.chinese,
            personId: try r.decode(column: "person_id", as: UUID.self),
            personName: try r.decode(column: "person_name", as: String.self),
            effectiveMonth: try r.decode(column: "effective_month", as: String.self),
            outcome: try r.decode(column: "outcome", as: String.self),
            oldFen: try r.decode(column: "old_fen", as: Int64.self),
            newFen: try r.decode(column: "new_fen", as: Int64?.self),
            explanation: try r.decode(column: "explanation", as: String.self), trace: trace,
            proposedHeadId: try r.decode(column: "proposed_head_id", as: UUID?.self),
            proposedHeadName: try r.decode(column: "proposed_head_name", as: String?.self),
            status: try r.decode(column: "status", as: String.self),
            decidedBy: try r.decode(column: "decided_by", as: String?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            correctedFen: try r.decode(column: "corrected_fen", as: Int64?.self))
    }
}
