import Foundation

/// A pushed batch read row by row: good rows are kept and bad rows reported with their
/// number and reason, so one bad row never costs a department the whole batch.
public struct FeedBatch: Sendable {
    /// Checked rows with their 1-based position in the batch.
    public let records: [(row: Int, record: FeedRecord)]
    public let problems: [FeedRowProblem]

    /// The most rows one request may carry; larger pushes are split by the sender, so a
    /// request's memory stays bounded. Files go through the CSV import instead.
    public static let maxRows = 10_000

    /// Reads a body that is a JSON array of row objects, or an object `{"items": [...]}`.
    /// Fails as a whole only when the body itself is unreadable or too large.
    public init(kind: FeedKind, jsonData data: Data, today: CivilDate) throws(FieldProblem) {
        let top = try? JSONSerialization.jsonObject(with: data)
        guard let rows = (top as? [Any]) ?? ((top as? [String: Any])?["items"] as? [Any]) else {
            throw FieldProblem("body", "应为 JSON 数组，或含 items 数组的对象")
        }
        guard rows.count <= FeedBatch.maxRows else {
            throw FieldProblem("body", "一次最多 \(FeedBatch.maxRows) 行，本次 \(rows.count) 行，请分批推送")
        }
        var records: [(row: Int, record: FeedRecord)] = []
        var problems: [FeedRowProblem] = []
        for (i, raw) in rows.enumerated() {
            guard let object = raw as? [String: Any] else {
                problems.append(
                    FeedRowProblem(row: i + 1, sourceRecordId: nil, problem: FieldProblem("row", "应为 JSON 对象")))
                continue
            }
            do {
                records.append((i + 1, try FeedRecord(kind: kind, json: object, today: today)))
            } catch {
                let id = FeedBatch.readableSourceRecordId(object["sourceRecordId"])
                problems.append(FeedRowProblem(row: i + 1, sourceRecordId: id, problem: error))
            }
        }
        self.records = records
        self.problems = problems
    }

    /// The source record id of a refused row, when it is readable at all, for the report.
    static func readableSourceRecordId(_ raw: Any?) -> String? {
        switch raw.flatMap(FeedRowFields.jsonValue) {
        case .text(let s)?:
            let t = s.trimmedWhitespace
            return t.isEmpty ? nil : String(t.prefix(FeedRecord.maxSourceRecordIdLength))
        case .integer(let n)?: return String(n)
        default: return nil
        }
    }
}

/// Why one row of a batch or file was refused.
public struct FeedRowProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The row's position in a pushed batch (from 1), or its line in a CSV file.
    public let row: Int
    /// The department's id for the row when it could be read, so they can find it.
    public let sourceRecordId: String?
    public let problem: FieldProblem

    public init(row: Int, sourceRecordId: String?, problem: FieldProblem) {
        self.row = row
        self.sourceRecordId = sourceRecordId
        self.problem = problem
    }

    /// `第3行（sourceRecordId M-001）：deathDate: 应为 YYYY-MM-DD`.
    public var description: String {
        let id = sourceRecordId.map { "（sourceRecordId \($0)）" } ?? ""
        return "第\(row)行\(id)：\(problem)"
    }
}
