import Foundation

/// The Fellegi–Sunter model of a (found, lost) candidate pair: for each field and agreement
/// level, m = P(level | same person) and u = P(level | different people), and the prior share
/// of same-person pairs among candidates. A candidate's score is the posterior probability that
/// it is the person the query describes, so among candidates scored 0.8 about 80 % are (when the
/// model fits the data). Nothing is hand-weighted: `estimate` finds m, u and the prior by
/// expectation–maximisation over unlabelled candidate pairs; `calibrated(on:)` fits the scale.
public struct MatchModel: Sendable, Hashable, Codable {
    public var prior: Double
    public var m: [[Double]]
    public var u: [[Double]]
    /// A candidate's log2 odds are `z = slope × weight + blockSlope × log2(block) + offset`, and
    /// its score counts the query's other candidates as rivals — at most one of them is the
    /// person: `2^z / (1 + Σ 2^z of all the query's candidates)` (`scores(_:)`; for a lone
    /// candidate the logistic of z). Slope 1, no block term and the prior's odds as offset is
    /// Fellegi–Sunter as written. The rivals are what keeps a score's meaning as the file grows:
    /// in a million reports a found person has namesakes of the same age and dialect, and two
    /// candidates alike share the chance rather than both scoring high (scored pair by pair,
    /// scores of 0.5–0.7 were right 20 % of the time with 100 000 reports, 60 % with 24 000).
    /// The block term is the prior that any one candidate is the person, smaller as a query meets
    /// more of them.
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

    /// The scores of one query's candidates (compared with it, in any order): each the posterior
    /// that it is the person, given that at most one of them is; together at most 1.
    public func scores(_ vectors: [ComparisonVector]) -> [Double] {
        let scorer = Scorer(self, block: vectors.count)
        var rivals = Rivals()
        let odds = vectors.map { v in
            let z = scorer.logOdds(v)
            rivals.add(z)
            return z
        }
        return odds.map(rivals.posterior)
    }

    /// A candidate's log2 odds for the many candidates of one query: the fields' weights and the
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

        public func logOdds(_ v: ComparisonVector) -> Double {
            var weight = 0.0
            for (field, level) in v.levels.enumerated() { if let level { weight += weights[field][level] } }
            return slope * weight + base
        }
    }

    /// The sum of `2^z` over a query's candidates, kept relative to the largest z so far (a
    /// strong candidate's 2^z overflows a Double), and each one's share of it with "none of
    /// them" (2^0) beside.
    public struct Rivals: Sendable {
        var peak = -Double.infinity
        var sum = 0.0

        public init() {}

        public mutating func add(_ z: Double) {
            if z > peak {
                sum *= exp2(peak - z)
                peak = z
            }
            sum += exp2(z - peak)
        }

        public func posterior(_ z: Double) -> Double { exp2(z - peak) / (exp2(-peak) + sum) }

        /// Adds another share's candidates.
        public mutating func merge(_ other: Rivals) {
            guard other.peak > -Double.infinity else { return }
            if other.peak > peak {
                sum = sum * exp2(peak - other.peak) + other.sum
                peak = other.peak
            } else {
                sum += other.sum * exp2(other.peak - peak)
            }
        }

        /// The posterior of a lone candidate: the logistic of its log2 odds.
        public static func alone(_ z: Double) -> Double { 1 / (1 + exp2(-z)) }
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
            let scorer = Scorer(model, block: 1)
            for (v, n) in list {
                // Pair by pair, as Fellegi–Sunter estimates: each pattern's posterior alone.
                let g = Rivals.alone(scorer.logOdds(v))
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

    /// One query's candidates as compared, and which of them is the person (nil: none).
    public struct LabelledQuery: Sendable {
        public let vectors: [ComparisonVector]
        public let truth: Int?

        public init(vectors: [ComparisonVector], truth: Int?) {
            self.vectors = vectors
            self.truth = truth
        }

        /// Its candidates as labelled pairs.
        public var pairs: [(ComparisonVector, Bool)] { vectors.enumerated().map { ($0.element, $0.offset == truth) } }
    }

    /// The model with slope, block slope and offset fitted to labelled queries by maximum
    /// likelihood of the scores (`scores(_:)`: a multinomial logit over each query's candidates
    /// and "none of them", on the match weight and log2 of the block; Newton's method, halving a
    /// step that does not improve), so that a score is the share of such candidates that are the
    /// person. Candidates of equal weight are counted together: a few dozen terms a query.
    public func calibrated(on queries: [LabelledQuery]) -> MatchModel {
        struct Query {
            var features: [(x: [Double], count: Double)]
            var truth: [Double]?
        }
        let data = queries.map { q -> Query in
            let block = log2(Double(max(q.vectors.count, 1)))
            var counts: [Double: Double] = [:]
            for v in q.vectors { counts[matchWeight(v), default: 0] += 1 }
            return Query(
                features: counts.map { ([$0.key, block, 1], $0.value) },
                truth: q.truth.map { [matchWeight(q.vectors[$0]), block, 1] })
        }
        let ln2 = log(2.0)
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map(*).reduce(0, +) }
        /// A query's terms `count × 2^(z - peak)` and their total with "none of them" (`2^-peak`):
        /// relative to the peak of z (at least 0), so that neither overflows.
        func shares(_ theta: [Double], _ q: Query) -> (peak: Double, weights: [Double], total: Double) {
            let z = q.features.map { dot(theta, $0.x) }
            let peak = max(z.max() ?? 0, 0)
            let weights = zip(z, q.features).map { exp2($0 - peak) * $1.count }
            return (peak, weights, exp2(-peak) + weights.reduce(0, +))
        }
        func logLikelihood(_ theta: [Double]) -> Double {
            data.reduce(0) { sum, q in
                let (peak, _, total) = shares(theta, q)
                return sum + ln2 * ((q.truth.map { dot(theta, $0) } ?? 0) - peak) - log(total)
            }
        }
        var theta = [1.0, 0, log2(prior / (1 - prior))]
        for _ in 0..<50 {
            var gradient = [0.0, 0, 0]
            var hessian = Array(repeating: [0.0, 0, 0], count: 3)
            for q in data {
                let (_, weights, total) = shares(theta, q)
                var mean = [0.0, 0, 0]
                for (w, f) in zip(weights, q.features) { for i in 0..<3 { mean[i] += w / total * f.x[i] } }
                for i in 0..<3 { gradient[i] += ln2 * ((q.truth?[i] ?? 0) - mean[i]) }
                for (w, f) in zip(weights, q.features) {
                    for i in 0..<3 { for j in 0..<3 { hessian[i][j] += ln2 * ln2 * w / total * f.x[i] * f.x[j] } }
                }
                for i in 0..<3 { for j in 0..<3 { hessian[i][j] -= ln2 * ln2 * mean[i] * mean[j] } }
            }
            guard var step = Self.solve(hessian, gradient) else { break }
            let before = logLikelihood(theta)
            while logLikelihood(zip(theta, step).map(+)) < before, step.map(abs).reduce(0, +) > 1e-9 {
                step = step.map { $0 / 2 }
            }
            theta = zip(theta, step).map(+)
            if step.map(abs).reduce(0, +) < 1e-7 { break }
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
