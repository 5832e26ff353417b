/// An in-memory blocking index of one side's profiles (the reports, or the notices), for the
/// benchmark, the tests and the model's estimation; the database keeps the same keys in a table.
public struct FamilySearchIndex: Sendable {
    public let profiles: [PreparedProfile]
    var byKey: [String: [Int32]] = [:]

    public init(_ profiles: [FamilySearchProfile]) {
        self.profiles = profiles.map { PreparedProfile($0) }
        for (i, p) in self.profiles.enumerated() {
            for key in p.blockingKeys() { byKey[key, default: []].append(Int32(i)) }
        }
    }

    /// The indices of the profiles sharing a blocking key with `query` (each once).
    public func candidates(for query: PreparedProfile) -> [Int] {
        var seen = Set<Int32>()
        for key in query.blockingKeys(query: true) { for i in byKey[key] ?? [] { seen.insert(i) } }
        return seen.map(Int.init)
    }

    /// The comparison vectors of every candidate pair of `query`.
    public func pairs(for query: PreparedProfile) -> [(index: Int, vector: ComparisonVector)] {
        candidates(for: query).map { i in
            (i, Self.compare(query, profiles[i]))
        }
    }

    /// The best `limit` candidates by score, best first (ties by index).
    public func top(_ limit: Int, for query: PreparedProfile, model: MatchModel) -> [RankedCandidate<Int>] {
        model.top(
            limit, for: query,
            among: candidates(for: query).map { RankingCandidate(id: $0, profile: profiles[$0], tie: TieKey($0)) })
    }

    /// Compares two profiles with the found person first, whichever side the query is.
    public static func compare(_ a: PreparedProfile, _ b: PreparedProfile) -> ComparisonVector {
        a.profile.side == .found ? .compare(found: a, lost: b) : .compare(found: b, lost: a)
    }
}
