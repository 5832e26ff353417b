/// A unit of a public cemetery (公益性安葬设施): a single or double plot, or a niche.
public enum CemeteryUnitKind: String, CaseIterable, Codable, Sendable {
    case single, double, niche

    public var places: Int { self == .double ? 2 : 1 }

    public var chinese: String {
        switch self {
        case .single: return "单穴墓位"
        case .double: return "双穴墓位"
        case .niche: return "骨灰格位"
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
