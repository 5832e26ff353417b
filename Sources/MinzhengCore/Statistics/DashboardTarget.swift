/// The leadership dashboard (领导驾驶舱): the year's targets, each a dated policy parameter,
/// against where a region stands by the same figures as the statistics (`StatisticsCatalogue`).
public struct DashboardTarget: Sendable {
    public enum Measure: Sendable {
        /// A share in basis points: one figure over another (nursing beds over beds).
        case share(numerator: String, denominator: String)
        /// A figure's value (a flow over the year, a stock at its last month).
        case count(String)
    }

    public let key: PolicyParameterKey
    public let name: String
    public let measure: Measure
    /// A share in force for the city holds for its districts too; a count target is a region's
    /// own (a district does not inherit the city's number).
    public var inherited: Bool {
        if case .share = measure { return true }
        return false
    }

    public static let all: [DashboardTarget] = [
        DashboardTarget(
            key: .nursingBedTarget, name: "护理型床位占比",
            measure: .share(numerator: StatisticsCatalogue.nursingBeds, denominator: StatisticsCatalogue.beds)),
        DashboardTarget(
            key: .adaptationYearTarget, name: "居家适老化改造完工（户）", measure: .count(StatisticsCatalogue.adaptations)),
        DashboardTarget(
            key: .rentalYearTarget, name: "辅具租赁受补贴（人）", measure: .count(StatisticsCatalogue.rentalPeopleNew)),
        DashboardTarget(
            key: .rehabStationTarget, name: "德康驿站（个）", measure: .count(StatisticsCatalogue.rehabStations)),
    ]

    /// Where a region stands, from its figures' totals: basis points for a share (0 without a
    /// denominator), the value for a count.
    public func actual(_ totals: [String: Int64]) -> Int64 {
        switch measure {
        case .share(let numerator, let denominator):
            let d = totals[denominator] ?? 0
            return d > 0 ? (totals[numerator] ?? 0) * 10_000 / d : 0
        case .count(let figure):
            return totals[figure] ?? 0
        }
    }

    /// The text of a value of this target (a share as a percent with one decimal).
    public func text(_ value: Int64) -> String {
        switch measure {
        case .share:
            return "\(value / 100).\(value % 100 / 10)%"
        case .count:
            return "\(value)"
        }
    }

    /// Whole percent of the target reached (100 and over when met; nil without a target).
    public static func percent(actual: Int64, target: Int64?) -> Int? {
        guard let target, target > 0 else { return nil }
        return Int(actual * 100 / target)
    }
}
