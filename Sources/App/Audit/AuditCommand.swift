import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng audit verify`: walks the whole hash chain. Prints `{"intact":true,"events":N}`,
/// or names the first broken event and exits with status 1.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "审计：audit verify 校验审计记录的哈希链是否完整" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw Refusal.invalid("action", "未知操作 \(signature.action)，可用：verify")
        }
        let result = try await AuditStore(db: context.application.db.sql).verify()
        switch result {
        case .intact(let count):
            context.console.output("\(jsonLine(Intact(events: count)))")
        case .broken(let sequence, let reason):
            let broken = Broken(
                brokenAt: sequence, reason: AuditChainBreak(sequence: sequence, reason: reason).description)
            context.console.output("\(jsonLine(broken))")
            FileHandle.standardError.write(
                Data("minzheng audit verify: 审计链在第 \(sequence) 条记录处断开 / chain broken at event \(sequence)\n".utf8))
            exit(1)
        }
    }

    private struct Intact: Encodable {
        let intact = true
        let events: Int
    }

    private struct Broken: Encodable {
        let intact = false
        let brokenAt: Int64
        let reason: String
    }
}
