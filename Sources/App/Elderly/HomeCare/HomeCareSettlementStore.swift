import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The month's settlement per provider, computed in the database by the rule of
/// `HomeCareSettlementRule`: each person's confirmed, unheld visits in check-in order draw
/// on the month's entitlement until it is spent; the rest is self-paid. One query over the
/// month's orders (a window sum per person), so a city's million visits settle without
/// loading them.
struct HomeCareSettlementStore {
    let db: SQLDatabase

    struct ProviderTotal: Content, Sendable {
        let providerId: UUID
        let providerName: String
        let visits: Int
        let persons: Int
        let chargedFen: Int64
        let subsidyFen: Int64
        let selfPaidFen: Int64
        /// Visits of the month held back by a flag, not settled until cleared.
        var heldVisits: Int
    }

    /// A month's settlement: each provider's totals and the sums over them.
    struct Settlement: Content, Sendable {
        let month: String
        let providers: [ProviderTotal]
        let chargedFen: Int64
        let subsidyFen: Int64
        let selfPaidFen: Int64

        init(month: YearMonth, providers: [ProviderTotal]) {
            self.month = month.description
            self.providers = providers
            chargedFen = providers.reduce(0) { $0 + $1.chargedFen }
            subsidyFen = providers.reduce(0) { $0 + $1.subsidyFen }
            selfPaidFen = providers.reduce(0) { $0 + $1.selfPaidFen }
        }
    }

    struct Line: Sendable {
        let order: UUID
        let personName: String
        let idMasked: String
        let service: String
        let units: Int
        let checkIn: Int64
        let checkOut: Int64
        let workerName: String
        let chargedFen: Int64
        let subsidyFen: Int64
        var selfPaidFen: Int64 { chargedFen - subsidyFen }
    }

    /// Each settled visit with its subsidy: the orders of the month, for the persons with an
    /// order inside `scope` (all of a person's visits count against one entitlement); the
    /// statistics read the same CTE, so their figures are the settlement's.
    static func split(month: YearMonth, within scope: RegionScope) -> SQLQueryString {
        let confirmed = HomeCareOrderState.confirmed.rawValue
        return """
            WITH charged AS (
              SELECT o.id, o.provider_id, o.person_id, o.worker_id, o.service, o.units, o.check_in_at, o.check_out_at,
                o.region, o.charge_fen, COALESCE(e.monthly_fen, 0) AS entitlement,
                SUM(o.charge_fen) OVER (PARTITION BY o.person_id ORDER BY o.check_in_at, o.id ROWS UNBOUNDED PRECEDING) AS running
              FROM home_care_orders o
              LEFT JOIN home_care_entitlements e ON e.person_id = o.person_id AND e.month = o.month
              WHERE o.month = \(bind: month.description) AND o.state = \(bind: confirmed) AND o.held = \(bind: false)
                AND o.person_id IN (SELECT person_id FROM home_care_orders WHERE month = \(bind: month.description)
                  AND \(scope.condition("region")))
            ), split AS (
              SELECT charged.*, CASE
                WHEN entitlement - (running - charge_fen) <= 0 THEN 0
                WHEN entitlement - (running - charge_fen) >= charge_fen THEN charge_fen
                ELSE entitlement - (running - charge_fen) END AS subsidy
              FROM charged
            )
            """
    }

    /// The month's totals by provider, largest subsidy first, and their sums.
    func settlement(month: YearMonth, within scope: RegionScope) async throws -> Settlement {
        var totals = try await db.raw(
            """
            \(Self.split(month: month, within: scope))
            SELECT s.provider_id, pr.name, COUNT(*) AS visits, COUNT(DISTINCT s.person_id) AS persons,
              CAST(SUM(s.charge_fen) AS BIGINT) AS charged, CAST(SUM(s.subsidy) AS BIGINT) AS subsidy
            FROM split s JOIN home_care_providers pr ON pr.id = s.provider_id
            GROUP BY s.provider_id, pr.name ORDER BY subsidy DESC, pr.name
            """
        ).all().map { row in
            let charged = try row.decode(column: "charged", as: Int64.self)
            let subsidy = try row.decode(column: "subsidy", as: Int64.self)
            return ProviderTotal(
                providerId: try row.decode(column: "provider_id", as: UUID.self),
                providerName: try row.decode(column: "name", as: String.self),
                visits: try row.decode(column: "visits", as: Int.self),
                persons: try row.decode(column: "persons", as: Int.self), chargedFen: charged, subsidyFen: subsidy,
                selfPaidFen: charged - subsidy, heldVisits: 0)
        }
        let held = try await heldVisits(month: month, within: scope)
        for i in totals.indices { totals[i].heldVisits = held[totals[i].providerId] ?? 0 }
        return Settlement(month: month, providers: totals)
    }

    private func heldVisits(month: YearMonth, within scope: RegionScope) async throws -> [UUID: Int] {
        Dictionary(
            uniqueKeysWithValues: try await db.raw(
                """
                SELECT provider_id, COUNT(*) AS n FROM home_care_orders WHERE month = \(bind: month.description)
                  AND held = \(bind: true) AND \(scope.condition("region")) GROUP BY provider_id
                """
            ).all().map {
                (try $0.decode(column: "provider_id", as: UUID.self), try $0.decode(column: "n", as: Int.self))
            })
    }

    /// One provider's settled visits of the month, in check-in order, for its statement.
    func lines(month: YearMonth, provider: UUID, within scope: RegionScope) async throws -> [Line] {
        try await db.raw(
            """
            \(Self.split(month: month, within: scope))
            SELECT s.id, s.service, s.units, s.check_in_at, s.check_out_at, s.charge_fen, CAST(s.subsidy AS BIGINT) AS subsidy,
              p.name AS person_name, p.id_masked, w.name AS worker_name
            FROM split s JOIN persons p ON p.id = s.person_id JOIN home_care_workers w ON w.id = s.worker_id
            WHERE s.provider_id = \(bind: provider) AND \(scope.condition("s.region"))
            ORDER BY s.check_in_at, s.id
            """
        ).all().map { row in
            Line(
                order: try row.decode(column: "id", as: UUID.self),
                personName: try row.decode(column: "person_name", as: String.self),
                idMasked: try row.decode(column: "id_masked", as: String.self),
                service: try row.decode(column: "service", as: String.self),
                units: try row.decode(column: "units", as: Int.self),
                checkIn: try row.decode(column: "check_in_at", as: Int64.self),
                checkOut: try row.decode(column: "check_out_at", as: Int64.self),
                workerName: try row.decode(column: "worker_name", as: String.self),
                chargedFen: try row.decode(column: "charge_fen", as: Int64.self),
                subsidyFen: try row.decode(column: "subsidy", as: Int64.self))
        }
    }
}
