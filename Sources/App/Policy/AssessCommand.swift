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
        await ContractCommand.run(name: "minzheng assess", usage: usage, arguments: arguments) { data in
            let service = AssessmentService(history: try await history())
            let answer: AssessmentResponse
            do {
                answer = try service.assess(jsonData: data)
            } catch let error as AssessmentRequestError {
                throw ContractCommand.Refused(error.description)
            }
            return try answer.jsonData(prettyPrinted: true)
        }
    }
}
