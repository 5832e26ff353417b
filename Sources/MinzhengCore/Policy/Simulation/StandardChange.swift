/// A proposed dibao standard S (`dibaoStandard`), in force from a month: the question
/// "what if S were … from …?" that the what-if analysis answers.
public struct StandardChange: Sendable, Hashable {
    public let newStandard: Fen
    /// The month assessed, under both the baseline and the proposed standard.
    public let from: YearMonth

    /// Refuses a standard that could never be stored (negative, absurdly large), so that
    /// a typing error is reported once instead of skipping every household.
    public init(newStandard: Fen, from: YearMonth) throws(PolicyParameterError) {
        let key = PolicyParameterKey.dibaoStandard
        guard newStandard >= .zero else {
            throw .invalid(key: key, value: newStandard.value, problem: .negative)
        }
        guard newStandard.value <= key.kind.maximum else {
            throw .invalid(key: key, value: newStandard.value, problem: .tooLarge(maximum: key.kind.maximum))
        }
        self.newStandard = newStandard
        self.from = from
    }
}
