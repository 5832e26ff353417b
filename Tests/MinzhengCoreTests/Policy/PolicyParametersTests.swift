import Foundation
import Testing
import MinzhengCore

@Suite("Policy parameters and their defaults")
struct PolicyParametersTests {
    @Test func defaultsAreTheChangzhouSet() throws {
        let defaults = try PolicyFixtures.defaults.get()
        #expect(defaults.region == "3204")
        let p = try PolicyFixtures.parameters("2021-01")
        // POLICY.md section 1, as stored: fen, basis points, plain integers.
        let expected: [PolicyParameterKey: Int64] = [
            .dibaoStandard: 94000, .employmentDeductionRate: 3000, .workingAgeMin: 16, .workingAgeMax: 59,
            .adultAge: 18, .elderlyAge: 60, .assetFinancialMonths: 24, .maxResidentialProperties: 1,
            .dibaoAddOnElderlyMinorRate: 1000, .dibaoAddOnDisabilityIllnessRate: 2000,
            .individualDibaoCeiling: 20000, .individualDibaoSevereRate: 6500,
            .individualDibaoIntellectualMentalRate: 7500,
            .edgeMultiplier: 15000, .priorYearDisposableIncome: 5_000_000, .tekunBasicMultiplier: 13000,
            .tekunCareFullRate: 2000, .tekunCarePartialRate: 5000, .tekunCareNoneRate: 10000,
            .orphanInstitution: 252_200, .orphanCommunity: 201_800,
            .childGuardianshipLostRate: 6000, .childDisabledOrIllRate: 5000,
            .nursingSubsidyUrban: 13000, .nursingSubsidyRural: 9000,
            .livingSubsidySevereRate: 3000, .livingSubsidyOtherRate: 2500,
            .seniorAllowanceTier1Age: 80, .seniorAllowanceTier1: 5000, .seniorAllowanceTier2Age: 90,
            .seniorAllowanceTier2: 10000, .seniorAllowanceTier3Age: 100, .seniorAllowanceTier3: 50000,
            .gradualExitMonths: 6,
            // CATALOG.md's early-warning thresholds.
            .warningMedicalOneStay: 1_000_000, .warningMedicalTwelveMonths: 2_000_000, .warningAloneAge: 80,
            .warningAloneUnvisitedDays: 30, .warningSevereDisabilityGrade: 2, .warningIncomeRiseShare: 10000,
            // ELDERLY.md's home-care entitlements (a month), prices and norms.
            .homeCareTekun: 60000, .homeCareDibaoDependent: 40000, .homeCareDibaoIndependent: 20000,
            .homeCareAlone: 20000, .homeCareNonagenarian: 10000, .homeCareSevereDisability: 30000,
            .homeCareAloneAge: 80, .homeCareNonagenarianAge: 90,
            .homeCarePriceMeal: 1200, .homeCarePriceBathing: 6000, .homeCarePriceCleaning: 4000,
            .homeCarePriceEscort: 5000, .homeCarePriceRehabilitation: 8000, .homeCarePriceCompanionship: 3000,
            .homeCareNormMealMinutes: 30, .homeCareNormBathingMinutes: 60, .homeCareOverlongFactor: 3,
            // ELDERLY.md's home adaptations: caps, the catalogue's prices, the year's target (2 220 households).
            .adaptationCap: 300_000, .adaptationCapRaised: 500_000, .adaptationPriceGrabBar: 15000,
            .adaptationPriceAntiSlipFloor: 60000, .adaptationPriceShowerSeat: 20000,
            .adaptationPriceRaisedToilet: 30000, .adaptationPriceRamp: 80000, .adaptationPriceDoorWidening: 120_000,
            .adaptationPriceNightLight: 10000, .adaptationPriceEmergencyCall: 40000,
            .adaptationPriceGasAlarm: 50000, .adaptationPriceWalkingAid: 20000, .adaptationYearTarget: 2220,
            // ELDERLY.md.
            .abilityReassessmentMonths: 12, .abilityPartialSelfCareLevel: 2, .abilityNoSelfCareLevel: 3,
            // ELDERLY.md's facility grading and inspections; the nursing-bed target of 2021.
            .facilitySectionEnvironmentMax: 120, .facilitySectionEquipmentMax: 130, .facilitySectionManagementMax: 150,
            .facilitySectionServicesMax: 600, .facilityGrade5Total: 900, .facilityGrade5SectionShare: 9000,
            .facilityGrade4Total: 780, .facilityGrade4SectionShare: 8000, .facilityGrade3Total: 570,
            .facilityGrade3SectionShare: 6000, .facilityGrade2Total: 450, .facilityGrade2SectionShare: 5000,
            .facilityGrade1Total: 360, .facilityGrade1SectionShare: 4000, .facilityGradeFiledMonths: 12,
            .facilityGradeIncidentFreeMonths: 12, .facilityGradeValidityMonths: 36,
            .facilityGradeFirstReminderMonths: 6,
            .facilityGradeSecondReminderMonths: 1, .facilityGradePublicityDays: 7, .hazardSeriousDays: 7,
            .hazardGeneralDays: 30, .nursingBedTarget: 6800, .serviceCircleMetres: 1000, .adviceReplyDays: 3,
            // APPOINTMENTS.md's free basic funeral services and extras.
            .funeralColdStorageFreeDays: 3, .funeralAshStorageFreeYears: 3, .funeralUrnAllowance: 20000,
            .funeralExtraAllowance: 40000, .cemeteryTermYears: 20,
            // The funeral subsidy (the city's to enter; 1 000 yuan until it does) and the eco-burial subsidy.
            .funeralSubsidy: 100_000, .ecoBurialSubsidy: 150_000,
            // CHILDREN.md's hotline: on site within 24 h, contact within 3 working days, answers
            // within 5, a visit at least every 30 days.
            .childCaseUrgentResponseHours: 24, .childCaseNormalResponseWorkingDays: 3,
            .childCaseReferralAnswerWorkingDays: 5, .childCaseVisitIntervalDays: 30,
            .childVisitMonthsScatteredOrphan: 1,
            .childVisitMonthsUnsupported: 1, .childVisitMonthsInDistress: 1, .childVisitMonthsLeftBehind: 3,
            .childLeftBehindAgeLimit: 16, .childAgeingNoticeMonths: 3,
            // ORGANISATIONS.md: the report by 31 May, 24 months to the serious list, 2 years missed.
            .organisationReportDeadlineMonth: 5, .organisationReportDeadlineDay: 31, .organisationReminderDays: 30,
            .organisationSeriousAfterMonths: 24, .organisationRevocationMissedYears: 2, .organisationDormantYears: 2,
            .organisationCertificateValidityYears: 5,
            // Issue 16: 德康驿站, 20 stations serving 5 000 patients planned.
            .rehabStationTarget: 20, .rehabPatientTarget: 5000,
            // ORGANISATIONS.md "Rating": 60/340/420/180, 950…750, 5 years, 3 reviewers, 3-year conflicts.
            .ratingBasicMax: 60, .ratingGovernanceMax: 340, .ratingPerformanceMax: 420, .ratingSocialMax: 180,
            .rating5ATotal: 950, .rating4ATotal: 900, .rating3ATotal: 850, .rating2ATotal: 800, .rating1ATotal: 750,
            .ratingValidityYears: 5, .ratingMinReviewers: 3, .ratingConflictYears: 3, .ratingExclusionYears: 2,
            .ratingPublicityDays: 7,
            // ORGANISATIONS.md "五社联动": 3 reviewers, 0–100, never below 60, paid 40/40/20.
            .fundingMinReviewers: 3, .fundingMaxScore: 100, .fundingPassScore: 60, .fundingStartPercent: 40,
            .fundingMidtermPercent: 40, .fundingFinalPercent: 20,
            // CHILDREN.md's assistive-device rental: rents and deposits, 100 % up to 200 yuan, 50 % up to 100,
            // 80 years, overdue after 30 days, lost after 90, 5 000 people a year.
            .rentalRentManualWheelchair: 3000, .rentalRentElectricWheelchair: 15_000, .rentalRentWalker: 1000,
            .rentalRentCareBed: 10_000, .rentalRentCommodeChair: 1500, .rentalRentBathSeat: 1000,
            .rentalRentAntiBedsoreMattress: 4000, .rentalDepositManualWheelchair: 30_000,
            .rentalDepositElectricWheelchair: 200_000, .rentalDepositWalker: 10_000, .rentalDepositCareBed: 100_000,
            .rentalDepositCommodeChair: 15_000, .rentalDepositBathSeat: 10_000,
            .rentalDepositAntiBedsoreMattress: 40_000, .rentalSubsidyFullShare: 10_000, .rentalSubsidyFullCap: 20_000,
            .rentalSubsidyHalfShare: 5000, .rentalSubsidyHalfCap: 10_000, .rentalSubsidyAge: 80, .rentalOverdueDays: 30,
            .rentalLostDays: 90, .rentalYearTarget: 5000,
            // ORGANISATIONS.md "Community workers' stars": 2 a year (30), 10/20/30, 10/5/0 over 3 years,
            // awards 10/20 (30), stars at 30/50/70/90, 不称职 caps at 1.
            .starPointsPerYear: 2, .starServiceMax: 30, .starAssistantPoints: 10, .starSocialWorkerPoints: 20,
            .starSeniorPoints: 30, .starExcellentPoints: 10, .starCompetentPoints: 5, .starBasicallyCompetentPoints: 0,
            .starEvaluationYears: 3, .starCityAwardPoints: 10, .starProvincialAwardPoints: 20, .starAwardMax: 30,
            .starTwoStars: 30, .starThreeStars: 50, .starFourStars: 70, .starFiveStars: 90, .starIncompetentCap: 1,
            // Charity: 7 days' publicity, filed 10 days ahead, registered 1 year.
            .charityAwardPublicityDays: 7, .charityFilingLeadDays: 10, .charityQualificationYears: 1,
            // FAMILY-SEARCH.md: an unidentified person's notice within 24 hours.
            .stationNoticeDeadlineHours: 24,
        ]
        #expect(p.values == expected)
        #expect(p.dibaoStandard == Fen(94000))
        #expect(p.employmentDeductionRate == Rate(decimal: "0.30"))
        #expect(p.tekunBasicMultiplier == Rate(decimal: "1.3"))
    }

    @Test func everyKeyHasOneDefaultFrom2021AndTheStandardChangesIn2022() throws {
        let rows = try PolicyFixtures.defaults.get().rows
        for key in PolicyParameterKey.allCases {
            #expect(rows.contains { $0.key == key && $0.fromMonth == PolicyFixtures.ym("2021-01") }, "\(key)")
        }
        #expect(
            rows.contains {
                $0.key == .dibaoStandard && $0.fromMonth == PolicyFixtures.ym("2022-07") && $0.value == 100_000
            })
    }

    @Test func valuesRoundTrip() throws {
        let p = try PolicyFixtures.parameters()
        #expect(p.values.count == PolicyParameterKey.allCases.count)
        #expect(try PolicyParameters(values: p.values) == p)
    }

    @Test func everyKeyHasAKindAndAChineseLabel() {
        for key in PolicyParameterKey.allCases {
            #expect(!key.label.isEmpty)
            #expect(key.label.unicodeScalars.contains { $0.value > 0x4E00 }, "\(key)")
        }
        #expect(PolicyParameterKey.dibaoStandard.kind == .fen)
        #expect(PolicyParameterKey.employmentDeductionRate.kind == .rate)
        #expect(PolicyParameterKey.edgeMultiplier.kind == .rate)
        #expect(PolicyParameterKey.workingAgeMin.kind == .integer)
        #expect(PolicyParameterKey.gradualExitMonths.kind == .integer)
    }

    @Test func aMissingKeyIsAnErrorNamingIt() throws {
        var values = try PolicyFixtures.parameters().values
        values[.dibaoStandard] = nil
        values[.gradualExitMonths] = nil
        #expect(throws: PolicyParameterError.missing(keys: [.dibaoStandard, .gradualExitMonths])) {
            try PolicyParameters(values: values)
        }
        do {
            _ = try PolicyParameters(values: values)
        } catch {
            #expect(error.description.contains("dibaoStandard"))
            #expect(error.description.contains("低保标准"))
        }
    }

    @Test(arguments: [
        (PolicyParameterKey.dibaoStandard, Int64(-1), PolicyParameterError.Problem.negative),
        (.employmentDeductionRate, 1_000_001, .tooLarge(maximum: 1_000_000)),
        (.workingAgeMin, 60, .workingAgeMinAboveMax),
        (.seniorAllowanceTier2Age, 80, .seniorAllowanceTiersNotAscending),
    ])
    func invalidValuesAreRejected(key: PolicyParameterKey, value: Int64, problem: PolicyParameterError.Problem) throws {
        var values = try PolicyFixtures.parameters().values
        values[key] = value
        #expect(throws: PolicyParameterError.invalid(key: key, value: value, problem: problem)) {
            try PolicyParameters(values: values)
        }
    }

    @Test func anUnknownStoredKeyIsAnError() {
        #expect(throws: PolicyParameterError.unknownKey("dibaoStandardd")) {
            try PolicyParameterRow(
                regionCode: "3204", keyName: "dibaoStandardd", fromMonth: PolicyFixtures.ym("2021-01"), value: 1)
        }
    }

    @Test func malformedDefaultsAreAnError() {
        #expect(throws: PolicyParameterError.self) { try PolicyDefaults(jsonData: Data("{\"region\": 3204}".utf8)) }
    }
}
