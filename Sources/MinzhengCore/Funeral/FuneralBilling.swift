/// Who pays what of a funeral bill (APPOINTMENTS.md), from the registry and benefit records.
public struct FuneralEligibility: Sendable, Hashable, Codable {
    /// The basic services are free: the deceased held Changzhou hukou and received no pension
    /// funeral grant.
    public var basicFree: Bool
    /// The deceased was of a dibao or tekun family (or a special-care group): a small farewell
    /// hall and an eco-burial free, and `extraAllowance` more of listed services.
    public var extras: Bool

    public init(basicFree: Bool, extras: Bool) {
        self.basicFree = basicFree
        self.extras = extras
    }
}

/// A bill line as the cashier enters it: the listed service, its day, how many units, and
/// (optionally) the unit price they mean to charge — which must be the listed one.
public struct FuneralBillLineInput: Sendable, Hashable {
    public var code: String
    public var day: CivilDate
    public var quantity: Int
    public var unitPrice: Fen?

    public init(code: String, day: CivilDate, quantity: Int, unitPrice: Fen? = nil) {
        self.code = code
        self.day = day
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// A priced bill line: the gross at the unit price, what is free, what the family pays.
public struct FuneralBillLine: Sendable, Hashable {
    public var position: Int
    public var code: String
    public var name: String
    public var unit: String
    public var category: FuneralServiceCategory
    public var day: CivilDate
    public var quantity: Int
    public var unitPrice: Fen
    public var gross: Fen
    public var exempt: Fen
    public var payable: Fen

    public init(
        position: Int, code: String, name: String, unit: String, category: FuneralServiceCategory, day: CivilDate,
        quantity: Int, unitPrice: Fen, gross: Fen, exempt: Fen, payable: Fen
    ) {
        self.position = position
        self.code = code
        self.name = name
        self.unit = unit
        self.category = category
        self.day = day
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.gross = gross
        self.exempt = exempt
        self.payable = payable
    }
}

/// What the price-order check (殡葬服务收费专项检查) finds on one line of a stored bill.
public enum PriceOrderFinding: Sendable, Hashable {
    /// The service was not on the home's list on the service day.
    case unlisted(position: Int, code: String)
    /// Charged above the listed unit price.
    case aboveList(position: Int, charged: Fen, listed: Fen)
    /// Charged for what was free (a basic service, or a dibao/tekun exemption).
    case chargedFree(position: Int, charged: Fen, due: Fen)

    public var position: Int {
        switch self {
        case .unlisted(let p, _), .aboveList(let p, _, _), .chargedFree(let p, _, _): return p
        }
    }

    public var explanation: String {
        switch self {
        case .unlisted(let p, let code): return "第 \(p) 行：服务 \(code) 当日不在价目表内"
        case .aboveList(let p, let charged, let listed):
            return "第 \(p) 行：单价 \(charged.yuanString) 元，高于价目表 \(listed.yuanString) 元"
        case .chargedFree(let p, let charged, let due):
            return "第 \(p) 行：收取 \(charged.yuanString) 元，按免费政策应收 \(due.yuanString) 元"
        }
    }
}

public enum FuneralBilling {
    /// Prices a new bill: every line must name a service listed on its day, at the listed
    /// price; the refusal names the line (`lines[i]`). Exemptions follow `exemptions`.
    public static func price(
        _ inputs: [FuneralBillLineInput], list: FuneralPriceList, eligibility: FuneralEligibility,
        parameters: FuneralParameters
    ) throws(Refusal) -> [FuneralBillLine] {
        guard !inputs.isEmpty else { throw Refusal.invalid("lines", "账单至少要有一项服务") }
        guard inputs.count <= 100 else { throw Refusal.invalid("lines", "一张账单最多 100 项") }
        var lines: [FuneralBillLine] = []
        for (i, input) in inputs.enumerated() {
            let field = "lines[\(i)]"
            guard let listed = list.inForce(input.code, on: input.day) else {
                throw Refusal.invalid(field, "第 \(i + 1) 行：服务 \(input.code) 在 \(input.day) 不在本馆价目表内，不能收费")
            }
            guard (1...1000).contains(input.quantity) else {
                throw Refusal.invalid(field, "第 \(i + 1) 行：数量应为 1 至 1000")
            }
            if let unit = input.unitPrice, unit != listed.price {
                throw Refusal.invalid(
                    field,
                    "第 \(i + 1) 行：\(listed.name) 单价 \(unit.yuanString) 元与价目表 \(listed.price.yuanString) 元（\(listed.from) 起）不符"
                )
            }
            lines.append(
                FuneralBillLine(
                    position: i + 1, code: listed.code, name: listed.name, unit: listed.unit, category: listed.category,
                    day: input.day, quantity: input.quantity, unitPrice: listed.price,
                    gross: listed.price * input.quantity, exempt: .zero, payable: listed.price * input.quantity))
        }
        return exemptions(lines, eligibility: eligibility, parameters: parameters)
    }

    /// Fills each line's `exempt` and `payable` from its gross: the basic services free within
    /// their limits (days, years, the urn allowance) for `basicFree`; for `extras` a small
    /// farewell hall and an eco-burial free, then up to `extraAllowance` of what is left, in
    /// line order.
    public static func exemptions(
        _ lines: [FuneralBillLine], eligibility: FuneralEligibility, parameters: FuneralParameters
    ) -> [FuneralBillLine] {
        var coldDays = parameters.coldStorageFreeDays
        var ashYears = parameters.ashStorageFreeYears
        var urn = parameters.urnAllowance
        var extra = eligibility.extras ? parameters.extraAllowance : .zero
        var out = lines
        for i in out.indices {
            let line = out[i]
            var exempt = Fen.zero
            if eligibility.basicFree {
                switch line.category {
                case .basic: exempt = line.gross
                case .coldStorage:
                    let free = min(coldDays, line.quantity)
                    coldDays -= free
                    exempt = line.unitPrice * free
                case .ashStorage:
                    let free = min(ashYears, line.quantity)
                    ashYears -= free
                    exempt = line.unitPrice * free
                case .urn:
                    exempt = min(urn, line.gross)
                    urn = urn - exempt
                case .smallFarewellHall, .ecoBurial, .other: break
                }
            }
            if eligibility.extras, line.category == .smallFarewellHall || line.category == .ecoBurial {
                exempt = line.gross
            }
            out[i].exempt = exempt
            out[i].payable = line.gross - exempt
        }
        for i in out.indices where extra > .zero && out[i].payable > .zero {
            let more = min(extra, out[i].payable)
            extra = extra - more
            out[i].exempt = out[i].exempt + more
            out[i].payable = out[i].payable - more
        }
        return out
    }

    /// The price-order check of one stored bill: each line against the list of its day and
    /// against what the exemptions leave to pay.
    public static func check(
        _ lines: [FuneralBillLine], list: FuneralPriceList, eligibility: FuneralEligibility,
        parameters: FuneralParameters
    ) -> [PriceOrderFinding] {
        var findings: [PriceOrderFinding] = []
        var atList: [FuneralBillLine] = []
        for line in lines {
            guard let listed = list.inForce(line.code, on: line.day) else {
                findings.append(.unlisted(position: line.position, code: line.code))
                continue
            }
            if line.unitPrice > listed.price {
                findings.append(.aboveList(position: line.position, charged: line.unitPrice, listed: listed.price))
            }
            var fair = line
            fair.category = listed.category
            fair.unitPrice = listed.price
            fair.gross = listed.price * line.quantity
            atList.append(fair)
        }
        let due = exemptions(atList, eligibility: eligibility, parameters: parameters)
        for fair in due {
            guard let charged = lines.first(where: { $0.position == fair.position }) else { continue }
            let free = fair.category.isBasic || fair.category == .smallFarewellHall || fair.category == .ecoBurial
            if free, fair.exempt > .zero, charged.payable > fair.payable,
                !findings.contains(where: { $0.position == fair.position })
            {
                findings.append(.chargedFree(position: fair.position, charged: charged.payable, due: fair.payable))
            }
        }
        return findings.sorted { $0.position < $1.position }
    }
}
