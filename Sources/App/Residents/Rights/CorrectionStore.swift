import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names `correction_requests`.
struct CorrectionStore {
    let db: SQLDatabase
    let regions: RegionTable

    static let columns =
        "c.id, c.person_id, p.name AS person_name, c.region, c.field, c.requested, c.reason, c.state, c.answer, c.handled_by, c.handled_at, c.version, c.created_at, rc.number AS receipt_number"
    static let from = """
        FROM correction_requests c JOIN persons p ON p.id = c.person_id
        LEFT JOIN receipts rc ON rc.kind = 'correction' AND rc.record_id = c.id
        """

    func insert(
        _ d: CorrectionDraft, id: UUID, person: UUID, region: String, by user: UUID, at now: Date
    ) async throws {
        try await db.insert(into: "correction_requests")
            .columns(
                "id", "person_id", "region", "field", "requested", "reason", "state", "requested_by", "version",
                "created_at"
            )
            .values(
                SQLBind(id), SQLBind(person), SQLBind(region), SQLBind(d.field.rawValue), SQLBind(d.correct),
                SQLBind(d.reason), SQLBind(CorrectionState.open.rawValue), SQLBind(user), SQLBind(1), SQLBind(now)
            ).run()
        try await ReceiptStore(db: db).issue(
            .correction, record: id, owner: user, person: person, region: region, at: now)
    }

    func requests(of person: UUID) async throws -> [CorrectionRow] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE c.person_id = \(bind: person)
            ORDER BY c.created_at DESC, c.id
            """
        ).all().map { try CorrectionRow(row: $0, regions: regions) }
    }

    /// The queue of `scope`: open first, oldest first.
    func page(within scope: RegionScope, state: CorrectionState?, page: PageRequest) async throws -> Page<CorrectionRow>
    {
        var cond: SQLQueryString = "\(scope.condition("c.region"))"
        if let state { cond = cond + " AND c.state = \(bind: state.rawValue)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM correction_requests c WHERE \(cond)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE \(cond)
            ORDER BY CASE WHEN c.state = 'open' THEN 0 ELSE 1 END, c.created_at, c.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try CorrectionRow(row: $0, regions: regions) }
        return Page(items: rows, total: total, page: page.page, perPage: page.perPage)
    }

    func request(id: UUID, within scope: RegionScope) async throws -> CorrectionRow? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from)
            WHERE c.id = \(bind: id) AND \(scope.condition("c.region"))
            """
        ).first().map { try CorrectionRow(row: $0, regions: regions) }
    }

    /// Closes an open request when `version` is current.
    func decide(
        id: UUID, version: Int, state: CorrectionState, answer: String?, by name: String, at now: Date
    ) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE correction_requests SET state = \(bind: state.rawValue), answer = \(bind: answer),
            handled_by = \(bind: name), handled_at = \(bind: now), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND state = 'open' RETURNING id
            """
        ).all()).isEmpty
    }
}

struct CorrectionRow: Content, Sendable {
    let id: UUID
    let personId: UUID
    let personName: String
    let region: String
    let regionName: String
    let field: String
    let fieldName: String
    let requested: String
    let reason: String?
    let state: String
    let stateName: String
    let answer: String?
    let handledBy: String?
    let handledAt: Date?
    let version: Int
    let createdAt: Date
    /// The receipt's number (受理编号), for 办件查询.
    let receiptNumber: String?

    init(row: SQLRow, regions: RegionTable) throws {
        id = try row.decode(column: "id", as: UUID.self)
        personId = try row.decode(column: "person_id", as: UUID.self)
        personName = try row.decode(column: "person_name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        regionName = RegionCode(region).map { regions.fullName(of: $0) } ?? region
        field = try row.decode(column: "field", as: String.self)
        fieldName = CorrectionField(rawValue: field)?.chinese ?? field
        requested = try row.decode(column: "requested", as: String.self)
        reason = try row.decode(column: "reason", as: String?.self)
        state = try row.decode(column: "state", as: String.self)
        stateName = CorrectionState(rawValue: state)?.chinese ?? state
        answer = try row.decode(column: "answer", as: String?.self)
        handledBy = try row.decode(column: "handled_by", as: String?.self)
        handledAt = try row.decode(column: "handled_at", as: Date?.self)
        version = try row.decode(column: "version", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        receiptNumber = try row.decode(column: "receipt_number", as: String?.self)
    }
}
