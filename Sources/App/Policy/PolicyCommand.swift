import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng policy simulate --standard 100000 --from 2022-07 [--region 320402]`: how a
/// new dibao standard would change who gets what, by district. Changes nothing.
struct PolicyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "simulate")
        var action: String
        @Option(name: "standard", help: "the new dibao standard in fen per month, e.g. 100000")
        var standard: Int64?
        @Option(name: "from", help: "the month it would take effect, YYYY-MM")
        var from: String?
        @Option(name: "region", help: "only households in this region (default 3204, the city)")
        var region: String?
    }

    var help: String { "政策测算：policy simulate --standard 分 --from YYYY-MM [--region 区划]，只计算不修改" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "simulate" else {
            throw Refusal.invalid("action", "未知操作 \(signature.action)，可用：simulate")
        }
        guard let standard = signature.standard else {
            throw Refusal.invalid("standard", "缺少 --standard（单位：分/月，如 100000）")
        }
        guard let from = signature.from.flatMap(YearMonth.init) else {
            throw Refusal.invalid("from", "--from 应为 YYYY-MM，如 2022-07")
        }
        guard let region = RegionCode(signature.region ?? RegionTable.changzhou.value) else {
            throw Refusal.invalid("region", "--region 应为区划代码，如 3204 或 320402")
        }
        let change: StandardChange
        do { change = try StandardChange(newStandard: Fen(standard), from: from) } catch {
            throw Refusal.invalid("standard", error.description)
        }
        let app = context.application
        let report = try await SimulationRunner(db: app.sql, cipher: app.platform.cipher)
            .run(change, within: RegionScope(region), progress: JobProgress(label: "simulate"))
        context.console.output("\(jsonLine(SimulationFigures(report, region: region, regions: app.platform.regions)))")
    }
}
