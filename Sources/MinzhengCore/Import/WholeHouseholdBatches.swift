/// Cuts an import's rows into batches of whole households, so that a job killed between
/// two batches (each its own transaction) leaves every household all there or not at all.
/// A household's rows need not be next to each other in the file: they wait until the last
/// of them (its count is known from the first pass) has come, then join the batch.
public struct WholeHouseholdBatches<Row> {
    /// Rows at which a batch is complete: it ends after the household that reaches it.
    public let batchSize: Int
    private var batch: [Row] = []
    private var waiting: [String: [Row]] = [:]

    public init(batchSize: Int) {
        self.batchSize = batchSize
    }

    /// Adds a row of household `ref`, which has `rows` rows in all; answers a full batch.
    public mutating func add(_ row: Row, household ref: String, rows: Int) -> [Row]? {
        waiting[ref, default: []].append(row)
        guard waiting[ref]!.count >= rows else { return nil }
        batch += waiting.removeValue(forKey: ref)!
        guard batch.count >= batchSize else { return nil }
        defer { batch.removeAll(keepingCapacity: true) }
        return batch
    }

    /// The last batch (nil when empty). Households still short of rows, which a first pass
    /// that counted right cannot leave, are not in it.
    public mutating func finish() -> [Row]? {
        defer { batch.removeAll() }
        return batch.isEmpty ? nil : batch
    }
}
