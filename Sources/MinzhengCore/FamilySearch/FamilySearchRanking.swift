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
    /// The best `limit` of `candidates` for `query`, best first (equal scores by tie key); the
    /// block is all of them. Only the best `limit` are kept while scoring: a query without a
    /// name meets tens of thousands of reports in a city's file, and the rematch ranks a block
    /// once per notice.
    public func top<ID>(
        _ limit: Int, for query: PreparedProfile, among candidates: [RankingCandidate<ID>]
    )
        -> [RankedCandidate<ID>]
    {
        guard limit > 0 else { return [] }
        let scorer = Scorer(self, block: candidates.count)
        var best: [(index: Int, score: Double, vector: ComparisonVector)] = []
        best.reserveCapacity(limit + 1)
        func ranksBefore(
            _ score: Double, _ tie: TieKey, _ other: (index: Int, score: Double, vector: ComparisonVector)
        )
            -> Bool
        {
            score != other.score ? score > other.score : tie < candidates[other.index].tie
        }
        for (index, candidate) in candidates.enumerated() {
            let vector = FamilySearchIndex.compare(query, candidate.profile)
            let score = scorer.score(vector)
            if best.count == limit, let last = best.last, !ranksBefore(score, candidate.tie, last) { continue }
            var at = best.count  // from the end: `limit` is small
            while at > 0 && ranksBefore(score, candidate.tie, best[at - 1]) { at -= 1 }
            best.insert((index, score, vector), at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map { RankedCandidate(id: candidates[$0.index].id, score: $0.score, vector: $0.vector) }
    }
}
