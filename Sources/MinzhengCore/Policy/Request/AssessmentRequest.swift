/// One household to assess for one month: the body of `POST /api/v1/assessments` and of
/// `minzheng assess` (POLICY.md section 4). Field names mirror the JSON contract.
///
/// Decode untrusted JSON with `init(jsonData:)`, which also validates. A request built
/// in code (from registry records) should go through `validate()` before `PolicyEngine.assess`.
public struct AssessmentRequest: Sendable, Hashable {
    /// A 2/4/6/9/12-digit region code; its parameters may come from an enclosing region.
    public var region: String
    public var month: YearMonth
    public var members: [Member]
    public var assets: Assets
    public var annualRigidExpensesFen: RigidExpenses

    public init(
        region: String, month: YearMonth, members: [Member],
        assets: Assets = Assets(), annualRigidExpensesFen: RigidExpenses = RigidExpenses()
    ) {
        self.region = region
        self.month = month
        self.members = members
        self.assets = assets
        self.annualRigidExpensesFen = annualRigidExpensesFen
    }

    /// A household member; the defaults are those of the contract.
    public struct Member: Sendable, Hashable {
        public var birthDate: CivilDate
        public var sex: Sex
        public var hukou: Hukou
        /// 1 (most severe) … 4, or nil when the member has no certified disability.
        public var disabilityGrade: Int?
        public var disabilityKind: DisabilityKind?
        public var seriousIllness: Bool
        public var selfCare: SelfCare
        public var laborCapacity: LaborCapacity
        /// A relative bound and able to support the member (法定赡养、抚养、扶养义务人).
        public var hasCapableSupporter: Bool
        public var orphan: Bool
        public var careSetting: CareSetting?
        public var childCategory: ChildCategory?
        public var incomes: [Income]

        public init(
            birthDate: CivilDate, sex: Sex, hukou: Hukou = .urban,
            disabilityGrade: Int? = nil, disabilityKind: DisabilityKind? = nil,
            seriousIllness: Bool = false, selfCare: SelfCare = .full,
            laborCapacity: LaborCapacity = .full, hasCapableSupporter: Bool = true,
            orphan: Bool = false, careSetting: CareSetting? = nil,
            childCategory: ChildCategory? = nil, incomes: [Income] = []
        ) {
            self.birthDate = birthDate
            self.sex = sex
            self.hukou = hukou
            self.disabilityGrade = disabilityGrade
            self.disabilityKind = disabilityKind
            self.seriousIllness = seriousIllness
            self.selfCare = selfCare
            self.laborCapacity = laborCapacity
            self.hasCapableSupporter = hasCapableSupporter
            self.orphan = orphan
            self.careSetting = careSetting
            self.childCategory = childCategory
            self.incomes = incomes
        }
    }

    public struct Income: Sendable, Hashable {
        public var kind: IncomeKind
        public var monthlyFen: Fen

        public init(kind: IncomeKind, monthlyFen: Fen) {
            self.kind = kind
            self.monthlyFen = monthlyFen
        }
    }

    public struct Assets: Sendable, Hashable {
        public var financialFen: Fen
        /// Vehicles that are not exempt (a disabled person's mobility vehicle is exempt).
        public var vehicles: Int
        public var residentialProperties: Int
        public var ownsBusiness: Bool

        public init(
            financialFen: Fen = 0, vehicles: Int = 0, residentialProperties: Int = 0, ownsBusiness: Bool = false
        ) {
            self.financialFen = financialFen
            self.vehicles = vehicles
            self.residentialProperties = residentialProperties
            self.ownsBusiness = ownsBusiness
        }
    }

    /// Annual rigid expenses (刚性支出) of the household, for R7.
    public struct RigidExpenses: Sendable, Hashable {
        public var medical: Fen
        public var education: Fen
        public var rehabilitation: Fen
        public var disaster: Fen

        public init(medical: Fen = 0, education: Fen = 0, rehabilitation: Fen = 0, disaster: Fen = 0) {
            self.medical = medical
            self.education = education
            self.rehabilitation = rehabilitation
            self.disaster = disaster
        }

        public var total: Fen { medical + education + rehabilitation + disaster }
    }

    /// Kept inside the request type: only the contract uses these codes so far.
    public enum IncomeKind: String, Sendable, Hashable, CaseIterable {
        case wage, business, property, pension, unemployment, support, other
        case specialCare, award, assistance, disabilitySubsidy, orphanAllowance
        case childcareSubsidy, onlyChildBonus, seniorAllowance

        /// Counted in the means test (POLICY.md section 2); the other kinds are exempt.
        public var isCounted: Bool {
            switch self {
            case .wage, .business, .property, .pension, .unemployment, .support, .other: return true
            case .specialCare, .award, .assistance, .disabilitySubsidy, .orphanAllowance,
                .childcareSubsidy, .onlyChildBonus, .seniorAllowance:
                return false
            }
        }

        /// Earned income, which gets the employment deduction.
        public var isEarned: Bool { self == .wage || self == .business }
    }

    /// Where an orphan is raised.
    public enum CareSetting: String, Sendable, Hashable, CaseIterable {
        case institution, community
    }

    /// The kind of a child in distress (困境儿童).
    public enum ChildCategory: String, Sendable, Hashable, CaseIterable {
        /// 事实无人抚养儿童.
        case unsupported
        /// 监护缺失儿童.
        case guardianshipLost
        /// 重残、重病儿童.
        case disabledOrIll
    }
}
