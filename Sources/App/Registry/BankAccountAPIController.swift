import Foundation
import MinzhengCore
import Vapor

/// A payee's bank account, part of the person's registry record (audited, masked in every
/// answer). API: `PUT /api/v1/persons/{id}/bank-account`.
struct BankAccountAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.put(Route.API.personBankAccount.pattern, use: setBankAccount)
    }

    struct BankAccount: Content {
        var account: String?
        var bank: String?
    }

    func setBankAccount(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        guard let id = req.parameters.get("id", as: UUID.self),
            let person = try await req.registry.person(id: id, within: user.scope)
        else {
            throw Refusal.notFound("人员")
        }
        let body = try req.content.decode(BankAccount.self)
        let account = (body.account ?? "").filter { !$0.isWhitespace }
        guard (12...30).contains(account.utf8.count), account.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw Refusal.invalid("account", "银行账号应为 12–30 位数字")
        }
        let bank = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(body.bank, field: "bank", label: "开户行", maximumLength: 60)!
        }
        let masked =
            String(account.prefix(4)) + String(repeating: "*", count: account.count - 8) + String(account.suffix(4))
        let (cipher, now) = (req.platform.cipher, req.now)
        try await req.auditedTransaction { tx, audit in
            try await BankAccountStore(db: tx, cipher: cipher).set(
                person: id, account: account, masked: masked, bank: bank, at: now)
            try await audit.record(
                "person.bankAccount", entity: "person", id: id.uuidString, region: person.region,
                after: ["account": masked, "bank": bank])
        }
        return try await ["accountMasked": masked, "bank": bank].encodeResponse(for: req)
    }
}
