import Foundation
import MinzhengCore
import Vapor

/// `minzheng backup FILE`: a consistent copy of the database while the server runs, checked,
/// with the uploaded files in `FILE.files/` and `FILE.manifest.json` beside it. Prints the report as one line of JSON.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the backup file to write (must not exist)")
        var file: String
    }

    var help: String {
        "备份：backup FILE 在服务运行时备份数据库（SQLite 在线备份，PostgreSQL pg_dump），连同上传的文件（FILE.files/），并写校验清单 FILE.manifest.json"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await context.application.backups(actor: .system("cli:backup")).backup(to: signature.file)
        context.console.output("\(jsonLine(report))")
    }
}

/// `minzheng restore FILE [--force]`: the backup back into this database, checked against
/// its manifest; a database holding records is refused unless `--force`.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "a backup written by minzheng backup, its manifest beside it")
        var file: String
        @Flag(name: "force", help: "overwrite a database that holds records")
        var force: Bool
    }

    var help: String { "恢复：restore FILE [--force] 从备份恢复数据库并按清单校验（目标库已有数据时须加 --force）；请先停止服务" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await context.application.backups(actor: .system("cli:restore"))
            .restore(from: signature.file, force: signature.force)
        context.console.output("\(jsonLine(report))")
        if report.files == nil {
            context.console.output(
                "此备份中没有上传文件（早于上传文件备份的版本）：只恢复了数据库，材料和照片请另行恢复 / this backup holds no uploaded files: the database alone was restored"
            )
        }
    }
}
