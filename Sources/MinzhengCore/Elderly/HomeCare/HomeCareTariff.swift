/// Prices and visit norms of the home-care catalogue in force for a region and month.
public struct HomeCareTariff: Sendable, Equatable {
    public var prices: [HomeCareServiceKind: Fen]
    /// Minutes a per-visit or per-meal service normally takes; hourly services take the hours ordered.
    public var mealNormMinutes: Int
    public var bathingNormMinutes: Int
    /// A visit longer than this many times its norm is flagged.
    public var overlongFactor: Int

    public init(parameters p: PolicyParameters) {
        prices = [
            .mealDelivery: p.homeCarePriceMeal, .bathing: p.homeCarePriceBathing, .cleaning: p.homeCarePriceCleaning,
            .hospitalEscort: p.homeCarePriceEscort, .rehabilitationNursing: p.homeCarePriceRehabilitation,
            .companionship: p.homeCarePriceCompanionship,
        ]
        mealNormMinutes = p.homeCareNormMealMinutes
        bathingNormMinutes = p.homeCareNormBathingMinutes
        overlongFactor = p.homeCareOverlongFactor
    }

    public func price(of service: HomeCareServiceKind) -> Fen { prices[service] ?? Fen(0) }

    /// What an order of `units` costs: the unit price times the units.
    public func charge(_ service: HomeCareServiceKind, units: Int) -> Fen {
        Fen(price(of: service).value * Int64(units))
    }

    /// The minutes an order of `units` normally takes.
    public func normMinutes(_ service: HomeCareServiceKind, units: Int) -> Int {
        switch service.unit {
        case .meal: return mealNormMinutes
        case .visit: return bathingNormMinutes
        case .hour: return 60 * units
        }
    }

    /// The longest a visit may last before it is flagged.
    public func longestMinutes(_ service: HomeCareServiceKind, units: Int) -> Int {
        overlongFactor * normMinutes(service, units: units)
    }
}
