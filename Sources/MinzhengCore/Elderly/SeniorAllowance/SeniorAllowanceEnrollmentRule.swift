/// 尊老金, 免申即享: what the monthly run does for one person, given their current allowance
/// enrollment. Stated once here; the run's SQL (`SeniorAllowanceStore`) selects by it and
/// `SeniorAllowanceAgreementTests` holds the two to the same answers.
///
/// - Nobody dead or moved out of the city is enrolled; everyone else whose age on the first of
///   the month reaches a tier is, from that month, at the tier's amount.
/// - An enrollment not ended (granted by an application or by this run alike: never a second one)
///   is stopped from the month after the death or the move out of the city, whichever is first;
/// - else its amount follows the tier of the month (a tier change at 90 or 100, or a change of the
///   dated parameters), from that month, when the amount in force then differs.
public enum SeniorAllowanceEnrollmentRule {
    public struct Person: Hashable, Sendable {
        public let born: CivilDate
        public let diedOn: CivilDate?
        /// The day the person's household left the city (the registry records a move as the
        /// person joining a household of another region).
        public let movedOutOn: CivilDate?

        public init(born: CivilDate, diedOn: CivilDate? = nil, movedOutOn: CivilDate? = nil) {
            self.born = born
            self.diedOn = diedOn
            self.movedOutOn = movedOutOn
        }

        /// The first month not paid any more: the month after the death or the move, whichever
        /// comes first; nil while neither happened.
        public var stopsFrom: YearMonth? {
            [diedOn, movedOutOn].compactMap { $0?.yearMonth.adding(months: 1) }.min()
        }
    }

    /// The person's allowance enrollment that is not ended.
    public struct Enrollment: Hashable, Sendable {
        /// The amount in force in the month of the run, when it is the latest one on record
        /// (nil when the enrollment starts later or a later amount is on record: a run for a
        /// past month changes no amount).
        public let amountInForce: Fen?

        public init(amountInForce: Fen?) {
            self.amountInForce = amountInForce
        }
    }

    public enum Decision: Hashable, Sendable {
        case enroll(amount: Fen)
        /// A new amount from the month (a raise at 90 or 100, or whatever the parameters say).
        case changeAmount(from: Fen, to: Fen)
        case stop(from: YearMonth)
        case nothing
    }

    public static func decide(
        _ person: Person, enrollment: Enrollment?, month: YearMonth, tiers: SeniorAllowanceTiers
    ) -> Decision {
        let stop = person.stopsFrom
        guard let enrollment else {
            // Dead or gone: never enrolled (not even for the months before, which were not claimed).
            guard stop == nil, let amount = tiers.amount(born: person.born, in: month) else { return .nothing }
            return .enroll(amount: amount)
        }
        if let stop { return .stop(from: stop) }
        guard let current = enrollment.amountInForce, let amount = tiers.amount(born: person.born, in: month),
            amount != current
        else { return .nothing }
        return .changeAmount(from: current, to: amount)
    }

    /// Whether a month's payment to the person was due at all (the wrong-payment check): not
    /// after the month of the death or of the move out of the city.
    public static func payable(_ person: Person, in month: YearMonth) -> Bool {
        person.stopsFrom.map { month < $0 } ?? true
    }
}
