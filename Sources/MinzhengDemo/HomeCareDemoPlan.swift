import MinzhengCore

/// The demo's home-care visits: for each older person, visits of last month (confirmed,
/// for a settlement with figures) and of this month up to today (at every step), with a
/// plausible length and now and then one far too long, so that every page and flag shows.
public enum HomeCareDemoPlan {
    public struct Visit: Sendable, Equatable {
        public let day: CivilDate
        public let service: HomeCareServiceKind
        public let units: Int
        /// Minutes after midnight, Beijing time, of the check-in.
        public let start: Int
        public let minutes: Int
        public let state: HomeCareOrderState
    }

    /// The visits of the person at `index` in the month of `today` and the one before.
    public static func visits(person index: Int, today: CivilDate) -> [Visit] {
        var random = SplitMix64(seed: 0x4843_0000 &+ UInt64(index))
        let last = today.yearMonth.adding(months: -1)
        var visits: [Visit] = []
        for _ in 0..<random.inRange(2...4) {
            let day = CivilDate(year: last.year, month: last.month, day: random.inRange(1...28))!
            visits.append(visit(on: day, state: .confirmed, &random))
        }
        if today.day > 1 {
            let day = CivilDate(year: today.year, month: today.month, day: random.inRange(1...(today.day - 1)))!
            visits.append(visit(on: day, state: random.chance(perMille: 700) ? .confirmed : .served, &random))
        }
        let waiting: [HomeCareOrderState] = [.requested, .assigned, .inService]
        visits.append(visit(on: today, state: waiting[random.below(waiting.count)], &random))
        return visits
    }

    private static func visit(on day: CivilDate, state: HomeCareOrderState, _ random: inout SplitMix64) -> Visit {
        let service = HomeCareServiceKind.allCases[random.below(HomeCareServiceKind.allCases.count)]
        let units = random.inRange(1...HomeCareOrderRequest.maximumUnits(service) / (service.unit == .hour ? 4 : 1))
        let norm: Int
        switch service.unit {
        case .meal: norm = 20
        case .visit: norm = 50
        case .hour: norm = 60 * units
        }
        // One visit in forty lasts five times as long: the review flags it.
        let minutes = random.chance(perMille: 25) ? norm * 5 : norm + random.inRange(-10...10)
        return Visit(
            day: day, service: service, units: units, start: 8 * 60 + 15 * random.below(36), minutes: minutes,
            state: state)
    }
}
