/// What the app knows about the person a feed row names, read from the registry and the
/// enrollments just before the rules run. A plain snapshot, so the rules stay pure and a
/// batch job can build thousands of them from a few joined queries.
public struct EarlyWarningContext: Sendable {
    /// The day of evaluation: ages are taken on it and alerts are raised on it.
    public var today: CivilDate
    public var person: MonitoredPerson
    public var household: MonitoredHousehold
    /// The in-force and past enrollments of the person's household (all members).
    public var enrollments: [EnrollmentSnapshot]
    public var means: HouseholdMeans
    /// The person's out-of-pocket medical cost over the last 12 months, this row included.
    public var outOfPocketLast12Months: Fen
    public var assetLimits: AssetTestLimits
    public var thresholds: EarlyWarningThresholds

    public init(
        today: CivilDate, person: MonitoredPerson, household: MonitoredHousehold,
        enrollments: [EnrollmentSnapshot], means: HouseholdMeans, outOfPocketLast12Months: Fen,
        assetLimits: AssetTestLimits, thresholds: EarlyWarningThresholds = .defaults
    ) {
        self.today = today
        self.person = person
        self.household = household
        self.enrollments = enrollments
        self.means = means
        self.outOfPocketLast12Months = outOfPocketLast12Months
        self.assetLimits = assetLimits
        self.thresholds = thresholds
    }

    /// The benefits in force that cover the person (their own and their household's).
    public var personBenefitsInForce: [EnrollmentSnapshot] {
        enrollments.filter { $0.status.isInForce && $0.covers(personId: person.id) }
    }

    /// The person is covered by a means-tested program in force.
    public var personIsMeansTested: Bool { personBenefitsInForce.contains(where: \.isMeansTested) }

    /// Some member holds a means-tested program in force: the household is "enrolled" for
    /// the asset rules (R3 counts every member, a tekun member's too) and for custody.
    public var householdIsMeansTested: Bool {
        enrollments.contains { $0.status.isInForce && $0.isMeansTested }
    }

    /// The household holds `program` as a household program in force.
    public func householdHolds(_ program: PolicyProgram) -> Bool {
        enrollments.contains { $0.status.isInForce && $0.coverage == .household && $0.code == program.rawValue }
    }
}

/// The person a row is about, as the registry has them.
public struct MonitoredPerson: Hashable, Sendable {
    public var id: String
    public var birthDate: CivilDate
    public var isDeceased: Bool

    public init(id: String, birthDate: CivilDate, isDeceased: Bool = false) {
        self.id = id
        self.birthDate = birthDate
        self.isDeceased = isDeceased
    }
}

/// The person's household as the registry has it.
public struct MonitoredHousehold: Hashable, Sendable {
    public var id: String
    public var region: RegionCode
    public var memberCount: Int
    /// Ages of all members (the person included) on the day of evaluation.
    public var memberAges: [Int]
    public var personLivesAlone: Bool
    /// Residential properties held by the other members, so that a row giving the person's
    /// own count can be judged against the household limit of R3.
    public var residentialPropertiesOfOtherMembers: Int

    public init(
        id: String, region: RegionCode, memberCount: Int, memberAges: [Int], personLivesAlone: Bool,
        residentialPropertiesOfOtherMembers: Int = 0
    ) {
        self.id = id
        self.region = region
        self.memberCount = memberCount
        self.memberAges = memberAges
        self.personLivesAlone = personLivesAlone
        self.residentialPropertiesOfOtherMembers = residentialPropertiesOfOtherMembers
    }
}

/// The household's means as last assessed, updated with the row being evaluated.
public struct HouseholdMeans: Hashable, Sendable {
    /// S, the dibao standard in force for the household's region.
    public var dibaoStandard: Fen
    /// P of POLICY.md R2, recomputed by the app with the income this row reports (as
    /// `outOfPocketLast12Months` includes this row): the rules compare, they do not redo
    /// the means test.
    public var perCapitaCountedIncome: Fen
    /// The person is the household's only member with earned income.
    public var personIsOnlyEarner: Bool

    public init(dibaoStandard: Fen, perCapitaCountedIncome: Fen, personIsOnlyEarner: Bool) {
        self.dibaoStandard = dibaoStandard
        self.perCapitaCountedIncome = perCapitaCountedIncome
        self.personIsOnlyEarner = personIsOnlyEarner
    }
}

/// The parts of the asset test (POLICY.md R3) a single feed row can break. Any vehicle
/// breaks it (the feed cannot tell an exempt one; the visit can), and so does any business
/// still operating; properties break it above the limit.
public struct AssetTestLimits: Hashable, Sendable {
    public var maxResidentialProperties: Int

    public init(maxResidentialProperties: Int) { self.maxResidentialProperties = maxResidentialProperties }

    /// From the parameters in force for the household's region and month.
    public init(parameters: PolicyParameters) { maxResidentialProperties = parameters.maxResidentialProperties }
}
