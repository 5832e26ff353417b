/// What a listed funeral service is, for the exemptions (APPOINTMENTS.md): the basic services
/// free for a Changzhou deceased, the two free for dibao and tekun families, or the rest.
public enum FuneralServiceCategory: String, CaseIterable, Codable, Sendable {
    /// Pick-up by an ordinary hearse, carrying down, ordinary cosmetic care, cremation: free.
    case basic
    /// Cold storage: free for the first `coldStorageFreeDays` days (unit: day).
    case coldStorage
    /// Ash storage in a public hall: free for the first `ashStorageFreeYears` years (unit: year).
    case ashStorage
    /// An urn: free up to `urnAllowance`, or that much toward a dearer one.
    case urn
    /// A small farewell hall and an eco-burial: free for dibao and tekun families.
    case smallFarewellHall
    case ecoBurial
    /// Everything else: charged (for dibao and tekun families, within `extraAllowance`).
    case other

    public var chinese: String {
        switch self {
        case .basic: return "基本服务"
        case .coldStorage: return "基本服务（冷藏）"
        case .ashStorage: return "基本服务（骨灰寄存）"
        case .urn: return "骨灰盒"
        case .smallFarewellHall: return "小型告别厅"
        case .ecoBurial: return "生态安葬"
        case .other: return "选择性服务"
        }
    }

    /// Free (within its limits) for every eligible deceased.
    public var isBasic: Bool { [.basic, .coldStorage, .ashStorage, .urn].contains(self) }
}

/// One dated row of a funeral home's price list: the service's price from `from` on, until
/// a later row of the same `code` replaces it. A change is a new row, never an edit.
public struct FuneralPrice: Sendable, Hashable {
    public var code: String
    public var name: String
    public var unit: String
    public var category: FuneralServiceCategory
    public var price: Fen
    public var from: CivilDate

    public init(code: String, name: String, unit: String, category: FuneralServiceCategory, price: Fen, from: CivilDate)
    {
        self.code = code
        self.name = name
        self.unit = unit
        self.category = category
        self.price = price
        self.from = from
    }
}

/// A funeral home's whole price list with its history.
public struct FuneralPriceList: Sendable {
    public let rows: [FuneralPrice]

    public init(rows: [FuneralPrice]) {
        self.rows = rows.sorted { ($0.code, $0.from) < ($1.code, $1.from) }
    }

    /// The row of `code` in force on `day`, if the service was listed then.
    public func inForce(_ code: String, on day: CivilDate) -> FuneralPrice? {
        rows.last { $0.code == code && $0.from <= day }
    }

    /// Every service listed on `day`, each at its price then, in code order.
    public func current(on day: CivilDate) -> [FuneralPrice] {
        var seen: [String: FuneralPrice] = [:]
        for row in rows where row.from <= day { seen[row.code] = row }
        return seen.values.sorted { $0.code < $1.code }
    }

    /// Why `row` may not be added on `today`: a new price takes effect from today or later
    /// (a bill already issued keeps the price of its day) and after the service's last row.
    public func refusalToAdd(_ row: FuneralPrice, today: CivilDate) -> Refusal? {
        let code = row.code
        let allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars
        guard !code.isEmpty, code.count <= 32, code.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            return .invalid("code", "服务编码应为 1–32 位字母、数字、连字符")
        }
        if row.name.isEmpty || row.name.count > 60 { return .invalid("name", "请填写服务名称（60 字以内）") }
        if row.unit.isEmpty || row.unit.count > 10 { return .invalid("unit", "请填写计价单位（如 次、天、年、个）") }
        if row.price < .zero { return .invalid("priceFen", "价格不能为负") }
        if row.from < today { return .invalid("from", "新价格只能从今天或以后生效（已开出的账单按当日价格）") }
        if let last = rows.last(where: { $0.code == code }), row.from <= last.from {
            return .invalid("from", "该服务已有 \(last.from) 起的价格，新价格须在其后生效")
        }
        return nil
    }
}
