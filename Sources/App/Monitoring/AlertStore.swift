import MinzhengCore
import SQLKit

/// Reads of the early-warning alerts for the overview: open alerts counted by level, rule
/// or street, and alerts raised per month. (`AlertWriter` raises them.)
struct AlertStore {
    let db: SQLDatabase

    /// What open alerts are counted by; each is a fixed expression, never user input.
    enum Grouping {
        case level
        case rule
        /// The street's nine-digit code (its district's six first).
        case street

        fileprivate var expression: SQLRaw {
            switch self {
            case .level: return SQLRaw("level")
            case .rule: return SQLRaw("rule")
            case .street: return SQLRaw("SUBSTR(region, 1, 9)")
            }
        }
    }

    /// Open alerts within the region by `grouping`, in the grouping's order.
    func openCounts(by grouping: Grouping, within scope: RegionScope) async throws -> [(key: String, count: Int)] {
        let key = grouping.expression
        return try await db.raw(
            """
            SELECT \(key) AS k, COUNT(*) AS n FROM alerts WHERE status = 'open' AND \(scope.condition("region"))
            GROUP BY \(key) ORDER BY k
            """
        ).all().map { (try $0.decode(column: "k", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }

    /// Alerts raised within the region per month (`2026-11`), from `first` on.
    func raisedPerMonth(since first: YearMonth, within scope: RegionScope) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for r in try await db.raw(
            """
            SELECT SUBSTR(raised_on, 1, 7) AS m, COUNT(*) AS n FROM alerts WHERE raised_on >= \(bind: first.firstDay.description)
              AND \(scope.condition("region")) GROUP BY SUBSTR(raised_on, 1, 7)
            """
        ).all() {
            counts[try r.decode(column: "m", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
