import Foundation
import MinzhengCore
import FluentKit
import Vapor

/// `minzheng feed import --kind medicalExpense FILE.csv [--department medicalInsurance]`:
/// a department's file, in batches of 10 000 rows; the summary as JSON on standard output.
struct FeedCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["import": FeedImportCommand()] }
    var help: String { "部门数据：feed import --kind KIND FILE.csv" }
}

struct FeedImportCommand: AsyncCommand {
    // Options before the argument: ConsoleKit reads them in this order, and an argument read
    // first would take the value of a leading `--kind` (as in `feed import --kind death FILE`).
    struct Signature: CommandSignature {
        @Option(name: "kind", help: FeedKind.allCases.map(\.rawValue).joined(separator: "|"))
        var kind: String?
        @Option(name: "department", help: "the sending department (default: the feed's owner)")
        var department: String?
        @Argument(name: "file", help: "CSV file with a header of the feed's field names")
        var file: String
    }

    var help: String { "导入部门数据文件（CSV）：重复发送的行不会重复生效" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let kind = signature.kind.flatMap(FeedKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "--kind 应为 " + FeedKind.allCases.map(\.rawValue).joined(separator: "|"))
        }
        let department = signature.department.flatMap(FeedDepartment.init(rawValue:)) ?? kind.owningDepartment
        guard department.mayPush(kind) else {
            throw Refusal.invalid("department", "\(department.chinese)不发送“\(kind.chinese)”数据")
        }
        let summary = try await context.application.feedFileImport(
            actor: .system("cli:feed"), reach: RegionTable.changzhou
        )
        .run(path: signature.file, kind: kind, department: department, progress: JobProgress(label: "feed"))
        context.console.output("\(jsonLine(summary))")
    }
}

/// Reads a feed CSV in batches and ingests each.
struct FeedFileImport {
    let bulkJobs: BulkJobs
    let writer: AuditedWriter
    let cipher: FieldCipher
    let clock: PlatformClock
    /// The sender's region (`FeedIngest.reach`).
    let reach: RegionCode
    var batchSize = 10_000

    /// A file is a bulk job: on SQLite its page cache keeps the registry's indexes in memory
    /// (reading pages back was a third of the time).
    func run(
        path: String, kind: FeedKind, department: FeedDepartment, progress: JobProgress?
    ) async throws -> FeedIngest.Summary {
        try await bulkJobs.run(cacheMB: 192) { bulk in
            try await importFile(path: path, kind: kind, department: department, on: bulk, progress: progress)
        }
    }

    private func importFile(
        path: String, kind: FeedKind, department: FeedDepartment, on bulk: BulkDatabase,
        progress: JobProgress?
    ) async throws -> FeedIngest.Summary {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw Refusal.invalid("file", "文件为空，第1行应为表头") }
        let columns: FeedCSVColumns
        do { columns = try FeedCSVColumns(kind: kind, header: header.fields) } catch {
            throw Refusal(error)
        }
        var total = FeedIngest.Summary()
        var records: [FeedIngest.Row] = []
        var problems: [FeedRowProblem] = []
        let today = clock.today
        let ingest = FeedIngest(
            writer: writer, cipher: cipher, clock: clock, reach: reach, bulk: bulk,
            parameters: try await FeedIngest.parameters(on: bulk.sql, today: today))
        // The next batch is read while the previous one is ingested.
        var writer = PipelinedWriter<FeedIngest.Summary>()
        func add(_ part: FeedIngest.Summary?) {
            guard let part else { return }
            total.accepted += part.accepted
            total.duplicates += part.duplicates
            total.unknownPersons += part.unknownPersons
            total.alerts += part.alerts
            total.rejected += part.rejected
            total.errors += part.errors
        }
        func flush() async throws {
            // The batch's persons are looked up while the previous batch is still being
            // written (its statements interleave on the job's connection), so that decoding
            // them overlaps that batch's work. On the pool they are read in the batch's transaction.
            let persons =
                bulk.readsBesideTransaction && FeedIngest.personsReadableAhead(kind)
                ? Task { [records] in
                    try await FeedRegistrySnapshot.persons(bulk.sql, indexes: records.map(\.index))
                } : nil
            add(
                try await writer.submit { [records, problems] in
                    try await ingest.ingest(
                        kind: kind, department: department.rawValue, records: records, problems: problems,
                        persons: persons)
                })
            records.removeAll(keepingCapacity: true)
            problems.removeAll(keepingCapacity: true)
            progress?.update(done: reader.bytesRead, total: reader.fileSize)
        }
        while let record = try reader.next() {
            do {
                records.append(
                    FeedIngest.Row(
                        line: record.line, record: try columns.record(record.fields, today: today), cipher: cipher))
            } catch {
                problems.append(
                    FeedRowProblem(
                        row: record.line, sourceRecordId: columns.sourceRecordId(record.fields), problem: error))
            }
            if records.count + problems.count >= batchSize { try await flush() }
        }
        if !records.isEmpty || !problems.isEmpty { try await flush() }
        add(try await writer.finish())
        return total
    }
}

extension Application {
    /// Feed rows pushed or uploaded as `actor`, for the sender's region `reach`.
    func feedIngest(actor: AuditActor, reach: RegionCode) -> FeedIngest {
        FeedIngest(writer: writer(actor: actor), cipher: platform.cipher, clock: platform.clock, reach: reach)
    }

    /// A feed file read in batches as `actor`, for the sender's region `reach`.
    func feedFileImport(actor: AuditActor, reach: RegionCode) -> FeedFileImport {
        FeedFileImport(
            bulkJobs: bulkJobs, writer: writer(actor: actor), cipher: platform.cipher, clock: platform.clock,
            reach: reach)
    }
}
