/// A user's role. Each user has exactly one role and one region.
public enum Role: String, Codable, Sendable, CaseIterable {
    case cityAdmin, districtOfficer, streetOfficer, communityWorker, auditor, department

    public var chinese: String {
        switch self {
        case .cityAdmin: return "市级管理员"
        case .districtOfficer: return "区级经办人"
        case .streetOfficer: return "街道经办人"
        case .communityWorker: return "社区网格员"
        case .auditor: return "审计员"
        case .department: return "协同部门"
        }
    }

    /// The region levels a user of this role may be placed at.
    public var allowedLevels: Set<RegionCode.Level> {
        switch self {
        case .cityAdmin: return [.city]
        case .districtOfficer: return [.district]
        case .streetOfficer: return [.street]
        case .communityWorker: return [.street, .community]
        case .auditor: return [.city, .district, .street]
        case .department: return [.city, .district]
        }
    }
}

/// What a user may do. Handlers ask `Role.may(_:)`; they never compare role names.
public enum Permission: String, Sendable, CaseIterable {
    case viewRegistry, editRegistry, importRegistry, viewFullIdentity, manageUsers, viewAudit
    /// See the policy parameters in force and their history.
    case viewPolicy
    /// Add a parameter version (city-wide policy is the city's to set).
    case managePolicy
    /// Run the what-if of a standard change over the registry of one's region.
    case simulatePolicy
}

extension Role {
    /// The permission table: the one place that says which role may do what.
    private static let table: [Role: Set<Permission>] = [
        .cityAdmin: [.viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .manageUsers, .viewAudit,
                     .viewPolicy, .managePolicy, .simulatePolicy],
        .districtOfficer: [.viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .manageUsers, .viewPolicy, .simulatePolicy],
        .streetOfficer: [.viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .viewPolicy],
        .communityWorker: [.viewRegistry, .editRegistry, .viewFullIdentity, .viewPolicy],
        .auditor: [.viewRegistry, .viewAudit, .viewPolicy],
        .department: [],
    ]

    public func may(_ permission: Permission) -> Bool { Role.table[self]?.contains(permission) ?? false }
}
