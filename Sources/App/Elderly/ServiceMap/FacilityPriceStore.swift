import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names `facility_prices`: a facility's published price list.
struct FacilityPriceStore {
    let db: SQLDatabase

    func prices(of facility: UUID) async throws -> [PriceLine] {
        try await db.raw(
            """
            SELECT id, item, amount_fen, unit FROM facility_prices WHERE facility_id = \(bind: facility)
            ORDER BY created_at, item, id
            """
        ).all().map(PriceLine.init)
    }

    func count(of facility: UUID) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM facility_prices WHERE facility_id = \(bind: facility)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    func add(_ price: FacilityPrice, id: UUID, to facility: UUID, at now: Date) async throws {
        try await db.insert(into: "facility_prices")
            .columns("id", "facility_id", "item", "amount_fen", "unit", "created_at")
            .values(
                SQLBind(id), SQLBind(facility), SQLBind(price.item), SQLBind(price.amount.value),
                SQLBind(price.unit.rawValue), SQLBind(now)
            ).run()
    }

    /// Removes one line of the facility's list; answers the line removed, nil when none was.
    func remove(_ id: UUID, of facility: UUID) async throws -> PriceLine? {
        try await db.raw(
            """
            DELETE FROM facility_prices WHERE id = \(bind: id) AND facility_id = \(bind: facility)
            RETURNING id, item, amount_fen, unit
            """
        ).first().map(PriceLine.init)
    }
}

/// One line of a price list as pages and the audit show it.
struct PriceLine: Content, Sendable {
    let id: UUID
    let item: String
    let amountFen: Int64
    let amount: String
    let unit: String
    let unitName: String

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        item = try row.decode(column: "item", as: String.self)
        amountFen = try row.decode(column: "amount_fen", as: Int64.self)
        amount = Fen(amountFen).formatted
        unit = try row.decode(column: "unit", as: String.self)
        unitName = PriceUnit(rawValue: unit)?.chinese ?? unit
    }
}
