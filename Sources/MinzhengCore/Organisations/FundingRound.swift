/// The dated numbers of 五社联动 project funding (公益创投, ORGANISATIONS.md), read from the stored
/// policy parameters.
public struct FundingParameters: Sendable, Hashable {
    /// At least this many reviewers score a proposal (3).
    public var minReviewers: Int
    /// A reviewer's score is 0…this (100).
    public var maxScore: Int
    /// A proposal whose mean is below this is never funded (60).
    public var passScore: Int
    /// The payments' shares of the award in percent: at the start, at mid-term acceptance, at the
    /// final evaluation (40, 40, 20).
    public var startPercent: Int
    public var midtermPercent: Int
    public var finalPercent: Int

    public static let keys: [PolicyParameterKey] = [
        .fundingMinReviewers, .fundingMaxScore, .fundingPassScore, .fundingStartPercent, .fundingMidtermPercent,
        .fundingFinalPercent,
    ]

    public static let defaults = FundingParameters(
        minReviewers: 3, maxScore: 100, passScore: 60, startPercent: 40, midtermPercent: 40, finalPercent: 20)

    public init(
        minReviewers: Int, maxScore: Int, passScore: Int, startPercent: Int, midtermPercent: Int, finalPercent: Int
    ) {
        self.minReviewers = minReviewers
        self.maxScore = maxScore
        self.passScore = passScore
        self.startPercent = startPercent
        self.midtermPercent = midtermPercent
        self.finalPercent = finalPercent
    }

    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            minReviewers: int(.fundingMinReviewers), maxScore: int(.fundingMaxScore), passScore: int(.fundingPassScore),
            startPercent: int(.fundingStartPercent), midtermPercent: int(.fundingMidtermPercent),
            finalPercent: int(.fundingFinalPercent))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .fundingMinReviewers: Int64(minReviewers), .fundingMaxScore: Int64(maxScore),
            .fundingPassScore: Int64(passScore), .fundingStartPercent: Int64(startPercent),
            .fundingMidtermPercent: Int64(midtermPercent), .fundingFinalPercent: Int64(finalPercent),
        ]
    }
}

/// The milestones of a funded project, each paid on its accepted report.
public enum FundingMilestone: String, CaseIterable, Codable, Sendable, Comparable {
    case start, midterm, final

    public var chinese: String {
        switch self {
        case .start: return "项目启动"
        case .midterm: return "中期验收"
        case .final: return "结项评估"
        }
    }

    public static func < (a: FundingMilestone, b: FundingMilestone) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The rules of a funding round; pure, so that the budget and the payments are tested.
public enum FundingRules {
    /// The mean of the reviewers' scores in tenths, rounded half up (nil without scores).
    public static func meanTenths(_ scores: [Int]) -> Int? {
        guard !scores.isEmpty else { return nil }
        let n = scores.count
        return (20 * scores.reduce(0, +) + n) / (2 * n)
    }

    /// A reviewer's score: a whole number 0…`maxScore`, the field named.
    public static func validatedScore(_ score: Int?, _ p: FundingParameters) throws(FieldProblem) -> Int {
        guard let score else { throw FieldProblem("score", "请填写评分（0–\(p.maxScore) 分）") }
        guard score >= 0, score <= p.maxScore else {
            throw FieldProblem("score", "评分应在 0–\(p.maxScore) 分之间，收到 \(score)")
        }
        return score
    }

    /// A proposal's requested amount: positive and within the round's per-project cap.
    public static func validatedRequest(_ fen: Int64?, capFen: Int64) throws(FieldProblem) -> Int64 {
        guard let fen, fen > 0 else { throw FieldProblem("requestedFen", "申请金额应大于 0") }
        guard fen <= capFen else {
            throw FieldProblem("requestedFen", "申请金额超过单个项目上限 \(Fen(capFen).yuanString) 元")
        }
        return fen
    }

    /// A proposal as the award decision sees it. `order` is its submission order (earlier first).
    public struct Candidate: Sendable, Hashable {
        public var id: String
        public var scores: [Int]
        public var requestedFen: Int64
        public var order: Int

        public init(id: String, scores: [Int], requestedFen: Int64, order: Int) {
            self.id = id
            self.scores = scores
            self.requestedFen = requestedFen
            self.order = order
        }
    }

    public struct Award: Sendable, Hashable {
        public var id: String
        public var meanTenths: Int
        public var amountFen: Int64
    }

    /// Why a proposal was not funded.
    public enum Passed: Sendable, Hashable {
        case tooFewReviewers(Int)
        case belowPass(meanTenths: Int)
        case budgetExhausted
    }

    public struct Decision: Sendable, Hashable {
        public var awards: [Award]
        public var passed: [String: Passed]
        public var awardedFen: Int64 { awards.reduce(0) { $0 + $1.amountFen } }
    }

    /// The awards of a round: proposals scored by at least `minReviewers` with a mean of at
    /// least `passScore`, in score order (ties: earlier submission, then id), each funded its
    /// requested amount (at most the cap) while the budget allows; the first that does not fit
    /// ends the list, so no proposal is funded over a better one left out.
    public static func awards(
        _ candidates: [Candidate], budgetFen: Int64, capFen: Int64, _ p: FundingParameters
    ) -> Decision {
        var passed: [String: Passed] = [:]
        var ranked: [(Candidate, Int)] = []
        for c in candidates {
            guard c.scores.count >= p.minReviewers, let mean = meanTenths(c.scores) else {
                passed[c.id] = .tooFewReviewers(c.scores.count)
                continue
            }
            guard mean >= p.passScore * 10 else {
                passed[c.id] = .belowPass(meanTenths: mean)
                continue
            }
            ranked.append((c, mean))
        }
        ranked.sort { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.0.order != b.0.order { return a.0.order < b.0.order }
            return a.0.id < b.0.id
        }
        var left = max(budgetFen, 0)
        var awards: [Award] = []
        var exhausted = false
        for (c, mean) in ranked {
            let amount = min(c.requestedFen, capFen)
            if exhausted || amount <= 0 || amount > left {
                exhausted = true
                passed[c.id] = .budgetExhausted
                continue
            }
            left -= amount
            awards.append(Award(id: c.id, meanTenths: mean, amountFen: amount))
        }
        return Decision(awards: awards, passed: passed)
    }

    /// The award split into its milestone payments (40/40/20 by default); the final payment takes
    /// the rounding so that they add up to the award exactly.
    public static func payments(awardFen: Int64, _ p: FundingParameters) -> [FundingMilestone: Int64] {
        let start = awardFen * Int64(p.startPercent) / 100
        let midterm = awardFen * Int64(p.midtermPercent) / 100
        return [.start: start, .midterm: midterm, .final: awardFen - start - midterm]
    }

    /// Whether the payment of `milestone` may be released: its report accepted, every earlier
    /// milestone paid, and it not paid yet; the refusal names why otherwise.
    public static func releaseProblem(
        _ milestone: FundingMilestone, accepted: Set<FundingMilestone>, paid: Set<FundingMilestone>
    ) -> Refusal? {
        if paid.contains(milestone) { return Refusal(.conflict, "\(milestone.chinese)款项已拨付", field: "milestone") }
        guard accepted.contains(milestone) else {
            return Refusal(.conflict, "\(milestone.chinese)报告尚未通过验收，不能拨付", field: "milestone")
        }
        if let earlier = FundingMilestone.allCases.first(where: { $0 < milestone && !paid.contains($0) }) {
            return Refusal(.conflict, "\(earlier.chinese)款项尚未拨付", field: "milestone")
        }
        return nil
    }
}

/// Where a proposal stands: submitted until the round is awarded, then awarded or not funded;
/// an awarded project ends completed (its final payment made) or failed at the final evaluation.
public enum FundingProposalStatus: String, CaseIterable, Codable, Sendable {
    case submitted, awarded, notFunded, completed, failed

    public var chinese: String {
        switch self {
        case .submitted: return "评审中"
        case .awarded: return "已立项"
        case .notFunded: return "未获资助"
        case .completed: return "已结项"
        case .failed: return "结项不合格"
        }
    }
}

/// The final evaluation (结项评估) of a funded project; accepting the final milestone is this
/// evaluation, and a project that fails it is not paid its last share.
public enum FundingEvaluation: String, CaseIterable, Codable, Sendable {
    case excellent, good, pass, fail

    public var chinese: String {
        switch self {
        case .excellent: return "优秀"
        case .good: return "良好"
        case .pass: return "合格"
        case .fail: return "不合格"
        }
    }

    public var passes: Bool { self != .fail }

    /// The outcome the clerk gave for `milestone`: required for the final one (the field named),
    /// none for the others.
    public static func required(
        _ text: String?, for milestone: FundingMilestone
    ) throws(FieldProblem)
        -> FundingEvaluation?
    {
        guard milestone == .final else { return nil }
        guard let text = text?.trimmedWhitespace, !text.isEmpty else {
            throw FieldProblem("outcome", "结项评估请选择结论：" + allCases.map(\.chinese).joined(separator: "、"))
        }
        guard let outcome = FundingEvaluation(rawValue: text) else {
            throw FieldProblem(
                "outcome", "结项评估结论应为 " + allCases.map(\.rawValue).joined(separator: "、") + "，收到 \(text)")
        }
        return outcome
    }
}
