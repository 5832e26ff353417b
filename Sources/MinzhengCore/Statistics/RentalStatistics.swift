import Foundation

/// The device-rental figures of a month from the operators' settlement of that month: the rental
/// months charged, their subsidy, and the people subsidised for the first time in the year — a
/// flow, so the year's total is the number of people subsidised that year, each once (the
/// dashboard's `rentalYearTarget` counts them so).
public enum RentalStatistics {
    /// One rental month of the settlement.
    public struct Charge: Sendable, Hashable {
        public let region: String
        public let person: UUID
        public let subsidyFen: Int64

        public init(region: String, person: UUID, subsidyFen: Int64) {
            (self.region, self.person, self.subsidyFen) = (region, person, subsidyFen)
        }
    }

    /// The month's cells, by street. A person subsidised in the month and not in `earlier` (the
    /// people subsidised in the year's earlier months) counts once, in the lowest region code of
    /// their subsidised rentals that month, so the cells of the city add up to the same people
    /// whichever region a view starts from.
    public static func cells(_ month: [Charge], earlier: Set<UUID>) -> [StatisticsCell] {
        var cells: [StatisticsCell] = []
        var firstRegion: [UUID: String] = [:]
        for c in month {
            let street = String(c.region.prefix(9))
            cells.append(StatisticsCell(region: street, figure: StatisticsCatalogue.rentalMonths, value: 1))
            cells.append(StatisticsCell(region: street, figure: StatisticsCatalogue.rentalSubsidy, value: c.subsidyFen))
            if c.subsidyFen > 0, !earlier.contains(c.person) {
                firstRegion[c.person] = min(firstRegion[c.person] ?? street, street)
            }
        }
        for region in firstRegion.values {
            cells.append(StatisticsCell(region: region, figure: StatisticsCatalogue.rentalPeopleNew, value: 1))
        }
        return StatisticsCells.canonical(cells)
    }

    /// The people subsidised in a month's charges.
    public static func subsidised(_ month: [Charge]) -> Set<UUID> {
        Set(month.filter { $0.subsidyFen > 0 }.map(\.person))
    }
}
