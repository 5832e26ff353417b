/// Every policy number one assessment needs, as in force for one region and month.
///
/// Built from stored `(key, value)` pairs so that the database, the defaults file and the
/// admin screens share one representation: fen as fen, rates as basis points, integers as is.
public struct PolicyParameters: Sendable, Hashable {
    public var dibaoStandard: Fen
    public var employmentDeductionRate: Rate
    public var workingAgeMin: Int
    public var workingAgeMax: Int
    /// Age from which a person counts as an adult (below it: a minor, a child).
    public var adultAge: Int
    /// Age from which a person counts as elderly.
    public var elderlyAge: Int
    public var assetFinancialMonths: Int
    public var maxResidentialProperties: Int
    public var dibaoAddOnElderlyMinorRate: Rate
    public var dibaoAddOnDisabilityIllnessRate: Rate
    public var individualDibaoCeiling: Rate
    public var individualDibaoSevereRate: Rate
    public var individualDibaoIntellectualMentalRate: Rate
    public var edgeMultiplier: Rate
    /// Annual, per capita.
    public var priorYearDisposableIncome: Fen
    public var tekunBasicMultiplier: Rate
    public var tekunCareFullRate: Rate
    public var tekunCarePartialRate: Rate
    public var tekunCareNoneRate: Rate
    public var orphanInstitution: Fen
    public var orphanCommunity: Fen
    public var childGuardianshipLostRate: Rate
    public var childDisabledOrIllRate: Rate
    public var nursingSubsidyUrban: Fen
    public var nursingSubsidyRural: Fen
    public var livingSubsidySevereRate: Rate
    public var livingSubsidyOtherRate: Rate
    public var seniorAllowanceTier1Age: Int
    public var seniorAllowanceTier1: Fen
    public var seniorAllowanceTier2Age: Int
    public var seniorAllowanceTier2: Fen
    public var seniorAllowanceTier3Age: Int
    public var seniorAllowanceTier3: Fen
    public var gradualExitMonths: Int
    public var warningMedicalOneStay: Fen
    public var warningMedicalTwelveMonths: Fen
    public var warningAloneAge: Int
    public var warningAloneUnvisitedDays: Int
    public var warningSevereDisabilityGrade: Int
    public var warningIncomeRiseShare: Rate
    public var homeCareTekun: Fen
    public var homeCareDibaoDependent: Fen
    public var homeCareDibaoIndependent: Fen
    public var homeCareAlone: Fen
    public var homeCareNonagenarian: Fen
    public var homeCareSevereDisability: Fen
    public var homeCareAloneAge: Int
    public var homeCareNonagenarianAge: Int
    public var homeCarePriceMeal: Fen
    public var homeCarePriceBathing: Fen
    public var homeCarePriceCleaning: Fen
    public var homeCarePriceEscort: Fen
    public var homeCarePriceRehabilitation: Fen
    public var homeCarePriceCompanionship: Fen
    public var homeCareNormMealMinutes: Int
    public var homeCareNormBathingMinutes: Int
    public var homeCareOverlongFactor: Int
    public var adaptationCap: Fen
    public var adaptationCapRaised: Fen
    public var adaptationPriceGrabBar: Fen
    public var adaptationPriceAntiSlipFloor: Fen
    public var adaptationPriceShowerSeat: Fen
    public var adaptationPriceRaisedToilet: Fen
    public var adaptationPriceRamp: Fen
    public var adaptationPriceDoorWidening: Fen
    public var adaptationPriceNightLight: Fen
    public var adaptationPriceEmergencyCall: Fen
    public var adaptationPriceGasAlarm: Fen
    public var adaptationPriceWalkingAid: Fen
    public var adaptationYearTarget: Int
    /// 德康驿站: the stations and the patients served the city plans (20, 5 000).
    public var rehabStationTarget: Int
    public var rehabPatientTarget: Int
    /// Months from one ability assessment to the next one due.
    public var abilityReassessmentMonths: Int
    /// The lowest final ability level recorded as partial self-care (2), and as none (3).
    public var abilityPartialSelfCareLevel: Int
    public var abilityNoSelfCareLevel: Int
    /// Facility grading, inspections and the nursing-bed target (`FacilityParameters.keys`).
    public var facilities: FacilityParameters
    /// The free basic funeral services' limits and the extras (`FuneralParameters.keys`).
    public var funeral: FuneralParameters
    /// The child-protection hotline's response times (`ChildProtectionParameters.keys`).
    public var childProtection: ChildProtectionParameters
    /// The child director's visits and the ageing notice (`ChildParameters.keys`).
    public var children: ChildParameters
    /// Social organisations' annual reports and credit rules (`OrganisationParameters.keys`).
    public var organisations: OrganisationParameters
    /// Social organisations' rating (`RatingParameters.keys`).
    public var rating: RatingParameters
    /// 五社联动 project funding (`FundingParameters.keys`).
    public var funding: FundingParameters
    /// The community rental of assistive devices: prices, the subsidy, overdue and lost (`RentalParameters.keys`).
    public var rental: RentalParameters
    /// The community workers' star rating (`StarParameters.keys`).
    public var stars: StarParameters
    /// Charity: the award's publicity, the filing's lead time, the qualification's years (`CharityParameters.keys`).
    public var charity: CharityParameters
    /// The assistance station: the notice's deadline in hours (`StationParameters.keys`).
    public var station: StationParameters

    /// Reads one value per key; a missing key, a negative or absurdly large value, or
    /// inconsistent age bounds is an error naming the key.
    public init(values: [PolicyParameterKey: Int64]) throws(PolicyParameterError) {
        let missing = PolicyParameterKey.allCases.filter { values[$0] == nil }
        guard missing.isEmpty else { throw .missing(keys: missing) }
        for key in PolicyParameterKey.allCases {
            let value = values[key] ?? 0
            if value < 0 { throw .invalid(key: key, value: value, problem: .negative) }
            if value > key.kind.maximum {
                throw .invalid(key: key, value: value, problem: .tooLarge(maximum: key.kind.maximum))
            }
        }
        // Every key is present (checked above), so the fallbacks below are never used.
        func fen(_ key: PolicyParameterKey) -> Fen { Fen(values[key] ?? 0) }
        func rate(_ key: PolicyParameterKey) -> Rate { Rate(basisPoints: values[key] ?? 0) }
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }

        dibaoStandard = fen(.dibaoStandard)
        employmentDeductionRate = rate(.employmentDeductionRate)
        workingAgeMin = int(.workingAgeMin)
        workingAgeMax = int(.workingAgeMax)
        adultAge = int(.adultAge)
        elderlyAge = int(.elderlyAge)
        assetFinancialMonths = int(.assetFinancialMonths)
        maxResidentialProperties = int(.maxResidentialProperties)
        dibaoAddOnElderlyMinorRate = rate(.dibaoAddOnElderlyMinorRate)
        dibaoAddOnDisabilityIllnessRate = rate(.dibaoAddOnDisabilityIllnessRate)
        individualDibaoCeiling = rate(.individualDibaoCeiling)
        individualDibaoSevereRate = rate(.individualDibaoSevereRate)
        individualDibaoIntellectualMentalRate = rate(.individualDibaoIntellectualMentalRate)
        edgeMultiplier = rate(.edgeMultiplier)
        priorYearDisposableIncome = fen(.priorYearDisposableIncome)
        tekunBasicMultiplier = rate(.tekunBasicMultiplier)
        tekunCareFullRate = rate(.tekunCareFullRate)
        tekunCarePartialRate = rate(.tekunCarePartialRate)
        tekunCareNoneRate = rate(.tekunCareNoneRate)
        orphanInstitution = fen(.orphanInstitution)
        orphanCommunity = fen(.orphanCommunity)
        childGuardianshipLostRate = rate(.childGuardianshipLostRate)
        childDisabledOrIllRate = rate(.childDisabledOrIllRate)
        nursingSubsidyUrban = fen(.nursingSubsidyUrban)
        nursingSubsidyRural = fen(.nursingSubsidyRural)
        livingSubsidySevereRate = rate(.livingSubsidySevereRate)
        livingSubsidyOtherRate = rate(.livingSubsidyOtherRate)
        seniorAllowanceTier1Age = int(.seniorAllowanceTier1Age)
        seniorAllowanceTier1 = fen(.seniorAllowanceTier1)
        seniorAllowanceTier2Age = int(.seniorAllowanceTier2Age)
        seniorAllowanceTier2 = fen(.seniorAllowanceTier2)
        seniorAllowanceTier3Age = int(.seniorAllowanceTier3Age)
        seniorAllowanceTier3 = fen(.seniorAllowanceTier3)
        gradualExitMonths = int(.gradualExitMonths)
        warningMedicalOneStay = fen(.warningMedicalOneStay)
        warningMedicalTwelveMonths = fen(.warningMedicalTwelveMonths)
        warningAloneAge = int(.warningAloneAge)
        warningAloneUnvisitedDays = int(.warningAloneUnvisitedDays)
        warningSevereDisabilityGrade = int(.warningSevereDisabilityGrade)
        warningIncomeRiseShare = rate(.warningIncomeRiseShare)
        homeCareTekun = fen(.homeCareTekun)
        homeCareDibaoDependent = fen(.homeCareDibaoDependent)
        homeCareDibaoIndependent = fen(.homeCareDibaoIndependent)
        homeCareAlone = fen(.homeCareAlone)
        homeCareNonagenarian = fen(.homeCareNonagenarian)
        homeCareSevereDisability = fen(.homeCareSevereDisability)
        homeCareAloneAge = int(.homeCareAloneAge)
        homeCareNonagenarianAge = int(.homeCareNonagenarianAge)
        homeCarePriceMeal = fen(.homeCarePriceMeal)
        homeCarePriceBathing = fen(.homeCarePriceBathing)
        homeCarePriceCleaning = fen(.homeCarePriceCleaning)
        homeCarePriceEscort = fen(.homeCarePriceEscort)
        homeCarePriceRehabilitation = fen(.homeCarePriceRehabilitation)
        homeCarePriceCompanionship = fen(.homeCarePriceCompanionship)
        homeCareNormMealMinutes = int(.homeCareNormMealMinutes)
        homeCareNormBathingMinutes = int(.homeCareNormBathingMinutes)
        homeCareOverlongFactor = int(.homeCareOverlongFactor)
        adaptationCap = fen(.adaptationCap)
        adaptationCapRaised = fen(.adaptationCapRaised)
        adaptationPriceGrabBar = fen(.adaptationPriceGrabBar)
        adaptationPriceAntiSlipFloor = fen(.adaptationPriceAntiSlipFloor)
        adaptationPriceShowerSeat = fen(.adaptationPriceShowerSeat)
        adaptationPriceRaisedToilet = fen(.adaptationPriceRaisedToilet)
        adaptationPriceRamp = fen(.adaptationPriceRamp)
        adaptationPriceDoorWidening = fen(.adaptationPriceDoorWidening)
        adaptationPriceNightLight = fen(.adaptationPriceNightLight)
        adaptationPriceEmergencyCall = fen(.adaptationPriceEmergencyCall)
        adaptationPriceGasAlarm = fen(.adaptationPriceGasAlarm)
        adaptationPriceWalkingAid = fen(.adaptationPriceWalkingAid)
        adaptationYearTarget = int(.adaptationYearTarget)
        rehabStationTarget = int(.rehabStationTarget)
        rehabPatientTarget = int(.rehabPatientTarget)
        abilityReassessmentMonths = int(.abilityReassessmentMonths)
        abilityPartialSelfCareLevel = int(.abilityPartialSelfCareLevel)
        abilityNoSelfCareLevel = int(.abilityNoSelfCareLevel)
        facilities = FacilityParameters(values: values)
        funeral = FuneralParameters(values: values)
        childProtection = ChildProtectionParameters(values: values)
        children = ChildParameters(values: values)
        organisations = OrganisationParameters(values: values)
        rating = RatingParameters(values: values)
        funding = FundingParameters(values: values)
        rental = RentalParameters(values: values)
        stars = StarParameters(values: values)
        charity = CharityParameters(values: values)
        station = StationParameters(values: values)

        guard workingAgeMin <= workingAgeMax else {
            throw .invalid(key: .workingAgeMin, value: Int64(workingAgeMin), problem: .workingAgeMinAboveMax)
        }
        guard seniorAllowanceTier1Age < seniorAllowanceTier2Age, seniorAllowanceTier2Age < seniorAllowanceTier3Age
        else {
            throw .invalid(
                key: .seniorAllowanceTier2Age, value: Int64(seniorAllowanceTier2Age),
                problem: .seniorAllowanceTiersNotAscending)
        }
    }

    /// The stored form: one value per key, as `init(values:)` reads it.
    public var values: [PolicyParameterKey: Int64] {
        let own: [PolicyParameterKey: Int64] = [
            .dibaoStandard: dibaoStandard.value,
            .employmentDeductionRate: employmentDeductionRate.basisPoints,
            .workingAgeMin: Int64(workingAgeMin),
            .workingAgeMax: Int64(workingAgeMax),
            .adultAge: Int64(adultAge),
            .elderlyAge: Int64(elderlyAge),
            .assetFinancialMonths: Int64(assetFinancialMonths),
            .maxResidentialProperties: Int64(maxResidentialProperties),
            .dibaoAddOnElderlyMinorRate: dibaoAddOnElderlyMinorRate.basisPoints,
            .dibaoAddOnDisabilityIllnessRate: dibaoAddOnDisabilityIllnessRate.basisPoints,
            .individualDibaoCeiling: individualDibaoCeiling.basisPoints,
            .individualDibaoSevereRate: individualDibaoSevereRate.basisPoints,
            .individualDibaoIntellectualMentalRate: individualDibaoIntellectualMentalRate.basisPoints,
            .edgeMultiplier: edgeMultiplier.basisPoints,
            .priorYearDisposableIncome: priorYearDisposableIncome.value,
            .tekunBasicMultiplier: tekunBasicMultiplier.basisPoints,
            .tekunCareFullRate: tekunCareFullRate.basisPoints,
            .tekunCarePartialRate: tekunCarePartialRate.basisPoints,
            .tekunCareNoneRate: tekunCareNoneRate.basisPoints,
            .orphanInstitution: orphanInstitution.value,
            .orphanCommunity: orphanCommunity.value,
            .childGuardianshipLostRate: childGuardianshipLostRate.basisPoints,
            .childDisabledOrIllRate: childDisabledOrIllRate.basisPoints,
            .nursingSubsidyUrban: nursingSubsidyUrban.value,
            .nursingSubsidyRural: nursingSubsidyRural.value,
            .livingSubsidySevereRate: livingSubsidySevereRate.basisPoints,
            .livingSubsidyOtherRate: livingSubsidyOtherRate.basisPoints,
            .seniorAllowanceTier1Age: Int64(seniorAllowanceTier1Age),
            .seniorAllowanceTier1: seniorAllowanceTier1.value,
            .seniorAllowanceTier2Age: Int64(seniorAllowanceTier2Age),
            .seniorAllowanceTier2: seniorAllowanceTier2.value,
            .seniorAllowanceTier3Age: Int64(seniorAllowanceTier3Age),
            .seniorAllowanceTier3: seniorAllowanceTier3.value,
            .gradualExitMonths: Int64(gradualExitMonths),
            .warningMedicalOneStay: warningMedicalOneStay.value,
            .warningMedicalTwelveMonths: warningMedicalTwelveMonths.value,
            .warningAloneAge: Int64(warningAloneAge),
            .warningAloneUnvisitedDays: Int64(warningAloneUnvisitedDays),
            .warningSevereDisabilityGrade: Int64(warningSevereDisabilityGrade),
            .warningIncomeRiseShare: warningIncomeRiseShare.basisPoints,
            .homeCareTekun: homeCareTekun.value,
            .homeCareDibaoDependent: homeCareDibaoDependent.value,
            .homeCareDibaoIndependent: homeCareDibaoIndependent.value,
            .homeCareAlone: homeCareAlone.value,
            .homeCareNonagenarian: homeCareNonagenarian.value,
            .homeCareSevereDisability: homeCareSevereDisability.value,
            .homeCareAloneAge: Int64(homeCareAloneAge),
            .homeCareNonagenarianAge: Int64(homeCareNonagenarianAge),
            .homeCarePriceMeal: homeCarePriceMeal.value,
            .homeCarePriceBathing: homeCarePriceBathing.value,
            .homeCarePriceCleaning: homeCarePriceCleaning.value,
            .homeCarePriceEscort: homeCarePriceEscort.value,
            .homeCarePriceRehabilitation: homeCarePriceRehabilitation.value,
            .homeCarePriceCompanionship: homeCarePriceCompanionship.value,
            .homeCareNormMealMinutes: Int64(homeCareNormMealMinutes),
            .homeCareNormBathingMinutes: Int64(homeCareNormBathingMinutes),
            .homeCareOverlongFactor: Int64(homeCareOverlongFactor),
            .adaptationCap: adaptationCap.value,
            .adaptationCapRaised: adaptationCapRaised.value,
            .adaptationPriceGrabBar: adaptationPriceGrabBar.value,
            .adaptationPriceAntiSlipFloor: adaptationPriceAntiSlipFloor.value,
            .adaptationPriceShowerSeat: adaptationPriceShowerSeat.value,
            .adaptationPriceRaisedToilet: adaptationPriceRaisedToilet.value,
            .adaptationPriceRamp: adaptationPriceRamp.value,
            .adaptationPriceDoorWidening: adaptationPriceDoorWidening.value,
            .adaptationPriceNightLight: adaptationPriceNightLight.value,
            .adaptationPriceEmergencyCall: adaptationPriceEmergencyCall.value,
            .adaptationPriceGasAlarm: adaptationPriceGasAlarm.value,
            .adaptationPriceWalkingAid: adaptationPriceWalkingAid.value,
            .adaptationYearTarget: Int64(adaptationYearTarget),
            .rehabStationTarget: Int64(rehabStationTarget), .rehabPatientTarget: Int64(rehabPatientTarget),
            .abilityReassessmentMonths: Int64(abilityReassessmentMonths),
            .abilityPartialSelfCareLevel: Int64(abilityPartialSelfCareLevel),
            .abilityNoSelfCareLevel: Int64(abilityNoSelfCareLevel),
        ]
        return own.merging(facilities.values) { $1 }.merging(funeral.values) { $1 }
            .merging(childProtection.values) { $1 }.merging(children.values) { $1 }
            .merging(organisations.values) { $1 }.merging(rating.values) { $1 }
            .merging(funding.values) { $1 }.merging(rental.values) { $1 }
            .merging(stars.values) { $1 }
            .merging(charity.values) { $1 }
            .merging(station.values) { $1 }
    }
}
