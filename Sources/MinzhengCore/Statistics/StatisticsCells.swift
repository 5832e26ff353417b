/// One value of one figure in one region: the store's answer for a month, the snapshot's
/// content. `region` is the record's region cut to a street (or shorter when the record names
/// only a district).
public struct StatisticsCell: Codable, Hashable, Sendable {
    public let region: String
    public let figure: String
    public let value: Int64

    public init(region: String, figure: String, value: Int64) {
        (self.region, self.figure, self.value) = (region, figure, value)
    }
}

public enum StatisticsCells {
    /// The cells in canonical order, zero values dropped and equal (region, figure) pairs
    /// added up: what a snapshot stores and its digest covers.
    public static func canonical(_ cells: [StatisticsCell]) -> [StatisticsCell] {
        var sums: [String: [String: Int64]] = [:]
        for c in cells where c.value != 0 { sums[c.region, default: [:]][c.figure, default: 0] += c.value }
        return sums.keys.sorted().flatMap { region in
            sums[region]!.sorted { $0.key < $1.key }.compactMap { key, value in
                value == 0 ? nil : StatisticsCell(region: region, figure: key, value: value)
            }
        }
    }

    /// The SHA-256 of the canonical cells, one `region figure value` line each: the same
    /// records give the same digest on any machine and database.
    public static func digest(_ cells: [StatisticsCell]) -> String {
        let text = canonical(cells).map { "\($0.region) \($0.figure) \($0.value)\n" }.joined()
        return SHA256.hexDigest(Array(text.utf8))
    }

    /// The cells under `prefix` (a region code), for a scoped view of a frozen month.
    public static func within(_ prefix: String, _ cells: [StatisticsCell]) -> [StatisticsCell] {
        cells.filter { $0.region.hasPrefix(prefix) }
    }

    /// A year from its months, in order: a flow is the sum of the months, a stock the value of
    /// the last month given (so a year in progress shows where it stands).
    public static func year(_ months: [[StatisticsCell]]) -> [StatisticsCell] {
        var result: [StatisticsCell] = []
        for (i, month) in months.enumerated() {
            for cell in month {
                let kind = StatisticsCatalogue.figure(cell.figure)?.kind ?? .flow
                if kind == .flow || i == months.count - 1 { result.append(cell) }
            }
        }
        return canonical(result)
    }

    /// The figures of a view: for each figure of the catalogue, the total under `region` and
    /// its value in each of `columns` (the region's districts or streets, by code prefix).
    public static func table(_ cells: [StatisticsCell], region: String, columns: [String]) -> [StatisticsLine] {
        var total: [String: Int64] = [:]
        var byColumn: [String: [String: Int64]] = [:]
        for cell in cells where cell.region.hasPrefix(region) {
            total[cell.figure, default: 0] += cell.value
            if let column = columns.first(where: { cell.region.hasPrefix($0) }) {
                byColumn[cell.figure, default: [:]][column, default: 0] += cell.value
            }
        }
        return StatisticsCatalogue.figures.map { f in
            StatisticsLine(
                figure: f, total: total[f.key] ?? 0, values: columns.map { byColumn[f.key]?[$0] ?? 0 })
        }
    }
}

/// One figure of a view: its total and its values by column.
public struct StatisticsLine: Sendable {
    public let figure: StatisticsFigure
    public let total: Int64
    public let values: [Int64]
}
