/// The columns of an uploaded feed file, from its header row. Column names are the JSON
/// field names (`sourceRecordId,idNumber,deathDate`), in any order, so one documentation
/// serves both the API and the file upload.
public struct FeedCSVColumns: Sendable {
    public let kind: FeedKind
    /// The field of each column, in file order.
    public let names: [String]

    /// Checks the header: every column known to the kind, none repeated, every required
    /// field present. An error here names the column and stops the file, because every
    /// row would fail the same way.
    public init(kind: FeedKind, header: [String]) throws(FieldProblem) {
        let known = Set(kind.allFields)
        var names: [String] = []
        for (i, raw) in header.enumerated() {
            // Excel may leave a byte-order mark on the first name.
            var name = raw.trimmedWhitespace
            if i == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            guard known.contains(name) else {
                throw FieldProblem(
                    "header", "第\(i + 1)列“\(raw)”不是 \(kind.rawValue) 的字段（应为 \(kind.allFields.joined(separator: "、"))）")
            }
            guard !names.contains(name) else { throw FieldProblem("header", "第\(i + 1)列“\(name)”重复") }
            names.append(name)
        }
        let missing = kind.allFields.filter { !names.contains($0) && !kind.optionalFields.contains($0) }
        guard missing.isEmpty else {
            throw FieldProblem("header", "缺少列 " + missing.joined(separator: "、"))
        }
        self.kind = kind
        self.names = names
    }

    /// Checks one record (the cells of a row, in header order).
    public func record(_ cells: [String], today: CivilDate) throws(FieldProblem) -> FeedRecord {
        guard cells.count <= names.count else {
            throw FieldProblem("row", "有 \(cells.count) 列，表头只有 \(names.count) 列")
        }
        // A short row (Excel drops trailing empty cells) reads its missing cells as blank.
        let pairs = names.enumerated().map { i, name in (name: name, text: i < cells.count ? cells[i] : "") }
        return try FeedRecord.parse(kind: kind, fields: FeedRowFields(csv: pairs), today: today)
    }

    /// The source record id of a row even when the row is invalid, for the problem report.
    public func sourceRecordId(_ cells: [String]) -> String? {
        guard let i = names.firstIndex(of: "sourceRecordId"), i < cells.count else { return nil }
        let t = cells[i].trimmedWhitespace
        return t.isEmpty ? nil : String(t.prefix(FeedRecord.maxSourceRecordIdLength))
    }
}
