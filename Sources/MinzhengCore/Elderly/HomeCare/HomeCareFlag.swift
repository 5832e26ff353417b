/// What the bureau's special review (专项治理) looks for in home-care visits. A visit with
/// any flag but `entitlementExceeded` is held out of the settlement until staff clear it.
public enum HomeCareFlag: String, Sendable, CaseIterable, Codable, Comparable {
    /// Checked in after the day the person died.
    case afterDeath
    /// Its worker was in another visit at the same time.
    case workerOverlap
    /// Longer than the service's norm times the overlong factor.
    case overlong
    /// The month's entitlement ran out: part or all of it is self-paid.
    case entitlementExceeded

    /// Flags that stop a visit from being settled until cleared.
    public var holdsSettlement: Bool { self != .entitlementExceeded }

    public var label: String {
        switch self {
        case .afterDeath: return "服务对象已死亡"
        case .workerOverlap: return "同一服务人员时间重叠"
        case .overlong: return "服务时长异常"
        case .entitlementExceeded: return "超出当月补贴额度"
        }
    }

    public static func < (a: HomeCareFlag, b: HomeCareFlag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One finished visit as the checks see it.
public struct HomeCareVisit: Sendable, Equatable {
    public var id: String
    public var worker: String
    public var service: HomeCareServiceKind
    public var units: Int
    /// Seconds since 1970 (the stored instants), so that Core needs no calendar here.
    public var checkIn: Int64
    public var checkOut: Int64
    /// The Beijing day of the check-in and the person's death, if recorded.
    public var checkInDay: CivilDate
    public var deceasedOn: CivilDate?

    public init(
        id: String, worker: String, service: HomeCareServiceKind, units: Int, checkIn: Int64, checkOut: Int64,
        checkInDay: CivilDate, deceasedOn: CivilDate? = nil
    ) {
        self.id = id
        self.worker = worker
        self.service = service
        self.units = units
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.checkInDay = checkInDay
        self.deceasedOn = deceasedOn
    }
}

public enum HomeCareChecks {
    /// The flags of `visit` on its own and against the same worker's other visits
    /// (`workerVisits` may include `visit` itself; it is skipped).
    public static func flags(
        of visit: HomeCareVisit, workerVisits: [HomeCareVisit], tariff: HomeCareTariff
    ) -> Set<HomeCareFlag> {
        var flags: Set<HomeCareFlag> = []
        if let death = visit.deceasedOn, visit.checkInDay > death { flags.insert(.afterDeath) }
        let minutes = (visit.checkOut - visit.checkIn) / 60
        if minutes > Int64(tariff.longestMinutes(visit.service, units: visit.units)) { flags.insert(.overlong) }
        if workerVisits.contains(where: { overlap(visit, $0) }) { flags.insert(.workerOverlap) }
        return flags
    }

    /// Two different visits of one worker at the same time (back to back is not an overlap).
    public static func overlap(_ a: HomeCareVisit, _ b: HomeCareVisit) -> Bool {
        a.id != b.id && a.worker == b.worker && a.checkIn < b.checkOut && b.checkIn < a.checkOut
    }
}
