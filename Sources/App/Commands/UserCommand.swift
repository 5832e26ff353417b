import Foundation
import MinzhengCore
import Vapor

/// `minzheng user create --username U --password P --role cityAdmin --region 3204`: an account whose
/// password is changed at its first sign-in, like every account someone else set up.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "username") var username: String?
        @Option(name: "password", help: "at least 10 characters") var password: String?
        @Option(name: "role", help: Role.allCases.map(\.rawValue).joined(separator: "|")) var role: String?
        @Option(name: "region", help: "region code, e.g. 3204, 320402, 320402001") var region: String?
        @Option(name: "name", help: "display name") var name: String?
        @Option(name: "department", help: "department code, for role department") var department: String?
    }

    var help: String { "用户管理：user create --username U --password P --role R --region CODE" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            throw Refusal.invalid("action", "未知操作 \(signature.action)，可用：create")
        }
        guard let username = signature.username else { throw Refusal.invalid("username", "缺少 --username") }
        guard let password = signature.password else { throw Refusal.invalid("password", "缺少 --password") }
        guard let role = signature.role.flatMap(Role.init(rawValue:)) else {
            throw Refusal.invalid("role", "--role 应为 " + Role.allCases.map(\.rawValue).joined(separator: "|"))
        }
        guard let region = signature.region.flatMap(RegionCode.init) else {
            throw Refusal.invalid("region", "--region 应为区划代码")
        }
        let app = context.application
        // Whoever ran the command knows this password: the user replaces it at first sign-in.
        let account = try await AccountStore.prepare(
            username: username, displayName: signature.name ?? username, password: password, role: role,
            region: region, department: signature.department, mustChangePassword: true,
            hash: { try app.password.hash($0) })
        let id = try await app.auditedTransaction(actor: .system("cli:user")) { tx, audit in
            let id = try await AccountStore(db: tx).insert(account)
            try await audit.record(
                "user.create", entity: "user", id: id.uuidString, region: region.value,
                after: ["username": username, "role": role.rawValue])
            return id
        }
        context.console.output(
            "\(jsonLine(["id": id.uuidString, "username": username, "role": role.rawValue, "region": region.value]))")
    }
}
