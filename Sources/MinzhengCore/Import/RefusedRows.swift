/// The rows of an import file that were refused, as the clerk gets them back: the file's
/// own header and each row's own values, with its line and the reasons in two leading
/// columns, so that the clerk corrects this file and imports it again (the importer skips
/// the two columns). Only refused rows are kept, so memory follows the number of refusals.
public struct RefusedRows: Sendable {
    public static let lineColumn = "原文件行号"
    public static let reasonColumn = "未导入原因"
    /// The reason of a row refused only because its household has a bad row: households are imported whole.
    public static let householdReason = "同户有其他行出错，全户未导入；改正后整户一起重新导入"

    public let header: [String]
    public private(set) var rows: [(line: Int, fields: [String])] = []

    public init(header: [String]) {
        self.header = header
    }

    public mutating func add(line: Int, fields: [String]) {
        rows.append((line, fields))
    }

    /// Whether an import file's column is one of the two this file adds.
    public static func isAddedColumn(_ name: String) -> Bool {
        name == lineColumn || name == reasonColumn
    }

    /// The file: the two added columns, then the original ones; the rows in file order,
    /// each with its reasons (`reasons[line]`, joined) or the household's.
    public func table(reasons: [Int: [String]]) -> (header: [String], rows: [[String]]) {
        let body = rows.sorted { $0.line < $1.line }.map { row in
            [String(row.line), reasons[row.line].map { $0.joined(separator: "；") } ?? Self.householdReason] + row.fields
        }
        return ([Self.lineColumn, Self.reasonColumn] + header, body)
    }
}

/// Kept with a background job's outcome (`background_jobs`), so that any server hands out
/// the refused-rows file: each row as its line and then its fields.
extension RefusedRows: Codable {
    private enum CodingKeys: String, CodingKey { case header, rows }

    private struct Row: Codable {
        let line: Int
        let fields: [String]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        header = try container.decode([String].self, forKey: .header)
        rows = try container.decode([Row].self, forKey: .rows).map { ($0.line, $0.fields) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(header, forKey: .header)
        try container.encode(rows.map { Row(line: $0.line, fields: $0.fields) }, forKey: .rows)
    }
}
