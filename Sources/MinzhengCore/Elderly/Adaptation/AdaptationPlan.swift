/// A household's adaptation plan: items from the catalogue with their quantities, priced
/// at the parameters in force, within the household's cap.
public struct AdaptationPlan: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let item: AdaptationItem
        public let quantity: Int
        public let unitPrice: Fen
        public var amount: Fen { Fen(unitPrice.value * Int64(quantity)) }
    }

    public let lines: [Line]
    public var total: Fen { lines.reduce(Fen.zero) { $0 + $1.amount } }

    /// At most this many of one item (ten grab bars is a lot already).
    public static let maximumQuantity = 10

    /// Checks `items` (item code → quantity, in the order given) against the catalogue and
    /// the cap; a refusal names the item (`items.ramp`) or, over the cap, `items`.
    public init(items: [(code: String, quantity: Int)], cap: Fen, parameters p: PolicyParameters) throws(FieldProblem) {
        guard !items.isEmpty else { throw FieldProblem("items", "请至少选择一项改造内容") }
        var lines: [Line] = []
        for (code, quantity) in items {
            guard let item = AdaptationItem(rawValue: code) else {
                throw FieldProblem("items.\(code)", "清单中没有改造项目 \(code)")
            }
            guard (1...Self.maximumQuantity).contains(quantity) else {
                throw FieldProblem("items.\(code)", "\(item.label)数量应为 1–\(Self.maximumQuantity)")
            }
            guard !lines.contains(where: { $0.item == item }) else {
                throw FieldProblem("items.\(code)", "\(item.label)重复")
            }
            lines.append(Line(item: item, quantity: quantity, unitPrice: item.price(p)))
        }
        self.lines = lines
        guard total <= cap else {
            throw FieldProblem("items", "方案合计 \(total.yuanString) 元，超过本户上限 \(cap.yuanString) 元")
        }
    }
}
