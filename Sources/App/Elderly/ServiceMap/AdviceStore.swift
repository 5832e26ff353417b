import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names `advice_requests`: the adviser's queue of each street. The phone
/// is stored encrypted (and masked for lists); the reply code only as its hash.
struct AdviceStore {
    let db: SQLDatabase
    let regions: RegionTable

    struct Filter: Sendable {
        var state: AdviceState?
        var kind: AdviceKind?
    }

    static let columns =
        "id, region, kind, name, phone_masked, message, state, answer, answered_by, answered_at, version, created_at"

    func insert(
        _ d: AdviceDraft, id: UUID, codeHash: String, phoneCipher: String, at now: Date
    ) async throws {
        try await db.insert(into: "advice_requests")
            .columns(
                "id", "code_hash", "region", "kind", "name", "phone_cipher", "phone_masked", "message", "state",
                "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(codeHash), SQLBind(d.street.value), SQLBind(d.kind.rawValue), SQLBind(d.name),
                SQLBind(phoneCipher), SQLBind(RegistryValidation.maskPhone(d.phone)), SQLBind(d.message),
                SQLBind(AdviceState.open.rawValue), SQLBind(1), SQLBind(now)
            ).run()
    }

    private func condition(_ scope: RegionScope, _ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = "\(scope.condition("region"))"
        if let s = f.state { sql = sql + " AND state = \(bind: s.rawValue)" }
        if let k = f.kind { sql = sql + " AND kind = \(bind: k.rawValue)" }
        return sql
    }

    /// The open ones first, oldest first (the longest wait at the top), then the answered,
    /// newest first.
    func page(within scope: RegionScope, filter: Filter, page: PageRequest) async throws -> Page<AdviceRow> {
        let cond = condition(scope, filter)
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM advice_requests WHERE \(cond)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM advice_requests WHERE \(cond)
            ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END,
            CASE WHEN state = 'open' THEN created_at END, answered_at DESC, id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try AdviceRow(row: $0, regions: regions) }
        return Page(items: rows, total: total, page: page.page, perPage: page.perPage)
    }

    func request(id: UUID, within scope: RegionScope) async throws -> AdviceRow? {
        try await db.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM advice_requests WHERE id = \(bind: id) AND \(scope.condition("region"))"
        ).first().map { try AdviceRow(row: $0, regions: regions) }
    }

    func request(codeHash: String) async throws -> AdviceRow? {
        try await db.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM advice_requests WHERE code_hash = \(bind: codeHash)"
        ).first().map { try AdviceRow(row: $0, regions: regions) }
    }

    /// The encrypted phone: the detail page of the street's adviser decrypts it to call back.
    func phoneCipher(id: UUID, within scope: RegionScope) async throws -> String? {
        try await db.raw(
            "SELECT phone_cipher FROM advice_requests WHERE id = \(bind: id) AND \(scope.condition("region"))"
        ).first()?.decode(column: "phone_cipher", as: String.self)
    }

    /// Saves the answer when `version` is current and the request still open.
    func answer(id: UUID, version: Int, answer: String, by name: String, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE advice_requests SET state = 'answered', answer = \(bind: answer), answered_by = \(bind: name),
            answered_at = \(bind: now), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND state = 'open' RETURNING id
            """
        ).all()).isEmpty
    }

    /// Open requests within `scope` received before `cutoff`: past the reply time.
    func overdue(within scope: RegionScope, receivedBefore cutoff: Date) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM advice_requests
            WHERE \(scope.condition("region")) AND state = 'open' AND created_at < \(bind: cutoff)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

/// One request of the queue, its phone masked.
struct AdviceRow: Content, Sendable {
    let id: UUID
    let region: String
    let regionName: String
    let kind: String
    let kindName: String
    let name: String
    let phoneMasked: String
    let message: String
    let state: String
    let stateName: String
    let answer: String?
    let answeredBy: String?
    let answeredAt: Date?
    let version: Int
    let createdAt: Date

    init(row: SQLRow, regions: RegionTable) throws {
        id = try row.decode(column: "id", as: UUID.self)
        region = try row.decode(column: "region", as: String.self)
        regionName = RegionCode(region).map { regions.fullName(of: $0) } ?? region
        kind = try row.decode(column: "kind", as: String.self)
        kindName = AdviceKind(rawValue: kind)?.chinese ?? kind
        name = try row.decode(column: "name", as: String.self)
        phoneMasked = try row.decode(column: "phone_masked", as: String.self)
        message = try row.decode(column: "message", as: String.self)
        state = try row.decode(column: "state", as: String.self)
        stateName = AdviceState(rawValue: state)?.chinese ?? state
        answer = try row.decode(column: "answer", as: String?.self)
        answeredBy = try row.decode(column: "answered_by", as: String?.self)
        answeredAt = try row.decode(column: "answered_at", as: Date?.self)
        version = try row.decode(column: "version", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }
}
