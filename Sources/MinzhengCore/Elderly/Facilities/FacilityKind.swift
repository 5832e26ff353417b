/// The kinds of elderly-care facility (养老服务设施) the bureau files.
public enum FacilityKind: String, CaseIterable, Codable, Sendable {
    /// 公办养老机构
    case careHomePublic
    /// 民办养老机构
    case careHomePrivate
    /// 公建民营养老机构
    case careHomePublicPrivate
    /// 社区居家养老服务中心
    case communityCentre
    /// 社区居家养老服务站
    case communityStation
    /// 农村区域性养老服务中心
    case ruralRegionalCentre
    /// 街道综合养老服务中心
    case streetCentre
    /// 农村互助养老点
    case ruralMutualAid

    public var chinese: String {
        switch self {
        case .careHomePublic: return "公办养老机构"
        case .careHomePrivate: return "民办养老机构"
        case .careHomePublicPrivate: return "公建民营养老机构"
        case .communityCentre: return "社区居家养老服务中心"
        case .communityStation: return "社区居家养老服务站"
        case .ruralRegionalCentre: return "农村区域性养老服务中心"
        case .streetCentre: return "街道综合养老服务中心"
        case .ruralMutualAid: return "农村互助养老点"
        }
    }

    /// Residential: people live there (beds, night staff, a kitchen that feeds them).
    public var isResidential: Bool {
        switch self {
        case .careHomePublic, .careHomePrivate, .careHomePublicPrivate, .ruralRegionalCentre, .streetCentre: return true
        case .communityCentre, .communityStation, .ruralMutualAid: return false
        }
    }

    /// Serves the older people living around it (day care, meals, home visits): what the
    /// "15-minute circle" counts. Besides the community centres and stations that the plan
    /// names, a street's comprehensive centre and a rural regional centre run the same
    /// services for their neighbourhood, and a village's mutual-aid point is the station of
    /// the countryside; care homes serve their residents.
    public var servesNeighbourhood: Bool {
        switch self {
        case .communityCentre, .communityStation, .streetCentre, .ruralRegionalCentre, .ruralMutualAid: return true
        case .careHomePublic, .careHomePrivate, .careHomePublicPrivate: return false
        }
    }

    /// Graded under GB/T 37276 (养老机构等级划分与评定): the residential facilities.
    public var isGradable: Bool { isResidential }
}

/// 消防安全标准化管理 of a facility.
public enum FireSafetyStatus: String, CaseIterable, Codable, Sendable {
    case notStarted, inProgress, compliant

    public var chinese: String {
        switch self {
        case .notStarted: return "未开展"
        case .inProgress: return "创建中"
        case .compliant: return "已达标"
        }
    }
}

/// Where a facility's grade stands.
public enum GradeState: String, CaseIterable, Codable, Sendable {
    /// Certified and within its validity.
    case valid
    /// Withdrawn for now: a serious hazard stayed open past its deadline.
    case suspended
    /// Past its expiry without a new grading.
    case lapsed

    public var chinese: String {
        switch self {
        case .valid: return "有效"
        case .suspended: return "暂停"
        case .lapsed: return "已过期"
        }
    }
}
