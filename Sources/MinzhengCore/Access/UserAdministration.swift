/// A role held over a region: all that decides what one account may do to another.
public struct Assignment: Sendable, Hashable {
    public let role: Role
    public let region: RegionCode

    public init(_ role: Role, _ region: RegionCode) {
        self.role = role
        self.region = region
    }

    /// True when this role may do everything `other` may. A user never hands out, or takes
    /// over by resetting a password, more power than it holds itself.
    public func covers(_ other: Role) -> Bool {
        Permission.allCases.allSatisfy { !other.may($0) || role.may($0) }
    }
}

/// Why a user-administration action is refused.
public enum UserAdminRefusal: Error, Sendable, Equatable {
    /// The acting role may not administer users at all.
    case notPermitted(Role)
    /// The account's region is not inside the acting user's region.
    case outsideRegion(RegionCode, admin: RegionCode)
    /// The account's role may do something the acting user may not.
    case morePowerful(Role)
    /// The role cannot be placed at a region of this level.
    case wrongLevel(Role, RegionCode.Level)
    /// Disabling one's own account could shut out the last administrator of a region.
    case ownAccount
    /// Only the city administers accounts of this role.
    case cityOnly(Role)
}

extension Role {
    /// A partner department's account speaks for that department in every region it is
    /// placed over (its feeds mark deaths, raise alerts): a district officer who could mint
    /// one, or take one over by a password reset, could act beyond the district through it.
    public var administeredByCityOnly: Bool { self == .department }
}

/// What an administrator does to an existing account.
public enum UserAdminAction: String, Sendable, CaseIterable {
    case disable, enable, resetPassword, revokeTokens
}

/// The rules of user administration (issue 3): who may create which accounts, and who may
/// change them. Pure functions, so that every case is tested without a database.
public enum UserAdministration {
    /// nil when `admin` may create an account of `role` at `region`.
    public static func checkCreate(by admin: Assignment, role: Role, region: RegionCode) -> UserAdminRefusal? {
        guard admin.role.may(.manageUsers) else { return .notPermitted(admin.role) }
        guard role.allowedLevels.contains(region.level) else { return .wrongLevel(role, region.level) }
        guard admin.region.contains(region) else { return .outsideRegion(region, admin: admin.region) }
        guard admin.covers(role) else { return .morePowerful(role) }
        guard !role.administeredByCityOnly || admin.region.level == .city else { return .cityOnly(role) }
        return nil
    }

    /// nil when `admin` may apply `action` to the account `target`. Outside the region comes
    /// before every other refusal: the caller answers it with 404 and must not reveal more.
    public static func checkManage(
        by admin: Assignment, target: Assignment, isSelf: Bool,
        action: UserAdminAction
    ) -> UserAdminRefusal? {
        guard admin.role.may(.manageUsers) else { return .notPermitted(admin.role) }
        guard admin.region.contains(target.region) else { return .outsideRegion(target.region, admin: admin.region) }
        if isSelf, action == .disable { return .ownAccount }
        guard admin.covers(target.role) else { return .morePowerful(target.role) }
        guard !target.role.administeredByCityOnly || admin.region.level == .city else { return .cityOnly(target.role) }
        return nil
    }

    /// The roles `admin` may create, for the choices of a form.
    public static func creatableRoles(by admin: Assignment) -> [Role] {
        guard admin.role.may(.manageUsers) else { return [] }
        return Role.allCases.filter { role in
            admin.covers(role) && role.allowedLevels.contains { $0 >= admin.region.level }
                && (!role.administeredByCityOnly || admin.region.level == .city)
        }
    }
}
