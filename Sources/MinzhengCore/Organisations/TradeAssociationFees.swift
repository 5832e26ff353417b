/// Improper fees of trade associations (涉企违规收费, issue 17 item 4): a trade association's fee
/// items, the finding on each, and what was refunded. Pure, so the refund bound and the totals
/// are tested on their own.
public enum FeeFinding: String, CaseIterable, Codable, Sendable {
    /// 合规: the fee is allowed.
    case compliant
    /// 违规: charged against a rule (named on the finding).
    case improper

    public var chinese: String {
        switch self {
        case .compliant: return "合规"
        case .improper: return "违规"
        }
    }
}

public enum TradeAssociationFees {
    /// The finding as typed: `improper` needs the rule broken (400 naming `rule`).
    public static func finding(_ text: String?, rule: String?) throws(FieldProblem) -> (FeeFinding, String?) {
        guard let text, let finding = FeeFinding(rawValue: text.trimmedWhitespace) else {
            throw FieldProblem("finding", "认定结果应为 compliant（合规）或 improper（违规）")
        }
        let rule = try InputRules.line(rule, field: "rule", label: "违反的规定", maximumLength: 200, required: false)
        if finding == .improper && rule == nil {
            throw FieldProblem("rule", "认定违规须写明违反的规定")
        }
        return (finding, finding == .improper ? rule : nil)
    }

    /// A refund of `amount` on an item found improper with `improper` charged and `refunded`
    /// already returned: positive, and never past what was charged improperly (400 naming
    /// `amountFen`, saying how much may still be refunded).
    public static func refund(_ amount: Int64?, improper: Fen, refunded: Fen) throws(FieldProblem) -> Fen {
        guard let amount else { throw FieldProblem("amountFen", "请填写退还金额（分）") }
        let fen = try InputRules.amount(amount, field: "amountFen")
        guard fen.value > 0 else { throw FieldProblem("amountFen", "退还金额应大于 0") }
        let left = improper - refunded
        guard fen <= left else {
            throw FieldProblem(
                "amountFen",
                "退还金额 \(fen.formatted) 元超过违规收费尚未退还的 \(left.formatted) 元（违规收取 \(improper.formatted) 元，已退 \(refunded.formatted) 元）"
            )
        }
        return fen
    }

    /// One fee item's figures for the totals.
    public struct Item: Sendable, Hashable {
        public var association: String
        public var year: Int
        public var charged: Fen
        public var finding: FeeFinding?
        public var refunded: Fen

        public init(association: String, year: Int, charged: Fen, finding: FeeFinding?, refunded: Fen) {
            self.association = association
            self.year = year
            self.charged = charged
            self.finding = finding
            self.refunded = refunded
        }

        /// What was charged against a rule (the whole item when found improper).
        public var improper: Fen { finding == .improper ? charged : Fen(0) }
    }

    /// Sums over a set of items.
    public struct Total: Sendable, Hashable, Codable {
        public var items: Int = 0
        public var improperItems: Int = 0
        public var chargedFen: Int64 = 0
        public var improperFen: Int64 = 0
        public var refundedFen: Int64 = 0
        /// Improper and not refunded yet.
        public var outstandingFen: Int64 { improperFen - refundedFen }

        public init() {}

        public mutating func add(_ item: Item) {
            items += 1
            if item.finding == .improper { improperItems += 1 }
            chargedFen += item.charged.value
            improperFen += item.improper.value
            refundedFen += item.refunded.value
        }
    }

    /// Totals by association and year, by year, and overall.
    public struct Totals: Sendable, Hashable {
        public var byAssociationYear: [Key: Total]
        public var byYear: [Int: Total]
        public var overall: Total

        public struct Key: Sendable, Hashable, Comparable {
            public var association: String
            public var year: Int

            public init(association: String, year: Int) {
                self.association = association
                self.year = year
            }

            public static func < (a: Key, b: Key) -> Bool { (a.year, a.association) > (b.year, b.association) }
        }
    }

    public static func totals(_ items: [Item]) -> Totals {
        var t = Totals(byAssociationYear: [:], byYear: [:], overall: Total())
        for item in items {
            t.byAssociationYear[Totals.Key(association: item.association, year: item.year), default: Total()].add(item)
            t.byYear[item.year, default: Total()].add(item)
            t.overall.add(item)
        }
        return t
    }

    /// 18 710 000.00 yuan as "1871.00 万元".
    public static func tenThousandYuan(_ fen: Int64) -> String {
        let hundredths = (fen + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) 万元"
    }
}
