import Foundation
import MinzhengCore

/// `minzheng ability score FILE.json` (`-` reads standard input): the ability-scoring
/// contract on the command line. It needs no database (the scoring is the national
/// standard's), so it runs before the application starts.
enum AbilityCommand {
    static let usage =
        "用法 / usage: minzheng ability score FILE.json   （FILE 为 - 时读标准输入 / - reads standard input）"

    static func run(arguments: [String]) async -> Int32 {
        guard arguments.first == "score" else {
            if arguments.first == "--help" || arguments.first == "-h" {
                FileHandle.standardOutput.write(Data((usage + "\n").utf8))
                return 0
            }
            return ContractCommand.refuse("minzheng ability", usage)
        }
        return await ContractCommand.run(
            name: "minzheng ability score", usage: usage, arguments: Array(arguments.dropFirst())
        ) { data in
            do {
                return try AbilityScoring.score(jsonData: data, prettyPrinted: true)
            } catch let error as Refusal {
                throw ContractCommand.Refused(error.description)
            }
        }
    }
}
