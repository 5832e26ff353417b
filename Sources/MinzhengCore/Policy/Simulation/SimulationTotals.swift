/// The counts and sums of a what-if analysis over some households: one district's, or
/// all of them. Money is monthly, in fen.
public struct SimulationTotals: Sendable, Hashable {
    public internal(set) var householdsAssessed = 0
    /// Households whose parameters or means could not be used.
    public internal(set) var householdsSkipped = 0
    public internal(set) var householdsEntering = 0
    public internal(set) var householdsLeaving = 0
    public internal(set) var householdsChanging = 0
    public internal(set) var personsEntering = 0
    public internal(set) var personsLeaving = 0
    public internal(set) var personsChanging = 0
    public internal(set) var baselineMonthly: Fen = .zero
    public internal(set) var proposedMonthly: Fen = .zero

    public init() {}

    /// Proposed minus baseline: the monthly cost of the change (negative when it saves).
    public var difference: Fen { proposedMonthly - baselineMonthly }

    mutating func record(_ household: SimulatedHousehold) {
        householdsAssessed += 1
        baselineMonthly = baselineMonthly + household.baselineMonthly
        proposedMonthly = proposedMonthly + household.proposedMonthly
        switch household.outcome {
        case .enters:
            householdsEntering += 1
            personsEntering += household.persons
        case .leaves:
            householdsLeaving += 1
            personsLeaving += household.persons
        case .changesAmount:
            householdsChanging += 1
            personsChanging += household.persons
        case .unchanged:
            break
        }
    }

    mutating func recordSkip() { householdsSkipped += 1 }

    /// Adds another part's totals, e.g. of a batch run in parallel.
    public mutating func merge(_ other: SimulationTotals) {
        householdsAssessed += other.householdsAssessed
        householdsSkipped += other.householdsSkipped
        householdsEntering += other.householdsEntering
        householdsLeaving += other.householdsLeaving
        householdsChanging += other.householdsChanging
        personsEntering += other.personsEntering
        personsLeaving += other.personsLeaving
        personsChanging += other.personsChanging
        baselineMonthly = baselineMonthly + other.baselineMonthly
        proposedMonthly = proposedMonthly + other.proposedMonthly
    }
}

/// One district's line of the report.
public struct SimulationDistrictRow: Sendable, Hashable {
    public let district: String
    public let totals: SimulationTotals

    public init(district: String, totals: SimulationTotals) {
        self.district = district
        self.totals = totals
    }
}

/// The finished analysis: the question, the overall totals, and one row per district
/// in district-code order.
public struct StandardChangeReport: Sendable, Hashable {
    public let change: StandardChange
    public let overall: SimulationTotals
    public let districts: [SimulationDistrictRow]
}
