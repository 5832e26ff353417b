import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A street-seat move (驻地迁移) as the pages and the API show it.
struct SeatMoveRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let region: String
    let regionName: String
    let fromAddress: String
    let toAddress: String
    let toLatitude: Double?
    let toLongitude: Double?
    let reason: String
    let status: String
    let statusName: String
    let publicityEnds: String?
    let approvingBody: String?
    let approvedOn: String?
    let announcedOn: String?
    let decisionNote: String?
    let proposedBy: String
    let createdAt: Date
}

/// The SQL of street-seat moves: a street's moves, one move, the seat a street has now, a
/// proposal and its steps (the fields a name's step writes).
struct SeatMoveStore {
    let db: SQLDatabase
    let regions: RegionTable

    func list(
        within scope: RegionScope, status: PlaceNameStatus?, page: PageRequest
    ) async throws -> Page<
        SeatMoveRecord
    > {
        var condition: SQLQueryString = "\(scope.condition("region"))"
        if let status { condition = "\(condition) AND status = \(bind: status.rawValue)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM seat_moves WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT * FROM seat_moves WHERE \(condition)
            ORDER BY created_at DESC, id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(record), total: total, page: page.page, perPage: page.perPage)
    }

    func move(id: UUID, within scope: RegionScope) async throws -> SeatMoveRecord? {
        try await db.raw("SELECT * FROM seat_moves WHERE id = \(bind: id) AND \(scope.condition("region"))").first()
            .map(record)
    }

    /// The street's moves, the latest first (its seat's history).
    func history(of region: String) async throws -> [SeatMoveRecord] {
        try await db.raw("SELECT * FROM seat_moves WHERE region = \(bind: region) ORDER BY created_at DESC, id").all()
            .map(record)
    }

    /// The seat the street has now: where its last announced move went (nil before any).
    func currentSeat(of region: String) async throws -> String? {
        try await db.raw(
            """
            SELECT to_address FROM seat_moves WHERE region = \(bind: region) AND status = 'announced'
            ORDER BY announced_on DESC, updated_at DESC LIMIT 1
            """
        ).first()?.decode(column: "to_address", as: String.self)
    }

    struct Proposal: Sendable {
        let id: UUID
        let region: String
        let fromAddress: String
        let toAddress: String
        let to: GeoPoint?
        let reason: String
        let proposedBy: String
    }

    /// Inserts the move as proposed (or, for the demo, at a later step with its fields); false
    /// when the street already has a move under way.
    func insert(
        _ p: Proposal, status: PlaceNameStatus = .proposed, _ f: PlaceNameStore.StepFields = .init(), at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO seat_moves (id, region, county, from_address, to_address, to_latitude, to_longitude, reason,
              status, is_open, publicity_ends, approving_body, approved_on, announced_on, proposed_by, version,
              created_at, updated_at)
            VALUES (\(bind: p.id), \(bind: p.region), \(bind: String(p.region.prefix(6))), \(bind: p.fromAddress),
              \(bind: p.toAddress), \(bind: p.to?.latitude), \(bind: p.to?.longitude), \(bind: p.reason),
              \(bind: status.rawValue), \(bind: SeatMoveRules.isOpen(status)), \(bind: f.publicityEnds?.description),
              \(bind: f.approvingBody), \(bind: f.approvedOn?.description), \(bind: f.announcedOn?.description),
              \(bind: p.proposedBy), 1, \(bind: now), \(bind: now))
            ON CONFLICT (region) WHERE is_open DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// Moves the move to `status` when `version` is still its own; false otherwise.
    func step(
        id: UUID, version: Int, to status: PlaceNameStatus, _ f: PlaceNameStore.StepFields, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE seat_moves SET status = \(bind: status.rawValue), is_open = \(bind: SeatMoveRules.isOpen(status)),
              publicity_ends = COALESCE(\(bind: f.publicityEnds?.description), publicity_ends),
              approving_body = COALESCE(\(bind: f.approvingBody), approving_body),
              approved_on = COALESCE(\(bind: f.approvedOn?.description), approved_on),
              announced_on = COALESCE(\(bind: f.announcedOn?.description), announced_on),
              decision_note = COALESCE(\(bind: f.note), decision_note),
              version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).first() != nil
    }

    func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM seat_moves").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func record(_ r: SQLRow) throws -> SeatMoveRecord {
        let status = PlaceNameStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .proposed
        let region = try r.decode(column: "region", as: String.self)
        return SeatMoveRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            region: region, regionName: RegionCode(region).map(regions.fullName) ?? region,
            fromAddress: try r.decode(column: "from_address", as: String.self),
            toAddress: try r.decode(column: "to_address", as: String.self),
            toLatitude: try r.decode(column: "to_latitude", as: Double?.self),
            toLongitude: try r.decode(column: "to_longitude", as: Double?.self),
            reason: try r.decode(column: "reason", as: String.self), status: status.rawValue,
            statusName: status.chinese, publicityEnds: try r.decode(column: "publicity_ends", as: String?.self),
            approvingBody: try r.decode(column: "approving_body", as: String?.self),
            approvedOn: try r.decode(column: "approved_on", as: String?.self),
            announcedOn: try r.decode(column: "announced_on", as: String?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            proposedBy: try r.decode(column: "proposed_by", as: String.self),
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
