/// What a price of a facility's list is per.
public enum PriceUnit: String, CaseIterable, Codable, Sendable {
    case month, day, visit, hour, meal

    public var chinese: String {
        switch self {
        case .month: return "每月"
        case .day: return "每天"
        case .visit: return "每次"
        case .hour: return "每小时"
        case .meal: return "每餐"
        }
    }
}

/// One line of a facility's published price list (收费标准): a bed, a care level, a meal.
public struct FacilityPrice: Sendable, Equatable {
    public let item: String
    public let amount: Fen
    public let unit: PriceUnit

    public static let maximumItems = 30

    public init(item: String, amount: Fen, unit: PriceUnit) {
        self.item = item
        self.amount = amount
        self.unit = unit
    }

    /// `amount` as typed in yuan ("2800", "12.5").
    public static func validated(item: String?, amount: String?, unit: String?) throws(FieldProblem) -> FacilityPrice {
        let item = try InputRules.line(item, field: "item", label: "收费项目", maximumLength: 30)!
        let text = (amount ?? "").trimmedWhitespace
        guard !text.isEmpty else { throw FieldProblem("amount", "请填写金额（元）") }
        guard let fen = Fen(yuanText: text), fen.value > 0 else {
            throw FieldProblem("amount", "金额应为大于0的元数，最多两位小数，收到 \(text)")
        }
        let amount = try InputRules.amount(fen.value, field: "amount")
        guard let unit = PriceUnit(rawValue: unit ?? "") else { throw FieldProblem("unit", "请选择计价单位") }
        return FacilityPrice(item: item, amount: amount, unit: unit)
    }
}
