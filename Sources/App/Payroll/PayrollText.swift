import MinzhengCore

/// Chinese names of payroll states as stored, for pages and messages; an unknown value is
/// shown as it is.
enum PayrollText {
    static func state(_ state: String) -> String { RollState(rawValue: state)?.chinese ?? state }

    static func line(_ status: String) -> String { PayrollLineStatus(rawValue: status)?.chinese ?? status }
}
