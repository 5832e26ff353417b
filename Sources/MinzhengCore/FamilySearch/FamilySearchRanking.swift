import Foundation

/// Orders candidates of equal score the same way on every run and database: by a record's id
/// (its bytes, which is the order of its text) or by an index.
public struct TieKey: Comparable, Sendable {
    let high: UInt64
    let low: UInt64

    public init(_ id: UUID) {
        (high, low) = withUnsafeBytes(of: id.uuid) { bytes in
            (
                UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }

    public init(_ index: Int) {
        high = 0
        low = UInt64(index)
    }

    public static func < (a: TieKey, b: TieKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// A record of the other side that a query meets, prepared once (the rematch ranks one block's
/// records for every notice that meets it).
public struct RankingCandidate<ID: Sendable>: Sendable {
    public let id: ID
    public let profile: PreparedProfile
    public let tie: TieKey

    public init(id: ID, profile: PreparedProfile, tie: TieKey) {
        self.id = id
        self.profile = profile
        self.tie = tie
    }
}

/// A candidate as ranked: its score and the comparison that explains it.
public struct RankedCandidate<ID: Sendable>: Sendable {
    public let id: ID
    public let score: Double
    public let vector: ComparisonVector
}

extension MatchModel {
    /// The best `limit` of `candidates` for `query`, best first (equal scores by tie key), each
    /// scored among all of them (`scores(_:)`: the block and the rivals are all the candidates).
    /// Only the best `limit` are kept while scoring: a query without a name meets tens of
    /// thousands of reports in a city's file, and the rematch ranks a block once per notice.
    /// From `parallelFrom` candidates on, the cores score a share each.
    public func top<ID>(
        _ limit: Int, for query: PreparedProfile, among candidates: [RankingCandidate<ID>],
        parallelFrom: Int = 20_000
    )
        -> [RankedCandidate<ID>]
    {
        guard limit > 0 else { return [] }
        let scorer = Scorer(self, block: candidates.count)
        let cores = candidates.count >= parallelFrom ? max(ProcessInfo.processInfo.activeProcessorCount, 1) : 1
        let shares = (0..<cores).map { c in candidates.count * c / cores..<candidates.count * (c + 1) / cores }
        let ranked = Shares<BestOf<ID>>(count: cores)
        DispatchQueue.concurrentPerform(iterations: cores) { c in
            var best = BestOf(limit: limit, candidates: candidates)
            for index in shares[c] {
                best.add(index, vector: FamilySearchIndex.compare(query, candidates[index].profile), scorer: scorer)
            }
            ranked[c] = best
        }
        var all = ranked[0]
        for c in 1..<cores { all.merge(ranked[c]) }
        return all.best.map {
            RankedCandidate(id: candidates[$0.index].id, score: all.rivals.posterior($0.odds), vector: $0.vector)
        }
    }
}

/// The best `limit` candidates met so far by log2 odds (which order them as their scores do;
/// equal odds by tie key), and the rivals' sum of all of them.
struct BestOf<ID: Sendable>: Sendable {
    let limit: Int
    let candidates: [RankingCandidate<ID>]
    var best: [(index: Int, odds: Double, vector: ComparisonVector)] = []
    var rivals = MatchModel.Rivals()

    init(limit: Int, candidates: [RankingCandidate<ID>]) {
        self.limit = limit
        self.candidates = candidates
        best.reserveCapacity(limit + 1)
    }

    mutating func add(_ index: Int, vector: ComparisonVector, scorer: MatchModel.Scorer) {
        let odds = scorer.logOdds(vector)
        rivals.add(odds)
        insert((index, odds, vector))
    }

    mutating func merge(_ other: BestOf) {
        rivals.merge(other.rivals)
        for entry in other.best { insert(entry) }
    }

    private mutating func insert(_ entry: (index: Int, odds: Double, vector: ComparisonVector)) {
        if best.count == limit, let last = best.last, !ranksBefore(entry, last) { return }
        var at = best.count  // from the end: `limit` is small
        while at > 0 && ranksBefore(entry, best[at - 1]) { at -= 1 }
        best.insert(entry, at: at)
        if best.count > limit { best.removeLast() }
    }

    private func ranksBefore(
        _ a: (index: Int, odds: Double, vector: ComparisonVector),
        _ b: (index: Int, odds: Double, vector: ComparisonVector)
    ) -> Bool {
        a.odds != b.odds ? a.odds > b.odds : candidates[a.index].tie < candidates[b.index].tie
    }
}

/// One slot per share of a parallel loop, each written by its own iteration only.
final class Shares<Value>: @unchecked Sendable {
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(_ i: Int) -> Value {
        get { values[i]! }
        set { values[i] = newValue }
    }
}
