import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng import households FILE.csv|FILE.xlsx` and the upload page.
///
/// Two passes over the file keep memory small: the first validates every row and notes,
/// per household, whether it has exactly one head and no rejected row (plus a compact set
/// of the ID numbers seen, for duplicates in the file); the second writes the households
/// that passed, in batches, each batch in one transaction. Rows are matched to what is
/// already stored by ID number (persons) and household reference (households), so that
/// importing the same file again changes nothing.
/// Each batch is one audited transaction: its audit event lists the households and
/// persons it created and the changes it made.
struct HouseholdImporter {
    let bulk: BulkJobs
    /// Audited as the importing user, or the command line.
    let writer: AuditedWriter
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock
    let today: CivilDate
    /// The importing user's region: rows for households elsewhere are refused.
    var scope: RegionCode = RegionTable.changzhou
    /// Rows per transaction-sized write (at least: a batch ends after the household that
    /// reaches it). With a 192 MB page cache, 10 000 rows imported a
    /// million in 18.9 s at a 383 MB peak; 2 000 rows with 256 MB took 21–22 s at 406 MB
    /// (each batch pays for its own household and audit statements).
    let batchSize = 10_000

    struct Summary: Codable, Sendable {
        var imported = 0
        var updated = 0
        var rejected = 0
        var errors: [RowError] = []
        /// The refused rows themselves, for the refused-rows CSV (not in the JSON summary).
        var refusedRows: RefusedRows?

        private enum CodingKeys: String, CodingKey { case imported, updated, rejected, errors }
    }

    /// What the first pass keeps of a household.
    private struct HouseholdCheck {
        var firstLine: Int
        var heads = 0
        var rows = 0
        var rejected = false
    }

    /// Imports a CSV file or an .xlsx workbook's first sheet.
    func run(path: String, progress: JobProgress? = nil) async throws -> Summary {
        let file = try ImportFile.open(path)
        defer { file.close() }
        let path = file.path
        var summary = Summary()
        let (columns, households) = try await firstPass(path: path, summary: &summary, progress: progress)
        let firstPassSummary = summary
        summary = try await self.bulk.run(cacheMB: 192) { [self] bulk in
            var summary = firstPassSummary
            try await secondPass(
                path: path, columns: columns, households: households, on: bulk, summary: &summary, progress: progress)
            return summary
        }
        summary.errors.sort { $0.row < $1.row }
        if !summary.errors.isEmpty {
            summary.refusedRows = try Self.refusedRows(
                path: path, columns: columns, households: households, errorLines: Set(summary.errors.map(\.row)))
        }
        return summary
    }

    /// One more read of the file, only when rows were refused: keeps the rows with an error
    /// and every row of a household refused whole, as they are in the file.
    private static func refusedRows(
        path: String, columns: HouseholdImportColumns, households: [String: HouseholdCheck],
        errorLines: Set<Int>
    ) throws -> RefusedRows {
        let reader = try CSVReader(path: path)
        var refused = RefusedRows(header: try reader.next()?.fields ?? [])
        while let record = try reader.next() {
            let householdRefused =
                columns.householdRefValue(record.fields).flatMap { households[$0]?.rejected } ?? false
            if householdRefused || errorLines.contains(record.line) {
                refused.add(line: record.line, fields: record.fields)
            }
        }
        return refused
    }

    /// What the first pass needs of a row: its household and ID number, or why it fails.
    private struct CheckedRow: Sendable {
        let line: Int
        let householdRef: String?
        let outcome: Result<(isHead: Bool, idKey: UInt64), FieldProblem>
    }

    /// Validates rows on their own (the part of the first pass that needs no other row).
    private static func check(
        _ records: [CSVReader.Record], columns: HouseholdImportColumns, today: CivilDate, regions: RegionTable,
        scope: RegionCode
    ) -> [CheckedRow] {
        records.map { record in
            let outcome = Result { () throws(FieldProblem) -> (isHead: Bool, idKey: UInt64) in
                let row = try columns.row(record.fields, line: record.line, today: today, regions: regions)
                guard scope.contains(row.region) else {
                    throw FieldProblem("region", "区划 \(row.region.value) 不在您的管辖范围（\(scope.value)）内")
                }
                return (row.relation == .head, Self.numericKey(row.person.residentID))
            }
            return CheckedRow(
                line: record.line, householdRef: columns.householdRefValue(record.fields), outcome: outcome)
        }
    }

    /// Rows are validated a chunk at a time beside the reading of the next chunk (two cores:
    /// this pass was 4 s of a 25 s import, run on one), then counted in file order.
    private func firstPass(
        path: String, summary: inout Summary, progress: JobProgress?
    ) async throws -> (HouseholdImportColumns, [String: HouseholdCheck]) {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw FieldProblem("file", "文件为空，第1行应为表头") }
        let columns = try HouseholdImportColumns(header: header.fields)
        var households: [String: HouseholdCheck] = [:]
        // ID numbers as 64-bit integers (the 17 digits determine the check character).
        var seen: [UInt64: Int] = [:]
        func count(_ rows: [CheckedRow]) {
            for checked in rows {
                do throws(FieldProblem) {
                    let (isHead, key) = try checked.outcome.get()
                    if let earlier = seen[key] {
                        throw FieldProblem("idNumber", "身份证号与第\(earlier)行重复")
                    }
                    seen[key] = checked.line
                    let ref = checked.householdRef!
                    households[ref, default: HouseholdCheck(firstLine: checked.line)].rows += 1
                    if isHead { households[ref]!.heads += 1 }
                } catch {
                    summary.errors.append(
                        RowError(row: checked.line, reason: "\(Self.columnLabel(error.field))：\(error.message)"))
                    if let ref = checked.householdRef {
                        households[ref, default: HouseholdCheck(firstLine: checked.line)].rejected = true
                        households[ref]!.rows += 1
                    } else {
                        summary.rejected += 1
                    }
                }
            }
        }
        var checking: Task<[CheckedRow], Never>?
        while true {
            var chunk: [CSVReader.Record] = []
            chunk.reserveCapacity(5_000)
            while chunk.count < 5_000, let record = try reader.next() { chunk.append(record) }
            let next =
                chunk.isEmpty
                ? nil
                : Task { [columns, today, regions, scope, chunk] in
                    Self.check(chunk, columns: columns, today: today, regions: regions, scope: scope)
                }
            if let checking { count(await checking.value) }
            progress?.update(done: reader.bytesRead / 2, total: reader.fileSize)
            guard let next else { break }
            checking = next
        }
        for (ref, check) in households where !check.rejected && check.heads != 1 {
            let reason = check.heads == 0 ? "户编号 \(ref) 没有户主（与户主关系为“本人”的成员）" : "户编号 \(ref) 有\(check.heads)名户主"
            summary.errors.append(RowError(row: check.firstLine, reason: reason))
            households[ref]!.rejected = true
        }
        for (ref, check) in households where check.rejected {
            summary.rejected += check.rows
            if check.rows > 1 {
                summary.errors.append(RowError(row: check.firstLine, reason: "户编号 \(ref) 有错误行，全户\(check.rows)人未导入"))
            }
        }
        return (columns, households)
    }

    private func secondPass(
        path: String, columns: HouseholdImportColumns, households: [String: HouseholdCheck], on bulk: BulkDatabase,
        summary: inout Summary, progress: JobProgress?
    ) async throws {
        let reader = try CSVReader(path: path)
        _ = try reader.next()
        var batches = WholeHouseholdBatches<HouseholdImportRow>(batchSize: batchSize)
        var writer = PipelinedWriter<ImportBatchWriter.Counts>()
        let now = clock.now
        func submit(_ batch: [HouseholdImportRow]) async throws {
            Self.add(
                try await writer.submit(
                    write(ImportBatchWriter.prepare(batch, cipher: cipher, now: now), now: now, on: bulk)), to: &summary
            )
        }
        while let record = try reader.next() {
            guard let ref = columns.householdRefValue(record.fields), let check = households[ref], !check.rejected,
                let row = try? columns.row(record.fields, line: record.line, today: today, regions: regions)
            else { continue }
            guard let batch = batches.add(row, household: ref, rows: check.rows) else { continue }
            try await submit(batch)
            progress?.update(done: reader.fileSize / 2 + reader.bytesRead / 2, total: reader.fileSize)
        }
        if let last = batches.finish() { try await submit(last) }
        Self.add(try await writer.finish(), to: &summary)
        progress?.update(done: reader.fileSize, total: reader.fileSize)
    }

    /// Writes one batch in one audited transaction; the counts are of new and changed persons.
    private func write(
        _ batch: ImportBatchWriter.PreparedBatch, now: Date, on bulk: BulkDatabase
    ) -> @Sendable () async throws -> ImportBatchWriter.Counts {
        { [writer, cipher, scope] in
            try await writer.transaction(on: bulk) { tx, audit in
                try await ImportBatchWriter(db: tx, cipher: cipher, scope: RegionScope(scope), audit: audit).write(
                    batch, now: now)
            }
        }
    }

    private static func add(_ counts: ImportBatchWriter.Counts?, to summary: inout Summary) {
        guard let counts else { return }
        summary.imported += counts.imported
        summary.updated += counts.updated
        summary.rejected += counts.errors.count
        summary.errors += counts.errors
    }

    static func numericKey(_ id: ResidentID) -> UInt64 {
        var v: UInt64 = 0
        for b in id.value.utf8.prefix(17) { v = v * 10 + UInt64(b - 48) }
        return v
    }

    static func columnLabel(_ field: String) -> String {
        HouseholdImportColumns.Field(rawValue: field).map { "\($0.rawValue)/\($0.chineseName)" } ?? field
    }
}

extension Application {
    /// An importer of households as `actor`, for `scope` (the importing user's region).
    func householdImporter(actor: AuditActor, scope: RegionCode = RegionTable.changzhou) -> HouseholdImporter {
        HouseholdImporter(
            bulk: bulkJobs, writer: writer(actor: actor), cipher: platform.cipher, regions: platform.regions,
            clock: platform.clock, today: platform.clock.today, scope: scope)
    }
}
