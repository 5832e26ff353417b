/// How a proposed standard moves one household's monthly cash.
public enum SimulationOutcome: String, Sendable, Hashable, CaseIterable {
    /// Nothing before, something after.
    case enters
    /// Something before, nothing after.
    case leaves
    /// Something before and after, a different amount.
    case changesAmount
    /// The same amount (including nothing) before and after.
    case unchanged

    init(baseline: Fen, proposed: Fen) {
        switch (baseline > .zero, proposed > .zero) {
        case (false, true): self = .enters
        case (true, false): self = .leaves
        case (true, true): self = baseline == proposed ? .unchanged : .changesAmount
        case (false, false): self = .unchanged
        }
    }
}

/// One household assessed twice: under the baseline parameters and under the proposal.
///
/// "Monthly total" is the sum of every eligible program's monthly amount (dibao, tekun,
/// subsidies, allowances), since all of them are paid from the same budget and several
/// are rates of S.
public struct SimulatedHousehold: Sendable, Hashable {
    public let id: String
    public let district: String
    /// Members in the request (tekun members included).
    public let persons: Int
    public let baselineMonthly: Fen
    public let proposedMonthly: Fen

    public init(id: String, district: String, persons: Int, baselineMonthly: Fen, proposedMonthly: Fen) {
        self.id = id
        self.district = district
        self.persons = persons
        self.baselineMonthly = baselineMonthly
        self.proposedMonthly = proposedMonthly
    }

    public var difference: Fen { proposedMonthly - baselineMonthly }
    public var outcome: SimulationOutcome { SimulationOutcome(baseline: baselineMonthly, proposed: proposedMonthly) }
}

/// Why a household was left out of the analysis; it is counted, never fatal.
public enum SimulationSkip: Sendable, Hashable {
    /// No complete parameter set for its region in the month (or the proposal made it invalid).
    case noParameters(PolicyParameterError)
    /// The stored means do not form a valid request (e.g. a birth date after the month).
    case invalidRequest(AssessmentRequestError)
}

/// What adding one household did.
public enum SimulationHouseholdResult: Sendable, Hashable {
    case assessed(SimulatedHousehold)
    case skipped(id: String, district: String, SimulationSkip)
}
