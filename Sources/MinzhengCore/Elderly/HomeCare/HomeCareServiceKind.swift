/// A home-care service of the bureau's catalogue (居家上门服务), with how it is counted and
/// charged. Prices and norms are dated parameters (`HomeCareTariff`).
public enum HomeCareServiceKind: String, Sendable, CaseIterable, Codable {
    case mealDelivery
    case bathing
    case cleaning
    case hospitalEscort
    case rehabilitationNursing
    case companionship

    /// What one unit of an order is.
    public enum Unit: String, Sendable {
        /// A delivered meal: one visit may bring several.
        case meal
        /// One visit, whatever its length.
        case visit
        /// An hour of work.
        case hour
    }

    public var unit: Unit {
        switch self {
        case .mealDelivery: return .meal
        case .bathing: return .visit
        case .cleaning, .hospitalEscort, .rehabilitationNursing, .companionship: return .hour
        }
    }

    public var label: String {
        switch self {
        case .mealDelivery: return "助餐送餐"
        case .bathing: return "助浴"
        case .cleaning: return "助洁"
        case .hospitalEscort: return "陪同就医"
        case .rehabilitationNursing: return "康复护理"
        case .companionship: return "陪伴"
        }
    }

    public var unitLabel: String {
        switch unit {
        case .meal: return "餐"
        case .visit: return "次"
        case .hour: return "小时"
        }
    }
}
