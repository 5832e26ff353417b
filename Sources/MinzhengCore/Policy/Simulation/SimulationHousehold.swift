/// One household fed to the what-if analysis: its declared means, and where it is
/// counted in the report.
public struct SimulationHousehold: Sendable, Hashable {
    /// The caller's identifier (a household UUID), echoed in the per-household result.
    public var id: String
    /// The 6-digit district code the report groups by.
    public var district: String
    /// Assessed at the change's `from` month whatever month it carries.
    public var request: AssessmentRequest

    public init(id: String, district: String, request: AssessmentRequest) {
        self.id = id
        self.district = district
        self.request = request
    }
}
