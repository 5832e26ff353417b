/// A unit of a public cemetery (公益性安葬设施): a single or double plot, a niche, or a
/// place of an eco-burial section (tree, flower-bed or lawn burial), which earns the
/// eco-burial subsidy.
public enum CemeteryUnitKind: String, CaseIterable, Codable, Sendable {
    case single, double, niche, eco

    public var places: Int { self == .double ? 2 : 1 }

    public var chinese: String {
        switch self {
        case .single: return "单穴墓位"
        case .double: return "双穴墓位"
        case .niche: return "骨灰格位"
        case .eco: return "生态葬位（树葬、花坛葬、草坪葬）"
        }
    }
}

/// A place of a unit: a buried person, a place reserved for the living spouse of the person
/// buried beside it, or ended (moved away, the term lapsed).
public enum CemeteryPlaceState: String, Codable, Sendable {
    case buried, reserved, ended
}

/// One place of a unit as allocated: which place, its state, and the blind index of the
/// person it is for.
public struct CemeteryPlace: Sendable, Hashable {
    public var place: Int
    public var state: CemeteryPlaceState
    public var person: String

    public init(place: Int, state: CemeteryPlaceState, person: String) {
        self.place = place
        self.state = state
        self.person = person
    }
}

public enum CemeteryRules {
    /// The place a new allocation of `kind` takes (APPOINTMENTS.md): a deceased takes the
    /// place reserved for them, else the first free one; a reservation is only for the other
    /// place of a double plot whose first place holds a buried person (the living spouse).
    public static func place(
        kind: CemeteryUnitKind, taken: [CemeteryPlace], person: String, reserve: Bool
    ) -> Result<Int, Refusal> {
        let standing = taken.filter { $0.state != .ended }
        if reserve {
            guard kind == .double, standing.contains(where: { $0.place == 1 && $0.state == .buried }) else {
                return .failure(.invalid("reserve", "只能为已安葬者的在世配偶预留双穴墓位的另一穴"))
            }
            guard !standing.contains(where: { $0.place == 2 }) else {
                return .failure(Refusal(.conflict, "该墓位已无空穴", field: "unitId"))
            }
            return .success(2)
        }
        if let mine = standing.first(where: { $0.state == .reserved && $0.person == person }) {
            return .success(mine.place)
        }
        guard let free = (1...kind.places).first(where: { p in !standing.contains { $0.place == p } }) else {
            return .failure(Refusal(.conflict, "该墓位（格位）已安葬或预留，请选择其他", field: "unitId"))
        }
        return .success(free)
    }

    /// The last day of a term of `years` from `from`: the day before its anniversary (the
    /// anniversary of 29 February in a common year is 1 March).
    public static func until(from: CivilDate, years: Int) -> CivilDate {
        CivilDate(year: from.year + years, month: from.month, day: 1)!.adding(days: from.day - 2)
    }
}

/// What the registry holds about a buried person and the living person a place beside them
/// is reserved for: a marriage record between the two, a marriage of the living person to
/// someone else, and their relations when both are members of one household.
public struct SpouseFacts: Sendable, Hashable {
    public var marriedToEachOther: Bool
    public var marriedToAnother: Bool
    /// (the buried person's, the living person's) relation to the head, when in one household.
    public var household: (buried: Relation, living: Relation)?

    public init(marriedToEachOther: Bool, marriedToAnother: Bool, household: (buried: Relation, living: Relation)?) {
        self.marriedToEachOther = marriedToEachOther
        self.marriedToAnother = marriedToAnother
        self.household = household
    }

    public static func == (a: SpouseFacts, b: SpouseFacts) -> Bool {
        a.marriedToEachOther == b.marriedToEachOther && a.marriedToAnother == b.marriedToAnother
            && a.household?.buried == b.household?.buried && a.household?.living == b.household?.living
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(marriedToEachOther)
        hasher.combine(marriedToAnother)
        hasher.combine(household?.buried)
        hasher.combine(household?.living)
    }
}

extension CemeteryRules {
    /// Whether a place may be reserved for `facts`' living person as the buried person's spouse:
    /// where the registry holds the relation it must be the spouse's; where it holds none, the
    /// family's word stands. Answers how the relation was found (for the audit trail).
    public static func spouse(_ facts: SpouseFacts) -> Result<String, Refusal> {
        if facts.marriedToEachOther { return .success("婚姻登记记录") }
        if facts.marriedToAnother {
            return .failure(.invalid("idNumber", "婚姻登记记录显示此人与他人登记结婚，不是安葬者的配偶，不能预留"))
        }
        if let (buried, living) = facts.household {
            let pair: Set<Relation> = [buried, living]
            guard pair == [.head, .spouse] else {
                return .failure(
                    .invalid(
                        "idNumber",
                        "一人一档记载二人同户，与户主关系为“\(buried.chinese)”和“\(living.chinese)”，不是配偶，不能预留"))
            }
            return .success("一人一档：同户户主与配偶")
        }
        return .success("一人一档未载二人关系，按家属申报")
    }
}
