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
    /// The posterior's log2 odds are `slope × weight + offset`: slope 1 and the prior's odds as
    /// offset is Fellegi–Sunter as written; `calibrated(on:)` fits both on labelled pairs, which
    /// corrects for fields that are not independent (a name's sound and the blocking that chose it).
    public var slope: Double = 1
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

    /// The posterior probability of the same person, 0…1.
    public func score(_ v: ComparisonVector) -> Double {
        let odds = slope * matchWeight(v) + (offset ?? log2(prior / (1 - prior)))
        return 1 / (1 + pow(2, -odds))
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
                let g = model.score(v)
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

    /// The model with slope and offset fitted to labelled pairs by logistic regression on the
    /// match weight (Newton's method; Platt's scaling), so that a score is the share of such
    /// pairs that are the same person.
    public func calibrated(on labelled: [(ComparisonVector, Bool)]) -> MatchModel {
        var weights: [Double: (n: Double, same: Double)] = [:]
        for (v, same) in labelled {
            let w = matchWeight(v)
            weights[w, default: (0, 0)].n += 1
            if same { weights[w, default: (0, 0)].same += 1 }
        }
        let ln2 = log(2.0)
        var (a, b) = (1.0, log2(prior / (1 - prior)))
        for _ in 0..<50 {
            var (ga, gb, haa, hab, hbb) = (0.0, 0.0, 0.0, 0.0, 0.0)
            for (w, c) in weights {
                let p = 1 / (1 + pow(2, -(a * w + b)))
                let r = (c.same - c.n * p) * ln2
                let h = c.n * p * (1 - p) * ln2 * ln2
                ga += r * w
                gb += r
                haa += h * w * w
                hab += h * w
                hbb += h
            }
            let det = haa * hbb - hab * hab
            guard det > 1e-12 else { break }
            a += (hbb * ga - hab * gb) / det
            b += (haa * gb - hab * ga) / det
        }
        var model = self
        model.slope = a
        model.offset = b
        return model
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
