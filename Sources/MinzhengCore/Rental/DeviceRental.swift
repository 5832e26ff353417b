/// 康复辅助器具社区租赁: the catalogue's kinds of device.
public enum RentalDeviceKind: String, Sendable, CaseIterable, Codable {
    case manualWheelchair, electricWheelchair, walker, careBed, commodeChair, bathSeat, antiBedsoreMattress

    public var chinese: String {
        switch self {
        case .manualWheelchair: return "手动轮椅"
        case .electricWheelchair: return "电动轮椅"
        case .walker: return "助行器"
        case .careBed: return "护理床"
        case .commodeChair: return "坐便椅"
        case .bathSeat: return "洗澡椅"
        case .antiBedsoreMattress: return "防褥疮床垫"
        }
    }

    /// The dated parameter of the kind's rent a month.
    public var rentKey: PolicyParameterKey {
        switch self {
        case .manualWheelchair: return .rentalRentManualWheelchair
        case .electricWheelchair: return .rentalRentElectricWheelchair
        case .walker: return .rentalRentWalker
        case .careBed: return .rentalRentCareBed
        case .commodeChair: return .rentalRentCommodeChair
        case .bathSeat: return .rentalRentBathSeat
        case .antiBedsoreMattress: return .rentalRentAntiBedsoreMattress
        }
    }

    /// The dated parameter of the kind's deposit.
    public var depositKey: PolicyParameterKey {
        switch self {
        case .manualWheelchair: return .rentalDepositManualWheelchair
        case .electricWheelchair: return .rentalDepositElectricWheelchair
        case .walker: return .rentalDepositWalker
        case .careBed: return .rentalDepositCareBed
        case .commodeChair: return .rentalDepositCommodeChair
        case .bathSeat: return .rentalDepositBathSeat
        case .antiBedsoreMattress: return .rentalDepositAntiBedsoreMattress
        }
    }
}

/// Where a device in stock stands. A returned device waits for cleaning and disinfection
/// before it can be rented again; a repaired one too.
public enum RentalDeviceState: String, Sendable, CaseIterable, Codable {
    case available, reserved, rented, awaitingCleaning, repair, writtenOff, lost

    public var chinese: String {
        switch self {
        case .available: return "可租"
        case .reserved: return "已预留"
        case .rented: return "在租"
        case .awaitingCleaning: return "待清洗消毒"
        case .repair: return "维修中"
        case .writtenOff: return "已报废"
        case .lost: return "已灭失"
        }
    }

    /// What moves a device.
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// A request reserves it; a cancelled request releases it (it never left the point).
        case reserve, release
        /// Handed over to the person; back from them.
        case deliver, takeBack
        /// Cleaned and disinfected (who and when recorded): available again.
        case disinfect
        case sendToRepair, repaired
        case writeOff
        /// Not back `lostDays` after the end: lost, the deposit kept.
        case markLost

        public var chinese: String {
            switch self {
            case .reserve: return "预留"
            case .release: return "取消预留"
            case .deliver: return "交付"
            case .takeBack: return "归还"
            case .disinfect: return "清洗消毒"
            case .sendToRepair: return "送修"
            case .repaired: return "维修完成"
            case .writeOff: return "报废"
            case .markLost: return "认定灭失"
            }
        }
    }

    /// The state after `action`, or nil when the action is not possible from this state.
    public func after(_ action: Action) -> RentalDeviceState? {
        switch (self, action) {
        case (.available, .reserve): return .reserved
        case (.reserved, .release): return .available
        case (.reserved, .deliver): return .rented
        case (.rented, .takeBack): return .awaitingCleaning
        case (.rented, .markLost): return .lost
        case (.awaitingCleaning, .disinfect): return .available
        case (.available, .sendToRepair), (.awaitingCleaning, .sendToRepair): return .repair
        case (.repair, .repaired): return .awaitingCleaning
        case (.available, .writeOff), (.awaitingCleaning, .writeOff), (.repair, .writeOff): return .writtenOff
        default: return nil
        }
    }

    /// The states `action` moves a device from (the conditional update's `WHERE status IN …`).
    public static func sources(of action: Action) -> [RentalDeviceState] {
        allCases.filter { $0.after(action) != nil }
    }

    /// The actions staff take on a device at the point (the others follow a rental).
    public static let pointActions: [Action] = [.disinfect, .sendToRepair, .repaired, .writeOff]
}

/// A rental's recorded status: requested (a device reserved), delivered, returned, or cancelled
/// before delivery.
public enum RentalStatus: String, Sendable, CaseIterable, Codable {
    case requested, delivered, returned, cancelled, lost
}

/// How a rental stands on a day, as staff read it.
public enum RentalStanding: String, Sendable, CaseIterable, Codable {
    case requested, renting, dueBack, overdue, lost, returned, cancelled

    public var chinese: String {
        switch self {
        case .requested: return "待交付"
        case .renting: return "在租"
        case .dueBack: return "已到期待归还"
        case .overdue: return "逾期未还"
        case .lost: return "灭失（押金不退）"
        case .returned: return "已归还"
        case .cancelled: return "已取消"
        }
    }
}

/// Why a person's rent is subsidised (CHILDREN.md): dibao and tekun in full up to a cap with no
/// deposit; a disability certificate or the age, half up to a lower cap.
public enum RentalSubsidyRule: String, Sendable, CaseIterable, Codable {
    case tekun, dibao, disabled, aged

    public var chinese: String {
        switch self {
        case .tekun: return "特困人员"
        case .dibao: return "低保对象"
        case .disabled: return "持证残疾人"
        case .aged: return "高龄老人"
        }
    }

    public var isFull: Bool { self == .tekun || self == .dibao }
}

/// What the registry says of a person in a month.
public struct RentalEligibilityFacts: Sendable, Hashable {
    public var dibao: Bool
    public var tekun: Bool
    public var disabilityCertificate: Bool
    /// Completed years at the month's last day.
    public var age: Int

    public init(dibao: Bool = false, tekun: Bool = false, disabilityCertificate: Bool = false, age: Int) {
        self.dibao = dibao
        self.tekun = tekun
        self.disabilityCertificate = disabilityCertificate
        self.age = age
    }
}

/// One rental month's money: the rent, the public subsidy, what the person pays, and the
/// deposit the rental asks.
public struct RentalCharge: Sendable, Hashable {
    public let rent: Fen
    public let subsidy: Fen
    public let personPays: Fen
    public let deposit: Fen
    public let rule: RentalSubsidyRule?
}

/// The rules of the community rental: eligibility, the subsidy a month, the rental months
/// charged in a calendar month, and how a rental stands on a day.
public enum RentalRules {
    /// The rule that subsidises the person (the most generous first), or nil.
    public static func rule(_ facts: RentalEligibilityFacts, _ p: RentalParameters) -> RentalSubsidyRule? {
        if facts.tekun { return .tekun }
        if facts.dibao { return .dibao }
        if facts.disabilityCertificate { return .disabled }
        if facts.age >= p.subsidyAge { return .aged }
        return nil
    }

    /// The month's rent of `kind`, its subsidy under `rule`, the person's part and the deposit
    /// (none for dibao and tekun).
    public static func charge(
        _ kind: RentalDeviceKind, rule: RentalSubsidyRule?, _ p: RentalParameters
    )
        -> RentalCharge
    {
        let rent = p.rent[kind] ?? .zero
        let deposit = p.deposit[kind] ?? .zero
        guard let rule else {
            return RentalCharge(rent: rent, subsidy: .zero, personPays: rent, deposit: deposit, rule: nil)
        }
        let (share, cap) = rule.isFull ? (p.fullShare, p.fullCap) : (p.halfShare, p.halfCap)
        let subsidy = min(share.ofRoundedUpToFen(rent), cap, rent)
        return RentalCharge(
            rent: rent, subsidy: subsidy, personPays: rent - subsidy, deposit: rule.isFull ? .zero : deposit,
            rule: rule)
    }

    /// The first day of the rental month that begins in `month`, if one does: rental months
    /// begin on the delivery day (the month's last day when it has no such day), and each begun
    /// month is charged in full in the calendar month it begins — the first always, the others
    /// while the device is out (before the return, not after it is lost).
    public static func rentalMonthStart(
        in month: YearMonth, deliveredOn: CivilDate, returnedOn: CivilDate?, lostOn: CivilDate?
    ) -> CivilDate? {
        let k = deliveredOn.yearMonth.months(until: month)
        guard k >= 0 else { return nil }
        let start = deliveredOn.adding(months: k)
        if k > 0 {
            if let returnedOn, start >= returnedOn { return nil }
            if let lostOn, start > lostOn { return nil }
        }
        return start
    }

    /// The day a device not back is lost: `lostDays` after the end.
    public static func lostOn(endsOn: CivilDate, _ p: RentalParameters) -> CivilDate {
        endsOn.adding(days: p.lostDays)
    }

    /// How a rental stands on `today`: delivered and past the end, due back; `overdueDays`
    /// after it, overdue; `lostDays` after it, lost with the deposit kept.
    public static func standing(
        _ status: RentalStatus, endsOn: CivilDate, today: CivilDate, _ p: RentalParameters
    ) -> RentalStanding {
        switch status {
        case .requested: return .requested
        case .returned: return .returned
        case .cancelled: return .cancelled
        case .lost: return .lost
        case .delivered:
            if today > endsOn.adding(days: p.lostDays) { return .lost }
            if today > endsOn.adding(days: p.overdueDays) { return .overdue }
            if today > endsOn { return .dueBack }
            return .renting
        }
    }

    /// The deposit kept when the device is lost, or returned to the person otherwise.
    public static func depositKept(_ standing: RentalStanding) -> Bool { standing == .lost }

    /// A serial number as the point writes it: 1 to 40 letters, digits and `-`.
    public static func validSerial(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 40
            && text.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45
            }
    }
}
