import Foundation

/// The assessment contract of POLICY.md section 4 end to end — JSON in, JSON out — shared
/// by `POST /api/v1/assessments`, `minzheng assess` and the calculator page, so the three
/// can never answer differently.
public struct AssessmentService: Sendable {
    public let history: PolicyParameterHistory

    public init(history: PolicyParameterHistory) {
        self.history = history
    }

    /// Parses and validates the request, then assesses it with the parameters in force
    /// for its region and month.
    public func assess(jsonData: Data) throws(AssessmentRequestError) -> AssessmentResponse {
        try assessValid(AssessmentRequest(jsonData: jsonData))
    }

    /// A request built in code (from the registry and a declaration on file) is validated
    /// too: what was stored before a bound existed is refused, naming the field.
    public func assess(_ request: AssessmentRequest) throws(AssessmentRequestError) -> AssessmentResponse {
        AssessmentResponse(try assessment(request))
    }

    /// The engine's assessment of a request built in code (not its JSON answer), validated the same way.
    public func assessment(_ request: AssessmentRequest) throws(AssessmentRequestError) -> Assessment {
        try request.validate()
        return PolicyEngine.assess(request, parameters: try parameters(for: request))
    }

    private func assessValid(_ request: AssessmentRequest) throws(AssessmentRequestError) -> AssessmentResponse {
        try AssessmentResponse(PolicyEngine.assess(request, parameters: parameters(for: request)))
    }

    /// A region without a policy of its own nor of any enclosing region is an invalid
    /// `region` for the contract, a month before its policy starts an invalid `month`.
    public func parameters(for request: AssessmentRequest) throws(AssessmentRequestError) -> PolicyParameters {
        do {
            return try history.parameters(for: request.region, month: request.month)
        } catch {
            if case .noneInForce = error {
                // Rows that start later than the month make it the month's fault; none at all, the region's.
                let latest = YearMonth(year: 9999, month: 12)!
                let regionHasPolicy = (try? history.parameters(for: request.region, month: latest)) != nil
                throw AssessmentRequestError(field: regionHasPolicy ? "month" : "region", message: error.description)
            }
            throw AssessmentRequestError(field: nil, message: error.description)
        }
    }
}
