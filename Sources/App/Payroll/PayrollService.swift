import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The payroll's operations as one audited transaction each: generate, approve (by
/// someone other than the maker), and reconcile with the bank's return file. Built by
/// `Application.payroll(actor:)` or `Request.payroll`.
struct PayrollService {
    /// Reads.
    let db: SQLDatabase
    /// Audited writes as the acting officer; the roll, a bulk write, through `bulk`.
    let writer: AuditedWriter
    let bulk: BulkJobs
    let clock: PlatformClock

    private var actor: AuditActor { writer.actor }

    /// Generates the roll; the audit event carries its count and total.
    func generate(month: YearMonth, region: RegionCode, replace: Bool) async throws -> PayrollStore.Roll {
        let name = actor.name
        let now = clock.now
        // A roll is a bulk write: on SQLite it gets a bulk connection with a page cache of
        // its own, kept modest so that a million-line roll stays under 300 MB.
        let id = try await bulk.run(cacheMB: 96) { [writer] bulk in
            try await writer.transaction(on: bulk) { tx, audit in
                let store = PayrollStore(db: tx)
                // A child benefit ends from the month after the adult-age birthday, whether or
                // not the hourly round has run since (CHILDREN.md).
                _ = try await ChildRound.endBenefits(db: tx, audit: audit, payableFrom: month)
                let id = try await store.generate(month: month, region: region, by: name, replace: replace, at: now)
                let roll = try await store.roll(id: id)
                try await audit.record(
                    "payroll.generate", entity: "payroll_roll", id: id.uuidString, region: region.value,
                    after: [
                        "month": month.description, "lines": String(roll?.lineCount ?? 0),
                        "totalFen": String(roll?.totalFen ?? 0), "replace": String(replace),
                    ])
                return id
            }
        }
        guard let roll = try await PayrollStore(db: db).roll(id: id) else { throw Refusal.notFound("发放名册") }
        return roll
    }

    /// Maker–checker: the user who generated a roll cannot approve it; approval locks it.
    func approve(roll id: UUID, version: Int) async throws {
        let name = actor.name
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard let roll = try await PayrollStore(db: tx).roll(id: id) else { throw Refusal.notFound("发放名册") }
            guard roll.state == RollState.draft.rawValue else {
                throw Refusal(.conflict, "名册状态为“\(PayrollText.state(roll.state))”，不能审核", field: "state")
            }
            guard roll.version == version else { throw Refusal.staleVersion(current: roll.version) }
            guard roll.generatedBy != name else {
                throw Refusal(.forbidden, "生成名册的人（\(name)）不能审核同一名册：请由另一位经办人审核", field: "approvedBy")
            }
            guard try await PayrollStore(db: tx).approve(roll: id, version: version, by: name, at: now) else {
                throw Refusal.staleVersion(current: roll.version + 1)
            }
            try await audit.record(
                "payroll.approve", entity: "payroll_roll", id: id.uuidString, region: roll.region,
                before: ["state": RollState.draft.rawValue],
                after: [
                    "state": RollState.approved.rawValue, "lines": String(roll.lineCount),
                    "totalFen": String(roll.totalFen),
                ])
        }
    }

    struct Reconciliation: Content {
        var paid = 0
        var failed = 0
        var errors: [RowError] = []
    }

    /// The bank's return file (CSV: `lineId,result,reason`; result paid/failed or 成功/失败).
    /// Every row is checked first; bad rows are reported by line number and the good
    /// ones applied together. Failed lines are listed for correction and carried into the
    /// next roll.
    func reconcile(roll id: UUID, csv path: String) async throws -> Reconciliation {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw Refusal.invalid("file", "文件为空") }
        let names = header.fields.map { $0.trimmedWhitespace.lowercased() }
        guard let lineColumn = names.firstIndex(where: { $0 == "lineid" || $0 == "明细编号" }),
            let resultColumn = names.firstIndex(where: { $0 == "result" || $0 == "结果" })
        else {
            throw Refusal.invalid("file", "第1行应为表头，须包含 lineId/明细编号 和 result/结果 两列")
        }
        let reasonColumn = names.firstIndex(where: { $0 == "reason" || $0 == "原因" })
        var result = Reconciliation()
        var updates: [(row: Int, line: Int64, paid: Bool, reason: String?)] = []
        while let record = try reader.next() {
            func field(_ i: Int?) -> String? {
                i.flatMap { $0 < record.fields.count ? record.fields[$0].trimmedWhitespace : nil }
            }
            guard let line = field(lineColumn).flatMap({ Int64($0) }) else {
                result.errors.append(RowError(row: record.line, reason: "lineId/明细编号 应为数字")); continue
            }
            switch field(resultColumn) {
            case "paid", "成功": updates.append((record.line, line, true, nil))
            case "failed", "失败":
                updates.append(
                    (record.line, line, false, field(reasonColumn).flatMap { $0.isEmpty ? nil : $0 } ?? "银行未说明原因"))
            default: result.errors.append(RowError(row: record.line, reason: "result/结果 应为 paid/成功 或 failed/失败"))
            }
        }
        let unknownRows = try await writer.transaction { [updates] tx, audit in
            guard let roll = try await PayrollStore(db: tx).roll(id: id), roll.state != RollState.draft.rawValue else {
                throw Refusal(.conflict, "只有已审核的名册才能导入银行回盘", field: "state")
            }
            var unknown: [Int] = []
            var counts = (paid: 0, failed: 0)
            let store = PayrollStore(db: tx)
            for u in updates {
                guard try await store.recordBankResult(line: u.line, roll: id, paid: u.paid, reason: u.reason) else {
                    unknown.append(u.row); continue
                }
                if u.paid { counts.paid += 1 } else { counts.failed += 1 }
            }
            try await store.closeFinishedRolls()
            try await audit.record(
                "payroll.reconcile", entity: "payroll_roll", id: id.uuidString, region: roll.region,
                after: ["paid": String(counts.paid), "failed": String(counts.failed)])
            return unknown
        }
        let unknown = Set(unknownRows)
        for u in updates where !unknown.contains(u.row) { if u.paid { result.paid += 1 } else { result.failed += 1 } }
        result.errors += unknownRows.map { RowError(row: $0, reason: "明细编号不属于该名册，或该笔已转下月重发") }
        result.errors.sort { $0.row < $1.row }
        return result
    }
}

extension Application {
    /// The payroll service for a command or a job acting as `actor`.
    func payroll(actor: AuditActor) -> PayrollService {
        PayrollService(db: sql, writer: writer(actor: actor), bulk: bulkJobs, clock: platform.clock)
    }
}

extension Request {
    /// The payroll service of the signed-in officer.
    var payroll: PayrollService {
        PayrollService(db: sql, writer: writer, bulk: application.bulkJobs, clock: platform.clock)
    }
}
