/// The early-warning rules of CATALOG.md. The raw value is the rule code stored with an
/// alert and used in its dedupe key, so it never changes once alerts refer to it.
///
/// The three asset rules (vehicle, realEstate, business) share one CATALOG.md row but keep
/// their own codes: the monitoring page counts them apart, and a car and a second flat
/// found in the same month are two facts for the visit to settle.
public enum EarlyWarningRule: String, CaseIterable, Codable, Sendable {
    case death, vehicle, realEstate, business, incomeRise, medicalBurden
    case jobLoss, severeDisability, aloneUnvisited, custody

    public var level: AlertLevel {
        switch self {
        case .death: return .red
        case .vehicle, .realEstate, .business, .medicalBurden: return .orange
        case .incomeRise, .jobLoss, .severeDisability, .aloneUnvisited, .custody: return .yellow
        }
    }
}
