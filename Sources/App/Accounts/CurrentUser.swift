import SQLKit
import MinzhengCore
import Vapor

/// The signed-in user of a request: who, in which role, over which region.
struct CurrentUser: Authenticatable, Sendable {
    let id: UUID
    let username: String
    let displayName: String
    let role: Role
    let region: RegionCode
    let department: String?
    /// A first or reset password: the pages ask for a new one before anything else.
    var mustChangePassword = false

    var scope: RegionScope { RegionScope(region) }

    /// The role over the region, as the user-administration rules take it.
    var assignment: Assignment { Assignment(role, region) }

    /// Refuses with 403 when the role lacks the permission.
    func require(_ permission: Permission) throws {
        guard role.may(permission) else { throw Refusal(.forbidden, "您的角色（\(role.chinese)）无权进行此操作") }
    }

    /// A record outside the user's region answers 404, so that its existence is not revealed.
    func requireWithin(_ region: RegionCode, what: String = "记录") throws {
        guard self.region.contains(region) else { throw Refusal.notFound(what) }
    }
}

extension Request {
    /// The signed-in user; the auth middlewares guarantee one on protected routes.
    var user: CurrentUser {
        get throws {
            guard let user = auth.get(CurrentUser.self) else { throw AppError(.unauthorized, "请先登录") }
            return user
        }
    }
}
