import MinzhengCore
import NIOConcurrencyHelpers

/// The policy parameters in force in one month, resolved once per region for a whole feed
/// file: resolving them per batch was a twentieth of a medical-expense file.
final class MonthlyParameters: Sendable {
    let month: YearMonth
    private let history: PolicyParameterHistory
    private let resolved = NIOLockedValueBox<[String: PolicyParameters?]>([:])

    init(history: PolicyParameterHistory, month: YearMonth) {
        self.history = history
        self.month = month
    }

    /// Nil when no parameters are in force for the region.
    func forRegion(_ region: String) -> PolicyParameters? {
        if let known = resolved.withLockedValue({ $0[region] }) { return known }
        let parameters = try? history.parameters(for: region, month: month)
        resolved.withLockedValue { _ = $0.updateValue(parameters, forKey: region) }
        return parameters
    }
}
