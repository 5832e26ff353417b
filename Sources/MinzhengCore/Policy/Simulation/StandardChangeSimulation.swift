/// What-if analysis of a dibao standard change, one household at a time.
///
/// Each household is assessed at `change.from` twice: with the baseline parameters in
/// force for its region then, and with the same parameters but S replaced. Only totals
/// per district are kept, so a batch job can stream every household of the city from
/// the database (in ID-ranged pages) in bounded memory; parameters are resolved once
/// per region code and cached (a city has at most a few thousand codes).
public struct StandardChangeSimulation: Sendable {
    public let change: StandardChange
    private let baseline: PolicyParameterHistory
    private var parametersByRegion: [String: Result<RegionParameters, PolicyParameterError>] = [:]
    public private(set) var overall = SimulationTotals()
    private var byDistrict: [String: SimulationTotals] = [:]

    private struct RegionParameters: Sendable {
        let baseline: PolicyParameters
        let proposed: PolicyParameters
    }

    public init(baseline: PolicyParameterHistory, change: StandardChange) {
        self.baseline = baseline
        self.change = change
    }

    /// Assesses one household and adds it to its district's totals and the overall ones.
    /// A household that cannot be assessed is counted as skipped and reported, not thrown.
    @discardableResult
    public mutating func add(_ household: SimulationHousehold) -> SimulationHouseholdResult {
        let result = evaluate(household)
        switch result {
        case .assessed(let simulated):
            overall.record(simulated)
            byDistrict[household.district, default: SimulationTotals()].record(simulated)
        case .skipped:
            overall.recordSkip()
            byDistrict[household.district, default: SimulationTotals()].recordSkip()
        }
        return result
    }

    /// Adds every household of a page.
    public mutating func add<S: Sequence>(contentsOf households: S) where S.Element == SimulationHousehold {
        for household in households { add(household) }
    }

    /// One row per district seen, sorted by district code.
    public var districtRows: [SimulationDistrictRow] {
        byDistrict.keys.sorted().map { SimulationDistrictRow(district: $0, totals: byDistrict[$0]!) }
    }

    public var report: StandardChangeReport {
        StandardChangeReport(change: change, overall: overall, districts: districtRows)
    }

    /// Adds the totals of another simulation of the same change (e.g. run on another
    /// range of household IDs in parallel).
    public mutating func merge(_ other: StandardChangeSimulation) {
        precondition(other.change == change, "merging simulations of different changes")
        overall.merge(other.overall)
        for (district, totals) in other.byDistrict { byDistrict[district, default: SimulationTotals()].merge(totals) }
    }

    private mutating func parameters(for region: String) -> Result<RegionParameters, PolicyParameterError> {
        if let cached = parametersByRegion[region] { return cached }
        let newStandard = change.newStandard.value
        let resolved = Result { () throws(PolicyParameterError) -> RegionParameters in
            let base = try baseline.parameters(for: region, month: change.from)
            return RegionParameters(baseline: base, proposed: try base.replacing(.dibaoStandard, with: newStandard))
        }
        parametersByRegion[region] = resolved
        return resolved
    }

    private mutating func evaluate(_ household: SimulationHousehold) -> SimulationHouseholdResult {
        var request = household.request
        request.month = change.from
        do throws(AssessmentRequestError) {
            try request.validate()
        } catch {
            return .skipped(id: household.id, district: household.district, .invalidRequest(error))
        }
        let both: RegionParameters
        switch parameters(for: request.region) {
        case .success(let resolved): both = resolved
        case .failure(let error): return .skipped(id: household.id, district: household.district, .noParameters(error))
        }
        return .assessed(
            SimulatedHousehold(
                id: household.id, district: household.district, persons: request.members.count,
                baselineMonthly: Self.monthlyTotal(PolicyEngine.assess(request, parameters: both.baseline)),
                proposedMonthly: Self.monthlyTotal(PolicyEngine.assess(request, parameters: both.proposed))))
    }

    private static func monthlyTotal(_ assessment: Assessment) -> Fen {
        assessment.programs.reduce(Fen.zero) { $0 + $1.monthly }
    }
}
