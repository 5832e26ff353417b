/// Vehicle, real estate, business: a member of an enrolled household gains an asset that
/// fails the asset test (POLICY.md R3) → orange, recheck visit. A household that holds no
/// means-tested program has no asset test to fail, so its rows stay silent.
enum AssetGainRules {
    static func check(vehicle: VehicleRegistration, _ context: EarlyWarningContext, _ raise: AlertRaiser) -> AlertDraft?
    {
        guard context.householdIsMeansTested else { return nil }
        // R3 allows no vehicle that is not exempt; whether this one is exempt (a disabled
        // person's mobility vehicle) is for the visit to find out.
        return raise(.vehicle, .vehicle(registeredDate: vehicle.registeredDate, value: vehicle.valueFen))
    }

    static func check(
        realEstate: RealEstateHolding, _ context: EarlyWarningContext, _ raise: AlertRaiser
    ) -> AlertDraft? {
        guard context.householdIsMeansTested else { return nil }
        let household = realEstate.properties + context.household.residentialPropertiesOfOtherMembers
        let maximum = context.assetLimits.maxResidentialProperties
        guard household > maximum else { return nil }
        return raise(
            .realEstate,
            .realEstate(
                personProperties: realEstate.properties, householdProperties: household,
                maximum: maximum, area: realEstate.areaM2))
    }

    static func check(
        business: BusinessRegistration, _ context: EarlyWarningContext, _ raise: AlertRaiser
    ) -> AlertDraft? {
        guard context.householdIsMeansTested, business.status == .active else { return nil }
        return raise(.business, .business(registeredDate: business.registeredDate, capital: business.capitalFen))
    }
}
