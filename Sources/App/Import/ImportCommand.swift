import Foundation
import MinzhengCore
import Vapor

/// `minzheng import households FILE.csv|FILE.xlsx`: prints the JSON summary on standard output and
/// progress on standard error.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "households")
        var kind: String
        @Argument(name: "file", help: "CSV file (UTF-8 or GB18030) or Excel workbook (.xlsx, first sheet)")
        var file: String
    }

    var help: String { "导入家庭档案：import households FILE.csv 或 FILE.xlsx" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.kind == "households" else {
            throw Refusal.invalid("kind", "未知的导入类型 \(signature.kind)，可用：households")
        }
        let app = context.application
        let importer = app.householdImporter(actor: .system("cli:import"))
        do {
            let summary = try await importer.run(path: signature.file, progress: JobProgress(label: "import"))
            context.console.output("\(jsonLine(summary))")
        } catch let problem as FieldProblem {
            FileHandle.standardError.write(Data("minzheng import: \(problem.message)\n".utf8))
            exit(2)
        } catch let error as CSVReader.ReadError {
            FileHandle.standardError.write(Data("minzheng import: \(error)\n".utf8))
            exit(2)
        }
    }
}
