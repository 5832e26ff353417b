import MinzhengCore
import Testing

/// Issue 12: an import's batches end between households, never inside one.
@Suite("Import batches of whole households")
struct WholeHouseholdBatchesTests {
    /// Rows as (household, row number); the batches must keep each household whole and
    /// every row once.
    @Test(
        "no household is split across batches",
        arguments: [
            // household per row in file order, batch size
            (["A", "A", "A", "B", "B", "C"], 2),
            (["A", "B", "A", "B", "A", "C"], 2),  // interleaved households
            (["A", "A", "A", "A", "A"], 2),  // one household larger than a batch
            (["A", "B", "C", "D", "E", "F", "G"], 3),
            (["A", "B", "C", "A", "B", "C"], 1),
            ([], 5),
        ])
    func whole(households rows: [String], batchSize: Int) {
        let counts = Dictionary(rows.map { ($0, 1) }, uniquingKeysWith: +)
        var batcher = WholeHouseholdBatches<(String, Int)>(batchSize: batchSize)
        var batches: [[(String, Int)]] = []
        for (i, ref) in rows.enumerated() {
            if let batch = batcher.add((ref, i), household: ref, rows: counts[ref]!) { batches.append(batch) }
        }
        if let last = batcher.finish() { batches.append(last) }
        #expect(batches.flatMap { $0.map(\.1) }.sorted() == Array(rows.indices))
        for batch in batches {
            for (ref, count) in Dictionary(batch.map { ($0.0, 1) }, uniquingKeysWith: +) {
                #expect(count == counts[ref], "household \(ref) split: \(count) of \(counts[ref]!) rows in one batch")
            }
        }
        // Every batch but the last reached the size.
        for batch in batches.dropLast() { #expect(batch.count >= batchSize) }
    }

    @Test("a household's rows keep their file order")
    func order() {
        var batcher = WholeHouseholdBatches<Int>(batchSize: 10)
        _ = batcher.add(1, household: "A", rows: 2)
        _ = batcher.add(2, household: "B", rows: 1)
        _ = batcher.add(3, household: "A", rows: 2)
        #expect(batcher.finish() == [2, 1, 3])
    }
}
