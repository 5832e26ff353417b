import Fluent
import Foundation
import MinzhengCore
import Vapor

/// `minzheng seed --households N [--seed S]`: synthetic Changzhou households.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "households", help: "How many households to write (default 2000)")
        var households: Int?
        @Option(name: "seed", help: "Random seed; the same seed writes the same households (default 1)")
        var seed: UInt64?
    }

    var help: String { "写入演示数据：常州的合成家庭与人员（确定性，可复现）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = signature.households ?? 2000
        guard count > 0 else { throw Refusal.invalid("households", "--households 应为正整数") }
        let app = context.application
        let started = ContinuousClock.now
        let summary = try await app.demoSeeder
            .seed(
                households: count, seed: signature.seed ?? 1, today: context.application.platform.clock.today,
                progress: JobProgress(label: "seed"))
        let seconds = (ContinuousClock.now - started).inSeconds
        struct Output: Encodable {
            let households: Int
            let persons: Int
            let householdsWithMeans: Int
            /// Written by an earlier run of the same seed (one cut off, or complete): skipped.
            let alreadySeeded: Int
            let seconds: Double
        }
        let output = Output(
            households: summary.households, persons: summary.persons,
            householdsWithMeans: summary.householdsWithMeans, alreadySeeded: summary.alreadySeeded,
            seconds: (seconds * 100).rounded() / 100)
        context.console.output("\(jsonLine(output))")
    }
}

/// One line of JSON with sorted keys, for command summaries.
/// A command's `--month YYYY-MM`, or the month of `today` without one.
func commandMonth(_ text: String?, today: CivilDate) throws -> YearMonth {
    guard let text else { return today.yearMonth }
    guard let month = YearMonth(text) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
    return month
}

func jsonLine<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
}
