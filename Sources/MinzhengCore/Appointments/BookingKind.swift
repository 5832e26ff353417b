/// The bookable services of the bureau (APPOINTMENTS.md): every one runs on the same engine
/// of resources, slots and bookings.
public enum BookingKind: String, CaseIterable, Codable, Sendable {
    case marriage, divorce, cremation, farewellHall, bodyPickup, qingmingVisit

    public var chinese: String {
        switch self {
        case .marriage: return "结婚登记"
        case .divorce: return "离婚登记"
        case .cremation: return "火化"
        case .farewellHall: return "告别厅"
        case .bodyPickup: return "遗体接运"
        case .qingmingVisit: return "清明祭扫"
        }
    }

    /// What a booking of the kind is for: the people who come (marriage, divorce, a visit),
    /// or the deceased (the funeral services) — one active booking per deceased.
    public var forDeceased: Bool {
        switch self {
        case .cremation, .farewellHall, .bodyPickup: return true
        case .marriage, .divorce, .qingmingVisit: return false
        }
    }
}
