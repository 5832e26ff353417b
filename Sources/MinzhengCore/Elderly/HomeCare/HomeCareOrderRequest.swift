/// A checked request for a home-care visit: which service, how much of it, and the day.
public struct HomeCareOrderRequest: Sendable, Equatable {
    public let service: HomeCareServiceKind
    public let units: Int
    public let scheduledOn: CivilDate
    public let note: String?

    /// The most one visit may hold: three meals, one bath, eight hours.
    public static func maximumUnits(_ service: HomeCareServiceKind) -> Int {
        switch service.unit {
        case .meal: return 3
        case .visit: return 1
        case .hour: return 8
        }
    }

    /// How far ahead a visit may be booked.
    public static let daysAhead = 60

    public init(
        service: String?, units: Int?, scheduledOn: String?, note: String?, today: CivilDate
    ) throws(FieldProblem) {
        guard let kind = service.flatMap(HomeCareServiceKind.init) else {
            let known = HomeCareServiceKind.allCases.map(\.rawValue).joined(separator: "、")
            throw FieldProblem("service", "服务项目应为 \(known) 之一")
        }
        let most = Self.maximumUnits(kind)
        guard let units, (1...most).contains(units) else {
            throw FieldProblem("units", "\(kind.label)每次 1–\(most) \(kind.unitLabel)")
        }
        guard let day = scheduledOn.flatMap(CivilDate.init) else {
            throw FieldProblem("scheduledOn", "服务日期应为 YYYY-MM-DD")
        }
        guard day >= today, day.daysSinceEpoch - today.daysSinceEpoch <= Self.daysAhead else {
            throw FieldProblem("scheduledOn", "服务日期应在今天至 \(Self.daysAhead) 天内")
        }
        self.service = kind
        self.units = units
        self.scheduledOn = day
        self.note = try InputRules.text(note, field: "note", label: "备注")
    }
}
