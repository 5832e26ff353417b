import Foundation
import MinzhengCore
import SQLKit

/// Every read and write of the home-care tables: providers, workers, orders and the
/// entitlements computed for a month.
struct HomeCareStore {
    let db: SQLDatabase

    // MARK: providers and workers

    /// Providers serving the region or any region inside or around it: a district's provider
    /// serves its streets, so a street officer sees it and may send it orders.
    func providers(around region: RegionCode) async throws -> [HomeCareProvider] {
        let enclosing = PolicyParameterHistory.fallbackChain(of: region.value)
        return try await db.raw(
            """
            SELECT * FROM home_care_providers WHERE \(RegionScope(region).condition("region"))
               OR region IN \(SQLBind.group(enclosing)) ORDER BY region, name
            """
        ).all().map(HomeCareProvider.init(row:))
    }

    func provider(id: UUID) async throws -> HomeCareProvider? {
        try await db.raw("SELECT * FROM home_care_providers WHERE id = \(bind: id)").first()
            .map(HomeCareProvider.init(row:))
    }

    func providerID(creditCode: String) async throws -> UUID? {
        try await db.raw("SELECT id FROM home_care_providers WHERE credit_code = \(bind: creditCode)").first()?
            .decode(column: "id", as: UUID.self)
    }

    func createProvider(
        name: String, creditCode: String, region: String, phone: String?, at now: Date
    ) async throws
        -> UUID
    {
        let id = UUID.random()
        try await db.raw(
            """
            INSERT INTO home_care_providers (id, name, credit_code, region, phone, created_at)
            VALUES (\(bind: id), \(bind: name), \(bind: creditCode), \(bind: region), \(bind: phone), \(bind: now))
            """
        ).run()
        return id
    }

    func workers(provider: UUID) async throws -> [HomeCareWorker] {
        try await db.raw("SELECT * FROM home_care_workers WHERE provider_id = \(bind: provider) ORDER BY name, id")
            .all().map(HomeCareWorker.init(row:))
    }

    func worker(id: UUID) async throws -> HomeCareWorker? {
        try await db.raw("SELECT * FROM home_care_workers WHERE id = \(bind: id)").first().map(
            HomeCareWorker.init(row:))
    }

    func createWorker(provider: UUID, name: String, at now: Date) async throws -> UUID {
        let id = UUID.random()
        try await db.raw(
            """
            INSERT INTO home_care_workers (id, provider_id, name, created_at)
            VALUES (\(bind: id), \(bind: provider), \(bind: name), \(bind: now))
            """
        ).run()
        return id
    }

    // MARK: orders

    private static let select: SQLQueryString = """
        SELECT o.*, p.name AS person_name, pr.name AS provider_name, w.name AS worker_name FROM home_care_orders o
        JOIN persons p ON p.id = o.person_id
        LEFT JOIN home_care_providers pr ON pr.id = o.provider_id LEFT JOIN home_care_workers w ON w.id = o.worker_id
        """

    struct Filter: Sendable {
        var state: HomeCareOrderState?
        var month: YearMonth?
        var heldOnly = false
        var person: UUID?
    }

    func order(id: UUID, within scope: RegionScope) async throws -> HomeCareOrderRecord? {
        try await db.raw("\(Self.select) WHERE o.id = \(bind: id) AND \(scope.condition("o.region"))").first()
            .map(HomeCareOrderRecord.init(row:))
    }

    func orders(
        within scope: RegionScope, matching filter: Filter, page: PageRequest
    ) async throws -> Page<
        HomeCareOrderRecord
    > {
        let condition = Self.condition(scope, filter)
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM home_care_orders o WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(condition) ORDER BY o.scheduled_on DESC, o.created_at DESC, o.id
            LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)
            """
        ).all().map(HomeCareOrderRecord.init(row:))
        return Page(items: rows, total: total, page: page.page, perPage: page.perPage)
    }

    private static func condition(_ scope: RegionScope, _ f: Filter) -> SQLQueryString {
        var sql: SQLQueryString = scope.condition("o.region")
        if let state = f.state { sql = sql + " AND o.state = \(bind: state.rawValue)" }
        if let month = f.month { sql = sql + " AND o.scheduled_on LIKE \(bind: month.description + "-%")" }
        if f.heldOnly { sql = sql + " AND o.held = \(bind: true)" }
        if let person = f.person { sql = sql + " AND o.person_id = \(bind: person)" }
        return sql
    }

    func createOrder(
        person: UUID, region: String, request: HomeCareOrderRequest, createdBy: String, at now: Date
    ) async throws -> UUID {
        let id = UUID.random()
        try await db.raw(
            """
            INSERT INTO home_care_orders (id, person_id, region, service, units, scheduled_on, note, state, flags, held,
              created_by, created_at, version)
            VALUES (\(bind: id), \(bind: person), \(bind: region), \(bind: request.service.rawValue), \(bind: request.units),
              \(bind: request.scheduledOn.description), \(bind: request.note), \(bind: HomeCareOrderState.requested.rawValue),
              '', \(bind: false), \(bind: createdBy), \(bind: now), 1)
            """
        ).run()
        return id
    }

    /// Moves the order on when it is still at `version`, with what the step records
    /// (`fields` sets columns on the update); false when someone else moved it first.
    func advance(
        order: UUID, version: Int, to state: HomeCareOrderState,
        fields: @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder = { $0 }
    ) async throws -> Bool {
        let update = db.update("home_care_orders").set("state", to: state.rawValue).set("version", to: version + 1)
        return try await !fields(update).where("id", .equal, order).where("version", .equal, version).returning("id")
            .all().isEmpty
    }

    /// The finished visits of `worker` that may overlap `[from, to)` (the index narrows
    /// them; `HomeCareChecks` decides).
    func visits(
        ofWorker worker: UUID, overlapping from: Int64, _ to: Int64
    ) async throws -> [(
        id: UUID, flags: String, checkIn: Int64, checkOut: Int64
    )] {
        try await db.raw(
            """
            SELECT id, flags, check_in_at, check_out_at FROM home_care_orders WHERE worker_id = \(bind: worker)
              AND check_out_at IS NOT NULL AND check_in_at < \(bind: to) AND check_out_at > \(bind: from)
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "flags", as: String.self),
                try $0.decode(column: "check_in_at", as: Int64.self),
                try $0.decode(column: "check_out_at", as: Int64.self)
            )
        }
    }

    /// Sets an order's flags, and holds it when one of them stops settlement (unless cleared).
    func setFlags(order: UUID, flags: Set<HomeCareFlag>) async throws {
        try await db.raw(
            """
            UPDATE home_care_orders SET flags = \(bind: HomeCareFlags.encode(flags)),
              held = \(bind: HomeCareFlags.hold(flags)), cleared_by = NULL, cleared_note = NULL WHERE id = \(bind: order)
            """
        ).run()
    }

    func clear(order: UUID, version: Int, by name: String, note: String) async throws -> Bool {
        try await !db.update("home_care_orders").set("held", to: false).set("cleared_by", to: name)
            .set("cleared_note", to: note).set("version", to: version + 1)
            .where("id", .equal, order).where("version", .equal, version).where("held", .equal, true).returning("id")
            .all().isEmpty
    }
}
