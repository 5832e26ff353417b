import Foundation
import MinzhengCore
import Vapor

/// `minzheng keys rotate [--batch-size N] [--max-batches N] [--grace SECONDS]` and
/// `minzheng keys status`: the data key's rotation (`KeyRotationService`), as JSON.
struct KeyCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rotate|status")
        var action: String
        @Option(name: "batch-size", help: "rows per batch (one transaction each), default 500") var batchSize: Int?
        @Option(name: "max-batches", help: "stop after N batches (resume with keys rotate)") var maxBatches: Int?
        @Option(name: "grace", help: "seconds for running servers to load the new key, default 5") var grace: Int?
    }

    var help: String { "数据密钥：keys rotate 用新密钥重新加密全部个人数据并重建盲索引（可中断续做）；keys status 查看进度" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let service = context.application.keyRotation(actor: .system("cli:keys"))
        switch signature.action {
        case "rotate":
            let size = signature.batchSize ?? 500
            guard (1...100_000).contains(size) else {
                throw Refusal.invalid("batch-size", "--batch-size 应为 1 到 100000")
            }
            let status = try await service.rotate(
                batchSize: size, maxBatches: signature.maxBatches, grace: .seconds(max(0, signature.grace ?? 5)))
            context.console.output("\(jsonLine(status))")
        case "status":
            context.console.output("\(jsonLine(try await service.status()))")
        default:
            throw Refusal.invalid("action", "未知操作 \(signature.action)，可用：rotate、status")
        }
    }
}
