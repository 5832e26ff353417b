import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The SQL of `funeral_subsidies`: a proposal inserted once per deceased and kind, the street's
/// queue, the decision, and the family's view of a deceased's proposals.
struct FuneralSubsidyStore {
    let db: SQLDatabase

    /// A proposal as the queue, the API and the family's page show it.
    struct Subsidy: Content, Sendable {
        let id: UUID
        let version: Int
        let kind: String
        let kindName: String
        let personId: UUID
        let personName: String
        let idMasked: String
        let householdId: UUID?
        let address: String?
        let region: String
        let deceasedOn: String?
        let amountFen: Int64
        let amount: String
        let basis: String
        let source: String
        let status: String
        let statusName: String
        let decidedBy: String?
        let decidedAt: Date?
        let decisionNote: String?
        let createdAt: Date
    }

    /// Inserts the proposal unless one of its kind stands for the person; its id, or nil.
    func insert(
        _ proposal: FuneralSubsidyProposal, for facts: DeceasedFacts, source: String, at now: Date
    ) async throws -> UUID? {
        let id = UUID()
        return try await db.raw(
            """
            INSERT INTO funeral_subsidies (id, kind, person_id, household_id, region, deceased_on, amount_fen, basis,
              source, status, version, created_at)
            VALUES (\(bind: id), \(bind: proposal.kind.rawValue), \(bind: facts.person), \(bind: facts.household),
              \(bind: facts.region), \(bind: facts.deceasedOn?.description), \(bind: proposal.amount.value),
              \(bind: proposal.basis), \(bind: source), 'open', 1, \(bind: now))
            ON CONFLICT (person_id, kind) DO NOTHING RETURNING id
            """
        ).first() != nil ? id : nil
    }

    /// The proposals of a region with `status`, oldest first.
    func list(
        within scope: RegionScope, status: FuneralSubsidyStatus, page: PageRequest
    ) async throws -> Page<Subsidy> {
        let total =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM funeral_subsidies
                WHERE status = \(bind: status.rawValue) AND \(scope.condition("region"))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE f.status = \(bind: status.rawValue) AND \(scope.condition("f.region"))
            ORDER BY f.created_at, f.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.subsidy), total: total, page: page.page, perPage: page.perPage)
    }

    func subsidy(id: UUID, within scope: RegionScope) async throws -> Subsidy? {
        try await db.raw("\(Self.select) WHERE f.id = \(bind: id) AND \(scope.condition("f.region"))").first()
            .map(Self.subsidy)
    }

    /// The proposals for a deceased, for the family's page.
    func subsidies(of person: UUID) async throws -> [Subsidy] {
        try await db.raw("\(Self.select) WHERE f.person_id = \(bind: person) ORDER BY f.kind").all().map(Self.subsidy)
    }

    /// Records the decision when `version` is still the proposal's and it is open.
    func decide(
        id: UUID, version: Int, status: FuneralSubsidyStatus, by name: String, note: String?, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE funeral_subsidies SET status = \(bind: status.rawValue), decided_by = \(bind: name),
              decided_at = \(bind: now), decision_note = \(bind: note), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'open' RETURNING id
            """
        ).first() != nil
    }

    private static let select: SQLQueryString = """
        SELECT f.*, p.name AS person_name, p.id_masked, h.address FROM funeral_subsidies f
        JOIN persons p ON p.id = f.person_id LEFT JOIN households h ON h.id = f.household_id
        """

    private static func subsidy(_ r: SQLRow) throws -> Subsidy {
        let kind = FuneralSubsidyKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .funeral
        let status = FuneralSubsidyStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .open
        let amount = try r.decode(column: "amount_fen", as: Int64.self)
        return Subsidy(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            kind: kind.rawValue, kindName: kind.chinese, personId: try r.decode(column: "person_id", as: UUID.self),
            personName: try r.decode(column: "person_name", as: String.self),
            idMasked: try r.decode(column: "id_masked", as: String.self),
            householdId: try r.decode(column: "household_id", as: UUID?.self),
            address: try r.decode(column: "address", as: String?.self),
            region: try r.decode(column: "region", as: String.self),
            deceasedOn: try r.decode(column: "deceased_on", as: String?.self), amountFen: amount,
            amount: Fen(amount).yuanString, basis: try r.decode(column: "basis", as: String.self),
            source: try r.decode(column: "source", as: String.self), status: status.rawValue,
            statusName: status.chinese, decidedBy: try r.decode(column: "decided_by", as: String?.self),
            decidedAt: try r.decode(column: "decided_at", as: Date?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
