/// How a person's visits of a month are paid: in check-in order, the public subsidy pays
/// each visit's charge while the month's entitlement lasts; the rest is self-paid. A visit
/// that was only partly or not at all covered is flagged `entitlementExceeded`.
public enum HomeCareSettlementRule {
    public struct Split: Sendable, Equatable {
        public let subsidy: Fen
        public let selfPaid: Fen

        public init(subsidy: Fen, selfPaid: Fen) {
            self.subsidy = subsidy
            self.selfPaid = selfPaid
        }

        public var exceeded: Bool { selfPaid > .zero }
    }

    /// The split of each charge, in the order given (the visits' check-in order).
    public static func split(charges: [Fen], entitlement: Fen) -> [Split] {
        var left = entitlement
        return charges.map { charge in
            let subsidy = min(charge, max(left, .zero))
            left = left - subsidy
            return Split(subsidy: subsidy, selfPaid: charge - subsidy)
        }
    }
}
