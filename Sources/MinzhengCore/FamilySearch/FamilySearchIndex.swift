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
    public func top(_ limit: Int, for query: PreparedProfile, model: MatchModel) -> [FamilySearchCandidate] {
        let pairs = pairs(for: query)
        return FamilySearchCandidate.best(
            pairs.map { FamilySearchCandidate(index: $0.index, vector: $0.vector, block: pairs.count, model: model) },
            limit)
    }

    /// Compares two profiles with the found person first, whichever side the query is.
    public static func compare(_ a: PreparedProfile, _ b: PreparedProfile) -> ComparisonVector {
        a.profile.side == .found ? .compare(found: a, lost: b) : .compare(found: b, lost: a)
    }
}

/// A scored candidate with why it scored so.
public struct FamilySearchCandidate: Sendable {
    public let index: Int
    public let vector: ComparisonVector
    public let score: Double

    /// `block`: how many candidates the query met (the score's prior depends on it).
    public init(index: Int, vector: ComparisonVector, block: Int, model: MatchModel) {
        self.index = index
        self.vector = vector
        score = model.score(vector, block: block)
    }

    public static func best(_ all: [FamilySearchCandidate], _ limit: Int) -> [FamilySearchCandidate] {
        Array(all.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.prefix(limit))
    }
}
