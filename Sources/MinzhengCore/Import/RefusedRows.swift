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
