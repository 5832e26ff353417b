import MinzhengCore
import Vapor

/// What every page's layout needs: the title, the signed-in user and the CSRF token.
struct LayoutContext: Encodable {
    let title: String
    let userName: String?
    let roleName: String?
    let regionName: String?
    let csrf: String
    let canImport: Bool
    let canEdit: Bool
    let canViewPolicy: Bool
    let canViewAudit: Bool
    let canManageUsers: Bool
    let canHandleApplications: Bool
    let canVisitHouseholds: Bool
    let canConfirmBenefitChanges: Bool
    let isResident: Bool
    let canViewRegistry: Bool
    let canManagePayroll: Bool
    let canPushFeeds: Bool
    /// Reload the page every so many seconds (a running job's page); nil for none.
    var refreshSeconds: Int?

    init(request: Request, title: String, user: CurrentUser?) {
        self.title = title
        userName = user?.displayName
        // The first administrator is named after the role: say it once ("市级管理员", not twice).
        roleName = user.flatMap { $0.role.chinese == $0.displayName ? nil : $0.role.chinese }
        regionName = user.map { request.platform.regions.fullName(of: $0.region) }
        csrf = CSRF.token(for: request)
        canImport = user?.role.may(.importRegistry) ?? false
        canEdit = user?.role.may(.editRegistry) ?? false
        canViewPolicy = user?.role.may(.viewPolicy) ?? false
        canViewAudit = user?.role.may(.viewAudit) ?? false
        canManageUsers = user?.role.may(.manageUsers) ?? false
        canHandleApplications = user?.role.may(.handleApplications) ?? false
        canVisitHouseholds = user?.role.may(.visitHouseholds) ?? false
        canConfirmBenefitChanges = user?.role.may(.confirmBenefitChanges) ?? false
        isResident = user?.role == .resident
        canViewRegistry = user?.role.may(.viewRegistry) ?? false
        canManagePayroll = user?.role.may(.managePayroll) ?? false
        canPushFeeds = user.map(FeedSender.sends) ?? false
    }
}

struct ErrorPage: Encodable {
    let layout: LayoutContext
    let status: Int
    let message: String
}

/// One token per session, sent back by every form as `_csrf` and checked on every POST
/// of the pages (the API uses bearer tokens, which a browser never sends by itself).
enum CSRF {
    static let sessionKey = "csrf"
    static let formField = "_csrf"

    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        // URL-safe: upload forms send the token in the query string, where a `+` of plain
        // base64 would arrive as a space and the upload would be refused at random.
        let token = [UInt8].random(count: 24).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        request.session.data[sessionKey] = token
        return token
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // Large uploads carry the token in the query so that it can be checked before
            // the body is read; ordinary forms carry it in the body.
            var sent = request.query[String.self, at: CSRF.formField]
            if sent == nil {
                if request.body.data == nil { _ = try await request.body.collect(max: 1 << 20).get() }
                sent = try? request.content.get(String.self, at: CSRF.formField)
            }
            guard let expected = request.session.data[CSRF.sessionKey], let sent, sent == expected else {
                throw AppError(.forbidden, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重新提交")
            }
        }
        return try await next.respond(to: request)
    }
}
