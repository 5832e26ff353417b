import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Enrollments as staff manage them: list a household's, suspend, resume or end one from a
/// month with a reason (audited); and a payee's bank account (encrypted like ID numbers).
/// API: `/api/v1/enrollments`, `/api/v1/persons/{id}/bank-account`.
struct EnrollmentAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.enrollments.pattern, use: list)
        routes.post(Route.API.enrollmentStatus.pattern, use: setStatus)
        routes.put(Route.API.personBankAccount.pattern, use: setBankAccount)
    }

    struct Enrollment: Content {
        let id: UUID
        let itemCode: String
        let householdId: UUID
        let personId: UUID?
        let region: String
        let monthlyFen: Int64
        let startMonth: String
        let endMonth: String?
        let status: String
        let statusFrom: String?
        let statusReason: String?
        let version: Int
    }

    func list(req: Request) async throws -> [Enrollment] {
        let user = try req.user
        try user.require(.viewRegistry)
        guard let household = req.query[UUID.self, at: "householdId"] else { throw AppError.invalid("householdId", "缺少 householdId") }
        return try await req.sql.raw("SELECT * FROM enrollments WHERE household_id = \(bind: household) AND \(user.scope.condition("region")) ORDER BY start_month, id")
            .all().map(Self.enrollment)
    }

    struct StatusChange: Content {
        var status: String?
        var from: String?
        var reason: String?
        var version: Int?
    }

    /// Suspend (`suspended`), resume (`active`) or end (`ended`) from a month.
    func setStatus(req: Request) async throws -> Enrollment {
        let user = try req.user
        try user.require(.managePayroll)
        guard let id = req.parameters.get("id", as: UUID.self),
              let row = try await req.sql.raw("SELECT * FROM enrollments WHERE id = \(bind: id) AND \(user.scope.condition("region"))").first() else {
            throw AppError.notFound("待遇")
        }
        let current = try Self.enrollment(row)
        let change = try req.content.decode(StatusChange.self)
        guard let status = change.status, ["suspended", "active", "ended"].contains(status) else {
            throw AppError.invalid("status", "status 应为 suspended（暂停）、active（恢复）或 ended（终止）")
        }
        guard let from = change.from.flatMap(YearMonth.init) else { throw AppError.invalid("from", "from 应为生效月份 YYYY-MM") }
        guard let reason = try RegistryInput.check({ () throws(FieldProblem) in try InputRules.text(change.reason, field: "reason", label: "原因") })
        else { throw AppError.invalid("reason", "请填写原因") }
        guard change.version == current.version else { throw AppError.staleVersion(current: current.version) }
        guard current.status != "ended" else { throw AppError(.conflict, "待遇已终止，不能再变更；如需恢复请重新申请", field: "status") }
        try await req.auditedTransaction { tx, audit in
            try await EnrollmentStore(db: tx).setStatus(enrollment: id, status: status, from: from, reason: reason)
            try await audit.record("enrollment.\(status)", entity: "enrollment", id: id.uuidString, region: current.region,
                                   before: ["status": current.status], after: ["status": status, "from": from.description, "reason": reason])
        }
        guard let updated = try await req.sql.raw("SELECT * FROM enrollments WHERE id = \(bind: id)").first() else { throw AppError.notFound("待遇") }
        return try Self.enrollment(updated)
    }

    struct BankAccount: Content {
        var account: String?
        var bank: String?
    }

    func setBankAccount(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await req.registry.person(id: id, within: user.scope) else {
            throw AppError.notFound("人员")
        }
        let body = try req.content.decode(BankAccount.self)
        let account = (body.account ?? "").filter { !$0.isWhitespace }
        guard (12...30).contains(account.utf8.count), account.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw AppError.invalid("account", "银行账号应为 12–30 位数字")
        }
        let bank = try RegistryInput.check { () throws(FieldProblem) in try InputRules.line(body.bank, field: "bank", label: "开户行", maximumLength: 60)! }
        let masked = String(account.prefix(4)) + String(repeating: "*", count: account.count - 8) + String(account.suffix(4))
        let cipher = req.platform.cipher
        try await req.auditedTransaction { tx, audit in
            try await tx.delete(from: "bank_accounts").where("person_id", .equal, id).run()
            try await tx.insert(into: "bank_accounts").columns("person_id", "account_cipher", "account_masked", "bank", "updated_at")
                .values(SQLBind(id), SQLBind(cipher.encrypt(account)), SQLBind(masked), SQLBind(bank), SQLBind(Date())).run()
            try await audit.record("person.bankAccount", entity: "person", id: id.uuidString, region: person.region,
                                   after: ["account": masked, "bank": bank])
        }
        return try await ["accountMasked": masked, "bank": bank].encodeResponse(for: req)
    }

    static func enrollment(_ r: SQLRow) throws -> Enrollment {
        Enrollment(id: try r.decode(column: "id", as: UUID.self), itemCode: try r.decode(column: "item_code", as: String.self),
                   householdId: try r.decode(column: "household_id", as: UUID.self), personId: try r.decode(column: "person_id", as: UUID?.self),
                   region: try r.decode(column: "region", as: String.self), monthlyFen: try r.decode(column: "monthly_fen", as: Int64.self),
                   startMonth: try r.decode(column: "start_month", as: String.self), endMonth: try r.decode(column: "end_month", as: String?.self),
                   status: try r.decode(column: "status", as: String.self), statusFrom: try r.decode(column: "status_from", as: String?.self),
                   statusReason: try r.decode(column: "status_reason", as: String?.self), version: try r.decode(column: "version", as: Int.self))
    }
}
