/// A post on a community's two committees (两委).
public enum CommitteePost: String, CaseIterable, Codable, Sendable {
    case secretary, director, deputyDirector, member

    public var chinese: String {
        switch self {
        case .secretary: return "书记"
        case .director: return "主任"
        case .deputyDirector: return "副主任"
        case .member: return "委员"
        }
    }
}

/// Which of the two committees a member sits on: the community's party organisation, or the
/// residents' (居委会) or villagers' (村委会) committee.
public enum CommitteeBody: String, CaseIterable, Codable, Sendable {
    case party, residents, villagers

    public var chinese: String {
        switch self {
        case .party: return "党组织"
        case .residents: return "居民委员会"
        case .villagers: return "村民委员会"
        }
    }
}

/// Whether a task a department sends to communities is on the admission list (社区事务准入).
public enum AdmissionStatus: String, Codable, Sendable, CaseIterable {
    case admitted, notAdmitted

    public var chinese: String {
        switch self {
        case .admitted: return "已准入"
        case .notAdmitted: return "未准入"
        }
    }
}

/// Why a task is 未准入.
public enum AdmissionProblem: String, Codable, Sendable, CaseIterable {
    /// The department named no item of the list.
    case noItem
    /// The item named is not on the list (unknown or withdrawn).
    case notOnList
    /// The item is on the list, but another department may assign it.
    case otherDepartment

    public var chinese: String {
        switch self {
        case .noItem: return "未列明准入事项"
        case .notOnList: return "所列事项不在准入清单内"
        case .otherDepartment: return "该事项不由本部门派发"
        }
    }
}

/// The admission rule: pure, tested.
public enum AdmissionRules {
    /// An item of the list as the rule sees it.
    public struct Item: Sendable, Equatable {
        public let department: String
        public let active: Bool

        public init(department: String, active: Bool) {
            self.department = department
            self.active = active
        }
    }

    /// nil when `department` may assign `item`; otherwise why not. A task outside the list is still
    /// recorded (and shown to the city), never refused.
    public static func problem(department: String, namedItem: Bool, item: Item?) -> AdmissionProblem? {
        guard namedItem else { return .noItem }
        guard let item, item.active else { return .notOnList }
        guard item.department == department else { return .otherDepartment }
        return nil
    }
}
