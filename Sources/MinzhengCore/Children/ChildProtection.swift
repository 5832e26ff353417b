/// The categories a child in need is known by (CHILDREN.md): each has its reason, guardian,
/// start and end, and the age at which it ends by itself.
public enum ChildCategory: String, Sendable, CaseIterable, Codable {
    /// 集中养育孤儿: an orphan living in a child-welfare institution.
    case institutionOrphan
    /// 社会散居孤儿: an orphan living with relatives or a foster family.
    case scatteredOrphan
    /// 事实无人抚养儿童.
    case unsupported
    /// 困境儿童.
    case inDistress
    /// 留守儿童 (under the left-behind age limit, 16).
    case leftBehind

    public var chinese: String {
        switch self {
        case .institutionOrphan: return "集中养育孤儿"
        case .scatteredOrphan: return "社会散居孤儿"
        case .unsupported: return "事实无人抚养儿童"
        case .inDistress: return "困境儿童"
        case .leftBehind: return "留守儿童"
        }
    }

    /// Whether the record must say why (an orphan is one by the parents' deaths).
    public var needsReason: Bool { self != .institutionOrphan && self != .scatteredOrphan }
}

/// Why a category record ended.
public enum ChildCategoryEnd: String, Sendable, CaseIterable, Codable {
    /// 年满 18 周岁 (16 for a left-behind child): by itself, on the birthday.
    case agedOut
    /// Another category from the next day (the history keeps both).
    case changed
    case adopted
    case died
    /// The reason recorded ended (a parent released, recovered, returned home …).
    case reasonEnded
    case movedAway

    public var chinese: String {
        switch self {
        case .agedOut: return "年龄届满"
        case .changed: return "变更为其他类别"
        case .adopted: return "被收养"
        case .died: return "死亡"
        case .reasonEnded: return "认定情形消失"
        case .movedAway: return "迁出本地"
        }
    }

    /// The endings a worker may record (ageing out and changes are the system's).
    public static let recordable: [ChildCategoryEnd] = [.adopted, .died, .reasonEnded, .movedAway]
}

/// Where a child visit sends what it found.
public enum ChildReferral: String, Sendable, CaseIterable, Codable {
    case none, assistance, education, health, police, court

    public var chinese: String {
        switch self {
        case .none: return "无需转介"
        case .assistance: return "社会救助"
        case .education: return "教育部门"
        case .health: return "卫生健康部门"
        case .police: return "公安机关"
        case .court: return "人民法院"
        }
    }
}

/// The dated numbers of child protection (CHILDREN.md), read from the stored policy parameters.
public struct ChildParameters: Sendable, Hashable {
    /// Months between visits by the community child director; 0: not visited (an orphan in an institution).
    public var visitMonths: [ChildCategory: Int]
    /// A left-behind child is one under this age (16).
    public var leftBehindAgeLimit: Int
    /// The street sees the children turning adult within this many months (3).
    public var ageingNoticeMonths: Int

    public static let keys: [PolicyParameterKey] = [
        .childVisitMonthsScatteredOrphan, .childVisitMonthsUnsupported, .childVisitMonthsInDistress,
        .childVisitMonthsLeftBehind, .childLeftBehindAgeLimit, .childAgeingNoticeMonths,
    ]

    public init(visitMonths: [ChildCategory: Int], leftBehindAgeLimit: Int, ageingNoticeMonths: Int) {
        self.visitMonths = visitMonths
        self.leftBehindAgeLimit = leftBehindAgeLimit
        self.ageingNoticeMonths = ageingNoticeMonths
    }

    /// CHILDREN.md's defaults.
    public static let defaults = ChildParameters(
        visitMonths: [.institutionOrphan: 0, .scatteredOrphan: 1, .unsupported: 1, .inDistress: 1, .leftBehind: 3],
        leftBehindAgeLimit: 16, ageingNoticeMonths: 3)

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            visitMonths: [
                .institutionOrphan: 0, .scatteredOrphan: int(.childVisitMonthsScatteredOrphan),
                .unsupported: int(.childVisitMonthsUnsupported), .inDistress: int(.childVisitMonthsInDistress),
                .leftBehind: int(.childVisitMonthsLeftBehind),
            ],
            leftBehindAgeLimit: int(.childLeftBehindAgeLimit), ageingNoticeMonths: int(.childAgeingNoticeMonths))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .childVisitMonthsScatteredOrphan: Int64(visitMonths[.scatteredOrphan] ?? 0),
            .childVisitMonthsUnsupported: Int64(visitMonths[.unsupported] ?? 0),
            .childVisitMonthsInDistress: Int64(visitMonths[.inDistress] ?? 0),
            .childVisitMonthsLeftBehind: Int64(visitMonths[.leftBehind] ?? 0),
            .childLeftBehindAgeLimit: Int64(leftBehindAgeLimit), .childAgeingNoticeMonths: Int64(ageingNoticeMonths),
        ]
    }
}

/// The rules of CHILDREN.md: when a category ends by age, from which month a child benefit
/// stops, which visit is due when, and who is turning adult soon.
public enum ChildRules {
    /// The benefits that are a child's (`PolicyEngine` R8, R9): they end from the month after
    /// the adult-age birthday.
    public static let childPrograms = ["orphan", "childInDistress"]

    /// The age at which the category ends by itself.
    public static func ageLimit(_ category: ChildCategory, adultAge: Int, _ p: ChildParameters) -> Int {
        category == .leftBehind ? min(p.leftBehindAgeLimit, adultAge) : adultAge
    }

    /// The birthday at `age` (29 February: the 28th in a common year).
    public static func birthday(_ birth: CivilDate, age: Int) -> CivilDate {
        birth.adding(months: 12 * age)
    }

    /// The last month a child benefit is paid: the month of the adult-age birthday (benefits
    /// end from the month after).
    public static func lastPaidMonth(birth: CivilDate, adultAge: Int) -> YearMonth {
        birthday(birth, age: adultAge).yearMonth
    }

    /// Whether a child benefit still pays in `month` by the child's age alone.
    public static func paysByAge(in month: YearMonth, birth: CivilDate, adultAge: Int) -> Bool {
        month <= lastPaidMonth(birth: birth, adultAge: adultAge)
    }

    /// The visit period that holds `month` (periods of `every` months counted from January) and
    /// its due day, the period's last day; nil when the category is not visited.
    public static func visitPeriod(
        _ category: ChildCategory, month: YearMonth, _ p: ChildParameters
    ) -> (first: YearMonth, due: CivilDate)? {
        guard let every = p.visitMonths[category], every > 0 else { return nil }
        let k = min(every, 12)
        let first = YearMonth(year: month.year, month: ((month.month - 1) / k) * k + 1)!
        let last = first.adding(months: k - 1)
        // A period never runs into the next year (5-month periods: Jan–May, Jun–Oct, Nov–Dec).
        let due = last.year == month.year ? last.lastDay : YearMonth(year: month.year, month: 12)!.lastDay
        return (first, due)
    }

    /// Of a child's open categories, the visit due in `month`: the shortest period's.
    public static func visitDue(
        _ categories: [ChildCategory], month: YearMonth, _ p: ChildParameters
    ) -> (first: YearMonth, due: CivilDate)? {
        categories.compactMap { visitPeriod($0, month: month, p) }.min { $0.due < $1.due }
    }

    /// The adult-age birthday when it falls after `today` and within the notice months.
    public static func turningAdult(
        birth: CivilDate, today: CivilDate, adultAge: Int, _ p: ChildParameters
    ) -> CivilDate? {
        let day = birthday(birth, age: adultAge)
        guard today < day, day <= today.adding(months: p.ageingNoticeMonths) else { return nil }
        return day
    }

    /// A new category record, checked: the child under the category's age on the start day,
    /// a reason where the category needs one, a guardian, a start not in the future and an
    /// end (if any) not before it.
    public struct Draft: Sendable {
        public var category: ChildCategory
        public var reason: String?
        public var birth: CivilDate
        public var startsOn: CivilDate
        public var endsOn: CivilDate?
        public var hasGuardian: Bool

        public init(
            category: ChildCategory, reason: String?, birth: CivilDate, startsOn: CivilDate, endsOn: CivilDate?,
            hasGuardian: Bool
        ) {
            (self.category, self.reason, self.birth, self.startsOn, self.endsOn, self.hasGuardian) =
                (category, reason, birth, startsOn, endsOn, hasGuardian)
        }
    }

    public static func check(_ d: Draft, today: CivilDate, adultAge: Int, _ p: ChildParameters) -> Refusal? {
        if d.category.needsReason && (d.reason ?? "").isEmpty {
            return .invalid("reason", "\(d.category.chinese)须写明认定原因")
        }
        guard d.startsOn <= today else { return .invalid("startsOn", "开始日期不能晚于今天") }
        guard d.birth <= d.startsOn else { return .invalid("startsOn", "开始日期不能早于儿童出生日期") }
        let limit = ageLimit(d.category, adultAge: adultAge, p)
        guard d.startsOn < birthday(d.birth, age: limit) else {
            return .invalid("startsOn", "开始日期该儿童已满 \(limit) 周岁，不能认定为\(d.category.chinese)")
        }
        if let end = d.endsOn, end < d.startsOn { return .invalid("endsOn", "结束日期不能早于开始日期") }
        guard d.hasGuardian else { return .invalid("guardian", "请填写监护人（登记在册的人员或外部人员）") }
        return nil
    }
}
