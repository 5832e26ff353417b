import Foundation
import MinzhengCore
import Vapor

/// Enrollments as staff manage them: list a household's, suspend, resume or end one from a
/// month with a reason (audited). API: `/api/v1/enrollments`.
struct EnrollmentAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.enrollments.pattern, use: list)
        routes.post(Route.API.enrollmentStatus.pattern, use: setStatus)
    }

    func list(req: Request) async throws -> [EnrollmentRecord] {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let household = req.query[UUID.self, at: "householdId"] else {
            throw Refusal.invalid("householdId", "缺少 householdId")
        }
        return try await EnrollmentStore(db: req.sql).enrollments(household: household, within: user.scope)
    }

    struct StatusChange: Content {
        var status: String?
        var from: String?
        var reason: String?
        var version: Int?
    }

    /// Suspend (`suspended`), resume (`active`) or end (`ended`) from a month.
    func setStatus(req: Request) async throws -> EnrollmentRecord {
        let user = try req.user
        try user.require(.managePayroll)
        let store = EnrollmentStore(db: req.sql)
        guard let id = req.parameters.get("id", as: UUID.self),
            let current = try await store.enrollment(id: id, within: user.scope)
        else {
            throw Refusal.notFound("待遇")
        }
        let change = try req.content.decode(StatusChange.self)
        guard let status = change.status.flatMap(EnrollmentStatus.init), status != .gradualExit else {
            throw Refusal.invalid("status", "status 应为 suspended（暂停）、active（恢复）或 ended（终止）")
        }
        guard let from = change.from.flatMap(YearMonth.init) else {
            throw Refusal.invalid("from", "from 应为生效月份 YYYY-MM")
        }
        guard
            let reason = try RegistryInput.check({ () throws(FieldProblem) in
                try InputRules.text(change.reason, field: "reason", label: "原因")
            })
        else { throw Refusal.invalid("reason", "请填写原因") }
        guard change.version == current.version else { throw Refusal.staleVersion(current: current.version) }
        guard current.status != EnrollmentStatus.ended.rawValue else {
            throw Refusal(.conflict, "待遇已终止，不能再变更；如需恢复请重新申请", field: "status")
        }
        try await req.auditedTransaction { tx, audit in
            try await EnrollmentStore(db: tx).setStatus(enrollment: id, status: status, from: from, reason: reason)
            try await audit.record(
                "enrollment.\(status.rawValue)", entity: "enrollment", id: id.uuidString, region: current.region,
                before: ["status": current.status],
                after: ["status": status.rawValue, "from": from.description, "reason": reason])
        }
        guard let updated = try await store.enrollment(id: id, within: user.scope) else { throw Refusal.notFound("待遇") }
        return updated
    }
}
