import Foundation

/// The Fellegi–Sunter model of a (found, lost) candidate pair: for each field and agreement
/// level, m = P(level | same person) and u = P(level | different people), and the prior share
/// of same-person pairs among candidates. A pair's score is the posterior probability that it is
/// the same person, so among pairs scored 0.8 about 80 % are (when the model fits the data).
/// Nothing is hand-weighted: `estimate` finds m, u and the prior by expectation–maximisation over
/// unlabelled candidate pairs.
public struct MatchModel: Sendable, Hashable, Codable {
    public var prior: Double
    public var m: [[Double]]
    public var u: [[Double]]
    /// The posterior's log2 odds are `slope × weight + blockSlope × log2(block) + offset`: slope 1,
    /// no block term and the prior's odds as offset is Fellegi–Sunter as written; `calibrated(on:)`
    /// fits all three on labelled pairs, which corrects for fields that are not independent (a
    /// name's sound and the blocking that chose it) and for the file's size: the more candidates a
    /// query meets, the smaller the prior that any one of them is the person (about 1 / block, so
    /// the fitted `blockSlope` comes out near −1), which keeps a score's meaning from a file of
    /// three thousand reports to one of a million.
    public var slope: Double = 1
    public var blockSlope: Double = 0
    public var offset: Double?

    public init(prior: Double, m: [[Double]], u: [[Double]]) {
        self.prior = prior
        self.m = m
        self.u = u
    }

    /// log2(m/u) of a field's level: the evidence it gives, shown in the "why".
    public func weight(_ field: MatchField, _ level: Int) -> Double {
        log2(m[field.rawValue][level] / u[field.rawValue][level])
    }

    /// The match weight: the sum of the fields' weights (missing fields count zero).
    public func matchWeight(_ v: ComparisonVector) -> Double {
        var w = 0.0
        for field in MatchField.allCases { if let level = v[field] { w += weight(field, level) } }
        return w
    }

    /// The posterior probability of the same person, 0…1, for a pair among `block` candidates
    /// compared for the same query.
    public func score(_ v: ComparisonVector, block: Int) -> Double { Scorer(self, block: block).score(v) }

    /// `score(_:block:)` for the many candidates of one query: the fields' weights and the
    /// block's term are worked out once, not per pair.
    public struct Scorer: Sendable {
        let weights: [[Double]]
        let slope: Double
        /// The log2 odds before the evidence: the prior, and the block's size once calibrated.
        let base: Double

        public init(_ model: MatchModel, block: Int) {
            weights = MatchField.allCases.map { field in (0..<field.levels).map { model.weight(field, $0) } }
            slope = model.slope
            base =
                model.blockSlope * log2(Double(max(block, 1)))
                + (model.offset ?? log2(model.prior / (1 - model.prior)))
        }

        public func score(_ v: ComparisonVector) -> Double {
            var weight = 0.0
            for (field, level) in v.levels.enumerated() { if let level { weight += weights[field][level] } }
            return 1 / (1 + pow(2, -(slope * weight + base)))
        }
    }

    /// Why a pair scored as it did: each known field's level in words with its weight, strongest first.
    public func why(_ v: ComparisonVector) -> [String] {
        MatchField.allCases.compactMap { field -> (String, Double)? in
            guard let level = v[field] else { return nil }
            let w = weight(field, level)
            return (field.describe(level) + String(format: "（%+.1f）", w), w)
        }
        .sorted { abs($0.1) > abs($1.1) }
        .map(\.0)
    }

    /// Estimates the model from unlabelled candidate pairs by EM: u starts from the pairs' own
    /// level frequencies (nearly all candidates are different people), m from a guess that
    /// prefers the better levels; each round re-weighs every pair by its posterior. Laplace
    /// smoothing keeps every probability above zero.
    public static func estimate(
        pairs: [ComparisonVector], iterations: Int = 60, initialPrior: Double = 0.01, updateU: Bool = false
    )
        -> MatchModel
    {
        let fields = MatchField.allCases
        // Distinct vectors with their counts: EM over a few hundred patterns, not millions of pairs.
        var patterns: [ComparisonVector: Double] = [:]
        for p in pairs { patterns[p, default: 0] += 1 }
        let list = Array(patterns)
        var model = MatchModel(
            prior: initialPrior,
            m: fields.map { f in
                let raw = (0..<f.levels).map { pow(0.25, Double($0)) }
                let total = raw.reduce(0, +)
                return raw.map { $0 / total }
            },
            u: fields.map { f in
                var counts = Array(repeating: 0.0, count: f.levels)
                for (v, n) in list { if let l = v[f] { counts[l] += n } }
                return smoothed(counts)
            })
        for _ in 0..<iterations {
            var mCounts = fields.map { Array(repeating: 0.0, count: $0.levels) }
            var uCounts = fields.map { Array(repeating: 0.0, count: $0.levels) }
            var matchTotal = 0.0
            var all = 0.0
            for (v, n) in list {
                let g = model.score(v, block: 1)
                matchTotal += g * n
                all += n
                for f in fields {
                    guard let l = v[f] else { continue }
                    mCounts[f.rawValue][l] += g * n
                    uCounts[f.rawValue][l] += (1 - g) * n
                }
            }
            model.prior = min(max(matchTotal / max(all, 1), 1e-6), 0.5)
            model.m = mCounts.map(Self.smoothed)
            if updateU { model.u = uCounts.map(Self.smoothed) }
        }
        return model
    }

    /// The model with slope, block slope and offset fitted to labelled pairs (each with the number
    /// of candidates its query met) by logistic regression on the match weight and log2 of the
    /// block (Newton's method; Platt's scaling with the block as a second input), so that a score
    /// is the share of such pairs that are the same person.
    public func calibrated(on labelled: [(vector: ComparisonVector, block: Int, same: Bool)]) -> MatchModel {
        var groups: [[Double]: (n: Double, same: Double)] = [:]
        for (v, block, same) in labelled {
            let x = [matchWeight(v), log2(Double(max(block, 1))), 1]
            groups[x, default: (0, 0)].n += 1
            if same { groups[x, default: (0, 0)].same += 1 }
        }
        let ln2 = log(2.0)
        var theta = [1.0, 0, log2(prior / (1 - prior))]
        for _ in 0..<50 {
            var gradient = [0.0, 0, 0]
            var hessian = Array(repeating: [0.0, 0, 0], count: 3)
            for (x, c) in groups {
                let p = 1 / (1 + pow(2, -zip(theta, x).map(*).reduce(0, +)))
                let r = (c.same - c.n * p) * ln2
                let h = c.n * p * (1 - p) * ln2 * ln2
                for i in 0..<3 {
                    gradient[i] += r * x[i]
                    for j in 0..<3 { hessian[i][j] += h * x[i] * x[j] }
                }
            }
            guard let step = Self.solve(hessian, gradient) else { break }
            theta = zip(theta, step).map(+)
        }
        var model = self
        (model.slope, model.blockSlope, model.offset) = (theta[0], theta[1], theta[2])
        return model
    }

    /// Solves `a × x = b` for three unknowns (Gaussian elimination with partial pivoting); nil
    /// when `a` is singular (every pair alike).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = zip(a, b).map { $0 + [$1] }
        let n = b.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let f = m[row][col] / m[col][col]
                for k in col...n { m[row][k] -= f * m[col][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }

    /// Frequencies of a row of counts, each level given 1/100 000 of the row's mass (at least a trace).
    static func smoothed(_ row: [Double]) -> [Double] {
        let pseudo = max(row.reduce(0, +) * 1e-5, 1e-9)
        let total = row.reduce(0, +) + pseudo * Double(row.count)
        return row.map { ($0 + pseudo) / total }
    }

    /// Counts m and u directly from labelled pairs (the synthetic set), for comparison with EM.
    public static func counted(pairs: [(ComparisonVector, Bool)]) -> MatchModel {
        let fields = MatchField.allCases
        var mCounts = fields.map { Array(repeating: 0.0, count: $0.levels) }
        var uCounts = fields.map { Array(repeating: 0.0, count: $0.levels) }
        var matches = 0.0
        for (v, same) in pairs {
            if same { matches += 1 }
            for f in fields {
                guard let l = v[f] else { continue }
                if same { mCounts[f.rawValue][l] += 1 } else { uCounts[f.rawValue][l] += 1 }
            }
        }
        return MatchModel(
            prior: max(matches, 0.5) / Double(max(pairs.count, 1)),
            m: mCounts.map(smoothed), u: uCounts.map(smoothed))
    }
}

/// Predicted against observed same-person rates per score band: the calibration check.
public struct CalibrationBand: Sendable, Hashable, Codable {
    public let lower: Double
    public let upper: Double
    public let pairs: Int
    public let predicted: Double
    public let observed: Double

    public static func bands(
        _ scored: [(score: Double, same: Bool)], edges: [Double] = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001]
    )
        -> [CalibrationBand]
    {
        zip(edges, edges.dropFirst()).map { lo, hi in
            let inBand = scored.filter { $0.score >= lo && $0.score < hi }
            let n = Double(max(inBand.count, 1))
            return CalibrationBand(
                lower: lo, upper: min(hi, 1), pairs: inBand.count,
                predicted: inBand.map(\.score).reduce(0, +) / n,
                observed: Double(inBand.filter(\.same).count) / n)
        }
    }
}
