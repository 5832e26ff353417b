/// The dated numbers of the community rental of assistive devices (CHILDREN.md, "Assistive-device
/// rental"), read from the stored policy parameters: each kind's rent a month and deposit, the
/// subsidy's shares and caps, the age that qualifies, the overdue and lost thresholds, and the
/// yearly target of people subsidised.
public struct RentalParameters: Sendable, Hashable {
    /// Rent a month, per kind of device.
    public var rent: [RentalDeviceKind: Fen]
    /// Deposit, per kind of device.
    public var deposit: [RentalDeviceKind: Fen]
    /// Dibao and tekun: this share of the rent (1.00) up to the cap a month (200 yuan), no deposit.
    public var fullShare: Rate
    public var fullCap: Fen
    /// A disability certificate or the age: this share (0.50) up to the cap (100 yuan).
    public var halfShare: Rate
    public var halfCap: Fen
    /// The age (completed years at the month's last day) from which the reduced subsidy applies (80).
    public var subsidyAge: Int
    /// Days after the end of a rental without the device back: overdue (30), lost with the deposit kept (90).
    public var overdueDays: Int
    public var lostDays: Int
    /// People subsidised a year, the plan's target (5 000).
    public var yearTarget: Int

    public static let keys: [PolicyParameterKey] =
        RentalDeviceKind.allCases.flatMap { [$0.rentKey, $0.depositKey] } + [
            .rentalSubsidyFullShare, .rentalSubsidyFullCap, .rentalSubsidyHalfShare, .rentalSubsidyHalfCap,
            .rentalSubsidyAge, .rentalOverdueDays, .rentalLostDays, .rentalYearTarget,
        ]

    public init(
        rent: [RentalDeviceKind: Fen], deposit: [RentalDeviceKind: Fen], fullShare: Rate, fullCap: Fen,
        halfShare: Rate, halfCap: Fen, subsidyAge: Int, overdueDays: Int, lostDays: Int, yearTarget: Int
    ) {
        self.rent = rent
        self.deposit = deposit
        self.fullShare = fullShare
        self.fullCap = fullCap
        self.halfShare = halfShare
        self.halfCap = halfCap
        self.subsidyAge = subsidyAge
        self.overdueDays = overdueDays
        self.lostDays = lostDays
        self.yearTarget = yearTarget
    }

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func fen(_ key: PolicyParameterKey) -> Fen { Fen(values[key] ?? 0) }
        func rate(_ key: PolicyParameterKey) -> Rate { Rate(basisPoints: values[key] ?? 0) }
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            rent: Dictionary(uniqueKeysWithValues: RentalDeviceKind.allCases.map { ($0, fen($0.rentKey)) }),
            deposit: Dictionary(uniqueKeysWithValues: RentalDeviceKind.allCases.map { ($0, fen($0.depositKey)) }),
            fullShare: rate(.rentalSubsidyFullShare), fullCap: fen(.rentalSubsidyFullCap),
            halfShare: rate(.rentalSubsidyHalfShare), halfCap: fen(.rentalSubsidyHalfCap),
            subsidyAge: int(.rentalSubsidyAge), overdueDays: int(.rentalOverdueDays), lostDays: int(.rentalLostDays),
            yearTarget: int(.rentalYearTarget))
    }

    public var values: [PolicyParameterKey: Int64] {
        var v: [PolicyParameterKey: Int64] = [
            .rentalSubsidyFullShare: fullShare.basisPoints, .rentalSubsidyFullCap: fullCap.value,
            .rentalSubsidyHalfShare: halfShare.basisPoints, .rentalSubsidyHalfCap: halfCap.value,
            .rentalSubsidyAge: Int64(subsidyAge), .rentalOverdueDays: Int64(overdueDays),
            .rentalLostDays: Int64(lostDays), .rentalYearTarget: Int64(yearTarget),
        ]
        for kind in RentalDeviceKind.allCases {
            v[kind.rentKey] = (rent[kind] ?? .zero).value
            v[kind.depositKey] = (deposit[kind] ?? .zero).value
        }
        return v
    }

    /// CHILDREN.md's defaults.
    public static let defaults = RentalParameters(
        rent: [
            .manualWheelchair: Fen(yuan: 30), .electricWheelchair: Fen(yuan: 150), .walker: Fen(yuan: 10),
            .careBed: Fen(yuan: 100), .commodeChair: Fen(yuan: 15), .bathSeat: Fen(yuan: 10),
            .antiBedsoreMattress: Fen(yuan: 40),
        ],
        deposit: [
            .manualWheelchair: Fen(yuan: 300), .electricWheelchair: Fen(yuan: 2_000), .walker: Fen(yuan: 100),
            .careBed: Fen(yuan: 1_000), .commodeChair: Fen(yuan: 150), .bathSeat: Fen(yuan: 100),
            .antiBedsoreMattress: Fen(yuan: 400),
        ],
        fullShare: Rate(basisPoints: 10_000), fullCap: Fen(yuan: 200), halfShare: Rate(basisPoints: 5_000),
        halfCap: Fen(yuan: 100), subsidyAge: 80, overdueDays: 30, lostDays: 90, yearTarget: 5_000)
}
