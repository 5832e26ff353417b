import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng payroll generate 2022-01 [--region 320402] [--replace]` and
/// `minzheng payroll recalculate --from 2022-07 [--apply] [--region R]`.
struct PayrollCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["generate": PayrollGenerateCommand(), "recalculate": PayrollRecalculateCommand()]
    }
    var help: String { "发放：payroll generate YYYY-MM [--replace] | payroll recalculate --from YYYY-MM [--apply]" }
}

struct PayrollGenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "month", help: "the month, YYYY-MM")
        var month: String
        @Option(name: "region", help: "the region the roll covers (default 3204, the city)")
        var region: String?
        @Flag(name: "replace", help: "replace the month's roll while it is still a draft")
        var replace: Bool
    }

    var help: String { "生成某月的发放名册（全有或全无）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let month = YearMonth(signature.month) else { throw Refusal.invalid("month", "月份应为 YYYY-MM，如 2022-01") }
        guard let region = RegionCode(signature.region ?? RegionTable.changzhou.value) else {
            throw Refusal.invalid("region", "--region 应为区划代码")
        }
        let started = ContinuousClock.now
        let roll = try await context.application.payroll(actor: .system("cli:payroll"))
            .generate(month: month, region: region, replace: signature.replace)
        struct Output: Encodable {
            let roll: UUID; let month: String; let lines: Int; let totalFen: Int64; let state: String;
            let seconds: Double
        }
        let output = Output(
            roll: roll.id, month: roll.month, lines: roll.lineCount, totalFen: roll.totalFen, state: roll.state,
            seconds: (ContinuousClock.now - started).roundedSeconds)
        context.console.output("\(jsonLine(output))")
    }
}

struct PayrollRecalculateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "the month the new parameters take effect, YYYY-MM")
        var from: String?
        @Option(name: "region", help: "only enrollments in this region (default 3204)")
        var region: String?
        @Flag(name: "apply", help: "write the new amounts (without it, only the report)")
        var apply: Bool
        @Flag(name: "list", help: "print every change as a JSON line before the summary")
        var list: Bool
    }

    var help: String { "调标：按新参数重新测算在册待遇，先出清单，--apply 才生效" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let from = signature.from.flatMap(YearMonth.init) else {
            throw Refusal.invalid("from", "--from 应为 YYYY-MM，如 2022-07")
        }
        guard let region = RegionCode(signature.region ?? RegionTable.changzhou.value) else {
            throw Refusal.invalid("region", "--region 应为区划代码")
        }
        let started = ContinuousClock.now
        let list = signature.list
        let console = context.console
        let report = try await RecalculationRunner(db: app.sql, cipher: app.platform.cipher, clock: app.platform.clock)
            .run(
                from: from, within: RegionScope(region),
                applyingAs: signature.apply ? app.writer(actor: .system("cli:payroll")) : nil,
                progress: JobProgress(label: "recalculate"),
                onChange: list ? { console.output("\(jsonLine($0))") } : nil)
        struct Output: Encodable {
            let from: String; let assessed: Int; let skipped: Int; let changed: Int; let costDifferenceFen: Int64;
            let applied: Bool; let seconds: Double
        }
        let output = Output(
            from: report.from, assessed: report.assessed, skipped: report.skipped, changed: report.changed,
            costDifferenceFen: report.costDifferenceFen, applied: report.applied,
            seconds: (ContinuousClock.now - started).roundedSeconds)
        context.console.output("\(jsonLine(output))")
    }
}
