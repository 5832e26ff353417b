import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng assess FILE.json` (`-` reads standard input): the assessment contract on the
/// command line, with the parameters stored in the database. Exit status 0 with the answer
/// on standard output; 2 with the message on standard error for an invalid request or an
/// unreadable file.
enum AssessCommand {
    static let usage = "用法 / usage: minzheng assess FILE.json   （FILE 为 - 时读标准输入 / - reads standard input）"

    /// With the application (any database); the parameters are read through it.
    static func run(arguments: [String], app: Application) async -> Int32 {
        await run(arguments: arguments) { try await PolicyStore(db: app.sql).history() }
    }

    static func run(arguments: [String], history: () async throws -> PolicyParameterHistory) async -> Int32 {
        guard arguments.count == 1, let file = arguments.first else { return refuse(usage) }
        if file == "--help" || file == "-h" {
            FileHandle.standardOutput.write(Data((usage + "\n").utf8))
            return 0
        }
        let data: Data
        do {
            data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return refuse("无法读取 \(file) / cannot read \(file): \(error.localizedDescription)")
        }
        do {
            let service = AssessmentService(history: try await history())
            let answer: AssessmentResponse
            do {
                answer = try service.assess(jsonData: data)
            } catch {
                return refuse(error.description)
            }
            FileHandle.standardOutput.write(try answer.jsonData(prettyPrinted: true) + Data("\n".utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("minzheng assess: \(error)\n".utf8))
            return 1
        }
    }

    private static func refuse(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("minzheng assess: \(message)\n".utf8))
        return 2
    }
}
