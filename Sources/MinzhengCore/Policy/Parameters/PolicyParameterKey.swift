/// How a parameter's stored `Int64` is read.
public enum PolicyParameterKind: String, Sendable, CaseIterable {
    /// An amount in fen.
    case fen
    /// A rate or multiplier in basis points (3000 = 0.30, 13000 = 1.3).
    case rate
    /// A plain number: an age in completed years, a count of months or of properties.
    case integer

    /// The largest value accepted: far above any real policy, low enough that no product
    /// of two parameters (rate × amount, months × amount) can overflow `Int64`.
    var maximum: Int64 {
        switch self {
        case .fen: return 10_000_000_000
        case .rate: return 1_000_000
        case .integer: return 10_000
        }
    }
}

/// One scalar of POLICY.md section 1. The raw value is the key stored in the database
/// rows `(region, key, fromMonth, value)` and in `policy-defaults.json`.
public enum PolicyParameterKey: String, Sendable, CaseIterable, Codable {
    case dibaoStandard
    case employmentDeductionRate
    case workingAgeMin
    case workingAgeMax
    case adultAge
    case elderlyAge
    case assetFinancialMonths
    case maxResidentialProperties
    case dibaoAddOnElderlyMinorRate
    case dibaoAddOnDisabilityIllnessRate
    case individualDibaoCeiling
    case individualDibaoSevereRate
    case individualDibaoIntellectualMentalRate
    case edgeMultiplier
    case priorYearDisposableIncome
    case tekunBasicMultiplier
    case tekunCareFullRate
    case tekunCarePartialRate
    case tekunCareNoneRate
    case orphanInstitution
    case orphanCommunity
    case childGuardianshipLostRate
    case childDisabledOrIllRate
    case nursingSubsidyUrban
    case nursingSubsidyRural
    case livingSubsidySevereRate
    case livingSubsidyOtherRate
    case seniorAllowanceTier1Age
    case seniorAllowanceTier1
    case seniorAllowanceTier2Age
    case seniorAllowanceTier2
    case seniorAllowanceTier3Age
    case seniorAllowanceTier3
    case gradualExitMonths
    // Early-warning thresholds (CATALOG.md): dated like every other policy number.
    case warningMedicalOneStay
    case warningMedicalTwelveMonths
    case warningAloneAge
    case warningAloneUnvisitedDays
    case warningSevereDisabilityGrade
    case warningIncomeRiseShare
    // Home-care assistance (ELDERLY.md): entitlements, prices and the norms that flag a visit.
    case homeCareTekun
    case homeCareDibaoDependent
    case homeCareDibaoIndependent
    case homeCareAlone
    case homeCareNonagenarian
    case homeCareSevereDisability
    case homeCareAloneAge
    case homeCareNonagenarianAge
    case homeCarePriceMeal
    case homeCarePriceBathing
    case homeCarePriceCleaning
    case homeCarePriceEscort
    case homeCarePriceRehabilitation
    case homeCarePriceCompanionship
    case homeCareNormMealMinutes
    case homeCareNormBathingMinutes
    case homeCareOverlongFactor
    // Home adaptations (适老化改造, ELDERLY.md): caps, the item catalogue's prices, the year's target.
    case adaptationCap
    case adaptationCapRaised
    case adaptationPriceGrabBar
    case adaptationPriceAntiSlipFloor
    case adaptationPriceShowerSeat
    case adaptationPriceRaisedToilet
    case adaptationPriceRamp
    case adaptationPriceDoorWidening
    case adaptationPriceNightLight
    case adaptationPriceEmergencyCall
    case adaptationPriceGasAlarm
    case adaptationPriceWalkingAid
    case adaptationYearTarget
    // Elderly care (ELDERLY.md): the ability assessment.
    case abilityReassessmentMonths
    case abilityPartialSelfCareLevel
    case abilityNoSelfCareLevel
    // Elderly-care facilities: grading, inspections, the nursing-bed target (ELDERLY.md).
    case facilitySectionEnvironmentMax
    case facilitySectionEquipmentMax
    case facilitySectionManagementMax
    case facilitySectionServicesMax
    case facilityGrade5Total
    case facilityGrade5SectionShare
    case facilityGrade4Total
    case facilityGrade4SectionShare
    case facilityGrade3Total
    case facilityGrade3SectionShare
    case facilityGrade2Total
    case facilityGrade2SectionShare
    case facilityGrade1Total
    case facilityGrade1SectionShare
    case facilityGradeFiledMonths
    case facilityGradeIncidentFreeMonths
    case facilityGradeValidityMonths
    case facilityGradeFirstReminderMonths
    case facilityGradeSecondReminderMonths
    case facilityGradePublicityDays
    case hazardSeriousDays
    case hazardGeneralDays
    case nursingBedTarget
    // The service map: the 15-minute circle and the adviser's reply time (ELDERLY.md is silent).
    case serviceCircleMetres
    case adviceReplyDays
    // Funeral services (APPOINTMENTS.md): the free basic services' limits and the extras.
    case funeralColdStorageFreeDays
    case funeralAshStorageFreeYears
    case funeralUrnAllowance
    case funeralExtraAllowance
    case cemeteryTermYears
    // Subsidies proposed to the street: for a deceased dibao or tekun beneficiary (the amount
    // is the city's to enter), and for an eco-burial (tree, sea, scattering).
    case funeralSubsidy
    case ecoBurialSubsidy
    // Child-protection hotline cases (CHILDREN.md): response times, referral answers, visits.
    case childCaseUrgentResponseHours
    case childCaseNormalResponseWorkingDays
    case childCaseReferralAnswerWorkingDays
    case childCaseVisitIntervalDays
    // Child protection (CHILDREN.md): the child director's visits, the left-behind age, the
    // street's notice of children turning adult.
    case childVisitMonthsScatteredOrphan
    case childVisitMonthsUnsupported
    case childVisitMonthsInDistress
    case childVisitMonthsLeftBehind
    case childLeftBehindAgeLimit
    case childAgeingNoticeMonths
    // Social organisations (ORGANISATIONS.md): the annual report's window and the credit rules.
    case organisationReportDeadlineMonth
    case organisationReportDeadlineDay
    case organisationReminderDays
    case organisationSeriousAfterMonths
    case organisationRevocationMissedYears
    case organisationDormantYears
    /// The years a registration certificate (登记证书) is valid (5).
    case organisationCertificateValidityYears
    // 德康驿站 (community mental-health rehabilitation): the city's targets, stations and patients served.
    case rehabStationTarget
    case rehabPatientTarget
    // Social organisations' rating (ORGANISATIONS.md "Rating"): the 1 000-point sheet's sections,
    // the grades' totals, validity, reviewers, the conflict window, exclusions and publicity.
    case ratingBasicMax
    case ratingGovernanceMax
    case ratingPerformanceMax
    case ratingSocialMax
    case rating5ATotal
    case rating4ATotal
    case rating3ATotal
    case rating2ATotal
    case rating1ATotal
    case ratingValidityYears
    case ratingMinReviewers
    case ratingConflictYears
    case ratingExclusionYears
    case ratingPublicityDays
    // 五社联动 project funding (公益创投): reviewers, the score scale and pass, the milestone payments.
    case fundingMinReviewers
    case fundingMaxScore
    case fundingPassScore
    case fundingStartPercent
    case fundingMidtermPercent
    case fundingFinalPercent
    // Assistive-device rental (CHILDREN.md): each kind's rent a month and deposit, the subsidy's
    // shares and caps, the qualifying age, overdue and lost, the yearly target.
    case rentalRentManualWheelchair
    case rentalRentElectricWheelchair
    case rentalRentWalker
    case rentalRentCareBed
    case rentalRentCommodeChair
    case rentalRentBathSeat
    case rentalRentAntiBedsoreMattress
    case rentalDepositManualWheelchair
    case rentalDepositElectricWheelchair
    case rentalDepositWalker
    case rentalDepositCareBed
    case rentalDepositCommodeChair
    case rentalDepositBathSeat
    case rentalDepositAntiBedsoreMattress
    case rentalSubsidyFullShare
    case rentalSubsidyFullCap
    case rentalSubsidyHalfShare
    case rentalSubsidyHalfCap
    case rentalSubsidyAge
    case rentalOverdueDays
    case rentalLostDays
    case rentalYearTarget
    // Community workers' stars (ORGANISATIONS.md): points of service, qualification, evaluations and
    // awards, the stars' thresholds and the 不称职 cap.
    case starPointsPerYear
    case starServiceMax
    case starAssistantPoints
    case starSocialWorkerPoints
    case starSeniorPoints
    case starExcellentPoints
    case starCompetentPoints
    case starBasicallyCompetentPoints
    case starEvaluationYears
    case starCityAwardPoints
    case starProvincialAwardPoints
    case starAwardMax
    case starTwoStars
    case starThreeStars
    case starFourStars
    case starFiveStars
    case starIncompetentCap
    // Charity (慈善, ORGANISATIONS.md): the award's publicity, the filing's lead time, the years
    // registered before the public-fundraising qualification.
    case charityAwardPublicityDays
    case charityFilingLeadDays
    case charityQualificationYears
    // The assistance station (救助站, FAMILY-SEARCH.md): an unidentified person's notice within hours.
    case stationNoticeDeadlineHours

    public var kind: PolicyParameterKind {
        switch self {
        case .dibaoStandard, .priorYearDisposableIncome, .orphanInstitution, .orphanCommunity,
            .nursingSubsidyUrban, .nursingSubsidyRural,
            .seniorAllowanceTier1, .seniorAllowanceTier2, .seniorAllowanceTier3,
            .warningMedicalOneStay, .warningMedicalTwelveMonths,
            .homeCareTekun, .homeCareDibaoDependent, .homeCareDibaoIndependent, .homeCareAlone, .homeCareNonagenarian,
            .homeCareSevereDisability, .homeCarePriceMeal, .homeCarePriceBathing, .homeCarePriceCleaning,
            .homeCarePriceEscort, .homeCarePriceRehabilitation, .homeCarePriceCompanionship,
            .adaptationCap, .adaptationCapRaised, .adaptationPriceGrabBar, .adaptationPriceAntiSlipFloor,
            .adaptationPriceShowerSeat, .adaptationPriceRaisedToilet, .adaptationPriceRamp,
            .adaptationPriceDoorWidening, .adaptationPriceNightLight, .adaptationPriceEmergencyCall,
            .adaptationPriceGasAlarm, .adaptationPriceWalkingAid, .funeralUrnAllowance, .funeralExtraAllowance,
            .funeralSubsidy, .ecoBurialSubsidy, .rentalRentManualWheelchair, .rentalRentElectricWheelchair,
            .rentalRentWalker, .rentalRentCareBed, .rentalRentCommodeChair, .rentalRentBathSeat,
            .rentalRentAntiBedsoreMattress, .rentalDepositManualWheelchair, .rentalDepositElectricWheelchair,
            .rentalDepositWalker, .rentalDepositCareBed, .rentalDepositCommodeChair, .rentalDepositBathSeat,
            .rentalDepositAntiBedsoreMattress, .rentalSubsidyFullCap, .rentalSubsidyHalfCap:
            return .fen
        case .employmentDeductionRate, .dibaoAddOnElderlyMinorRate, .dibaoAddOnDisabilityIllnessRate,
            .individualDibaoCeiling, .individualDibaoSevereRate, .individualDibaoIntellectualMentalRate,
            .edgeMultiplier, .tekunBasicMultiplier, .tekunCareFullRate, .tekunCarePartialRate,
            .tekunCareNoneRate, .childGuardianshipLostRate, .childDisabledOrIllRate,
            .livingSubsidySevereRate, .livingSubsidyOtherRate, .warningIncomeRiseShare,
            .facilityGrade5SectionShare, .facilityGrade4SectionShare, .facilityGrade3SectionShare,
            .facilityGrade2SectionShare, .facilityGrade1SectionShare, .nursingBedTarget, .rentalSubsidyFullShare,
            .rentalSubsidyHalfShare:
            return .rate
        case .workingAgeMin, .workingAgeMax, .adultAge, .elderlyAge, .assetFinancialMonths,
            .maxResidentialProperties, .seniorAllowanceTier1Age, .seniorAllowanceTier2Age,
            .seniorAllowanceTier3Age, .gradualExitMonths, .warningAloneAge, .warningAloneUnvisitedDays,
            .warningSevereDisabilityGrade, .homeCareAloneAge, .homeCareNonagenarianAge, .homeCareNormMealMinutes,
            .homeCareNormBathingMinutes, .homeCareOverlongFactor, .adaptationYearTarget, .abilityReassessmentMonths,
            .abilityPartialSelfCareLevel, .abilityNoSelfCareLevel,
            .warningSevereDisabilityGrade,
            .facilitySectionEnvironmentMax, .facilitySectionEquipmentMax, .facilitySectionManagementMax,
            .facilitySectionServicesMax, .facilityGrade5Total, .facilityGrade4Total, .facilityGrade3Total,
            .facilityGrade2Total, .facilityGrade1Total, .facilityGradeFiledMonths, .facilityGradeIncidentFreeMonths,
            .facilityGradeValidityMonths, .facilityGradeFirstReminderMonths, .facilityGradeSecondReminderMonths,
            .facilityGradePublicityDays, .hazardSeriousDays, .hazardGeneralDays, .serviceCircleMetres, .adviceReplyDays,
            .funeralColdStorageFreeDays, .funeralAshStorageFreeYears, .cemeteryTermYears,
            .childCaseUrgentResponseHours, .childCaseNormalResponseWorkingDays, .childCaseReferralAnswerWorkingDays,
            .childCaseVisitIntervalDays,
            .childVisitMonthsScatteredOrphan, .childVisitMonthsUnsupported, .childVisitMonthsInDistress,
            .childVisitMonthsLeftBehind, .childLeftBehindAgeLimit, .childAgeingNoticeMonths,
            .organisationReportDeadlineMonth, .organisationReportDeadlineDay, .organisationReminderDays,
            .organisationSeriousAfterMonths, .organisationRevocationMissedYears, .organisationDormantYears,
            .organisationCertificateValidityYears,
            .rehabStationTarget, .rehabPatientTarget,
            .ratingBasicMax, .ratingGovernanceMax, .ratingPerformanceMax, .ratingSocialMax, .rating5ATotal,
            .rating4ATotal, .rating3ATotal, .rating2ATotal, .rating1ATotal, .ratingValidityYears, .ratingMinReviewers,
            .ratingConflictYears, .ratingExclusionYears, .ratingPublicityDays,
            .fundingMinReviewers, .fundingMaxScore, .fundingPassScore, .fundingStartPercent, .fundingMidtermPercent,
            .fundingFinalPercent,
            .rentalSubsidyAge, .rentalOverdueDays, .rentalLostDays, .rentalYearTarget,
            .starPointsPerYear, .starServiceMax, .starAssistantPoints, .starSocialWorkerPoints, .starSeniorPoints,
            .starExcellentPoints, .starCompetentPoints, .starBasicallyCompetentPoints, .starEvaluationYears,
            .starCityAwardPoints, .starProvincialAwardPoints, .starAwardMax, .starTwoStars, .starThreeStars,
            .starFourStars, .starFiveStars, .starIncompetentCap,
            .charityAwardPublicityDays, .charityFilingLeadDays, .charityQualificationYears,
            .stationNoticeDeadlineHours:
            return .integer
        }
    }

    /// The name an administrator sees (zh-CN).
    public var label: String {
        switch self {
        case .dibaoStandard: return "城乡低保标准（元/月）"
        case .employmentDeductionRate: return "就业成本扣减上限（低保标准的比例）"
        case .workingAgeMin: return "劳动年龄下限（周岁）"
        case .workingAgeMax: return "劳动年龄上限（周岁）"
        case .adultAge: return "成年年龄（周岁）"
        case .elderlyAge: return "老年年龄（周岁）"
        case .assetFinancialMonths: return "人均金融资产上限（低保标准的月数）"
        case .maxResidentialProperties: return "住房套数上限"
        case .dibaoAddOnElderlyMinorRate: return "低保加发比例：老年人、未成年人"
        case .dibaoAddOnDisabilityIllnessRate: return "低保加发比例：重度残疾人、重病患者"
        case .individualDibaoCeiling: return "单人保家庭人均收入上限（低保标准的倍数）"
        case .individualDibaoSevereRate: return "单人保比例：重度残疾人、重病患者"
        case .individualDibaoIntellectualMentalRate: return "单人保比例：三级智力、精神残疾人"
        case .edgeMultiplier: return "低保边缘家庭人均收入上限（低保标准的倍数）"
        case .priorYearDisposableIncome: return "上年度居民人均可支配收入（元/年）"
        case .tekunBasicMultiplier: return "特困基本生活费（低保标准的倍数）"
        case .tekunCareFullRate: return "特困照料护理费比例：生活完全自理"
        case .tekunCarePartialRate: return "特困照料护理费比例：生活部分自理"
        case .tekunCareNoneRate: return "特困照料护理费比例：生活完全不能自理"
        case .orphanInstitution: return "孤儿基本生活费：机构集中养育（元/月）"
        case .orphanCommunity: return "孤儿基本生活费：社会散居（元/月）"
        case .childGuardianshipLostRate: return "困境儿童生活费比例：监护缺失（散居孤儿标准的比例）"
        case .childDisabledOrIllRate: return "困境儿童生活费比例：重残重病（散居孤儿标准的比例）"
        case .nursingSubsidyUrban: return "重度残疾人护理补贴：城镇户籍（元/月）"
        case .nursingSubsidyRural: return "重度残疾人护理补贴：农村户籍（元/月）"
        case .livingSubsidySevereRate: return "困难残疾人生活补贴比例：重度残疾"
        case .livingSubsidyOtherRate: return "困难残疾人生活补贴比例：其他残疾"
        case .seniorAllowanceTier1Age: return "尊老金第一档起始年龄（周岁）"
        case .seniorAllowanceTier1: return "尊老金第一档（元/月）"
        case .seniorAllowanceTier2Age: return "尊老金第二档起始年龄（周岁）"
        case .seniorAllowanceTier2: return "尊老金第二档（元/月）"
        case .seniorAllowanceTier3Age: return "尊老金第三档起始年龄（周岁）"
        case .seniorAllowanceTier3: return "尊老金第三档（元/月）"
        case .gradualExitMonths: return "低保渐退期（月）"
        case .warningMedicalOneStay: return "预警：单次住院自付医疗费（元）"
        case .warningMedicalTwelveMonths: return "预警：12 个月累计自付医疗费（元）"
        case .warningAloneAge: return "预警：独居高龄老人年龄（周岁）"
        case .warningAloneUnvisitedDays: return "预警：独居高龄老人未探访天数"
        case .warningSevereDisabilityGrade: return "预警：新认定重度残疾的最低等级（1–2 级为 2）"
        case .warningIncomeRiseShare: return "预警：收入增加后人均收入达到低保标准的倍数"
        case .homeCareTekun: return "居家养老援助：分散供养特困老人（元/月）"
        case .homeCareDibaoDependent: return "居家养老援助：低保、低保边缘老人，能力等级 2–4（元/月）"
        case .homeCareDibaoIndependent: return "居家养老援助：低保、低保边缘老人，能力等级 0–1（元/月）"
        case .homeCareAlone: return "居家养老援助：独居高龄老人（元/月）"
        case .homeCareNonagenarian: return "居家养老援助：高龄老人（元/月）"
        case .homeCareSevereDisability: return "居家养老援助：一、二级残疾老人（元/月）"
        case .homeCareAloneAge: return "居家养老援助：独居高龄起始年龄（周岁）"
        case .homeCareNonagenarianAge: return "居家养老援助：高龄起始年龄（周岁）"
        case .homeCarePriceMeal: return "居家服务价格：助餐送餐（元/餐）"
        case .homeCarePriceBathing: return "居家服务价格：助浴（元/次）"
        case .homeCarePriceCleaning: return "居家服务价格：助洁（元/小时）"
        case .homeCarePriceEscort: return "居家服务价格：陪同就医（元/小时）"
        case .homeCarePriceRehabilitation: return "居家服务价格：康复护理（元/小时）"
        case .homeCarePriceCompanionship: return "居家服务价格：陪伴（元/小时）"
        case .homeCareNormMealMinutes: return "居家服务标准时长：助餐送餐（分钟/次）"
        case .homeCareNormBathingMinutes: return "居家服务标准时长：助浴（分钟/次）"
        case .homeCareOverlongFactor: return "居家服务超时预警：标准时长的倍数"
        case .adaptationCap: return "适老化改造：每户补贴上限（元）"
        case .adaptationCapRaised: return "适老化改造：特困、重度残疾家庭补贴上限（元）"
        case .adaptationPriceGrabBar: return "适老化改造价格：扶手（元）"
        case .adaptationPriceAntiSlipFloor: return "适老化改造价格：卫生间防滑地面（元）"
        case .adaptationPriceShowerSeat: return "适老化改造价格：淋浴椅（元）"
        case .adaptationPriceRaisedToilet: return "适老化改造价格：坐便增高器/坐便椅（元）"
        case .adaptationPriceRamp: return "适老化改造价格：坡道（元）"
        case .adaptationPriceDoorWidening: return "适老化改造价格：门洞拓宽（元）"
        case .adaptationPriceNightLight: return "适老化改造价格：感应夜灯（元）"
        case .adaptationPriceEmergencyCall: return "适老化改造价格：紧急呼叫器（元）"
        case .adaptationPriceGasAlarm: return "适老化改造价格：燃气报警及自动切断（元）"
        case .adaptationPriceWalkingAid: return "适老化改造价格：助行器（元）"
        case .adaptationYearTarget: return "适老化改造：年度目标（户）"
        case .abilityReassessmentMonths: return "老年人能力评估：复评间隔（月）"
        case .abilityPartialSelfCareLevel: return "老年人能力评估：自理能力记为“部分自理”的最低能力等级"
        case .abilityNoSelfCareLevel: return "老年人能力评估：自理能力记为“完全不能自理”的最低能力等级"
        case .facilitySectionEnvironmentMax: return "养老机构等级评定：环境满分"
        case .facilitySectionEquipmentMax: return "养老机构等级评定：设施设备满分"
        case .facilitySectionManagementMax: return "养老机构等级评定：运营管理满分"
        case .facilitySectionServicesMax: return "养老机构等级评定：服务满分"
        case .facilityGrade5Total: return "五级养老机构：总分不低于"
        case .facilityGrade5SectionShare: return "五级养老机构：各部分得分率不低于"
        case .facilityGrade4Total: return "四级养老机构：总分不低于"
        case .facilityGrade4SectionShare: return "四级养老机构：各部分得分率不低于"
        case .facilityGrade3Total: return "三级养老机构：总分不低于"
        case .facilityGrade3SectionShare: return "三级养老机构：各部分得分率不低于"
        case .facilityGrade2Total: return "二级养老机构：总分不低于"
        case .facilityGrade2SectionShare: return "二级养老机构：各部分得分率不低于"
        case .facilityGrade1Total: return "一级养老机构：总分不低于"
        case .facilityGrade1SectionShare: return "一级养老机构：各部分得分率不低于"
        case .facilityGradeFiledMonths: return "等级评定：备案满（月）"
        case .facilityGradeIncidentFreeMonths: return "等级评定：无重大安全事故的期限（月）"
        case .facilityGradeValidityMonths: return "等级评定：等级有效期（月）"
        case .facilityGradeFirstReminderMonths: return "等级评定：到期前第一次提醒（月）"
        case .facilityGradeSecondReminderMonths: return "等级评定：到期前第二次提醒（月）"
        case .facilityGradePublicityDays: return "等级评定：公示期（天）"
        case .hazardSeriousDays: return "安全检查：重大隐患整改期限（天）"
        case .hazardGeneralDays: return "安全检查：一般隐患整改期限（天）"
        case .nursingBedTarget: return "护理型床位占比年度目标"
        case .serviceCircleMetres: return "养老服务圈半径（米，社区到最近社区养老服务设施）"
        case .adviceReplyDays: return "养老顾问答复时限（天）"
        case .funeralColdStorageFreeDays: return "基本殡葬服务：免费遗体冷藏（天）"
        case .funeralAshStorageFreeYears: return "基本殡葬服务：免费骨灰寄存（年）"
        case .funeralUrnAllowance: return "基本殡葬服务：骨灰盒免费额度（元）"
        case .funeralExtraAllowance: return "低保、特困等对象：另免殡葬服务费额度（元）"
        case .cemeteryTermYears: return "公益性公墓：墓穴、格位使用期限（年，可续期）"
        case .funeralSubsidy: return "低保、特困对象去世：丧葬补贴（元，由街道审批）"
        case .ecoBurialSubsidy: return "生态安葬（树葬、海葬、撒散）奖补（元，由街道审批）"
        case .childCaseUrgentResponseHours: return "未成年人保护紧急个案到场时限（小时）"
        case .childCaseNormalResponseWorkingDays: return "未成年人保护一般个案响应时限（工作日）"
        case .childCaseReferralAnswerWorkingDays: return "转介部门回复时限（工作日，逾期催办）"
        case .childCaseVisitIntervalDays: return "未成年人保护个案跟进走访最长间隔（天）"
        case .childVisitMonthsScatteredOrphan: return "儿童主任巡访：社会散居孤儿（每几个月一次）"
        case .childVisitMonthsUnsupported: return "儿童主任巡访：事实无人抚养儿童（每几个月一次）"
        case .childVisitMonthsInDistress: return "儿童主任巡访：困境儿童（每几个月一次）"
        case .childVisitMonthsLeftBehind: return "儿童主任巡访：留守儿童（每几个月一次）"
        case .childLeftBehindAgeLimit: return "留守儿童年龄上限（周岁）"
        case .childAgeingNoticeMonths: return "即将年满18周岁儿童提前提示（月）"
        case .organisationReportDeadlineMonth: return "社会组织年度报告：报送截止月（次年）"
        case .organisationReportDeadlineDay: return "社会组织年度报告：报送截止日"
        case .organisationReminderDays: return "社会组织年度报告：截止前提醒（天）"
        case .organisationSeriousAfterMonths: return "社会组织：列入活动异常名录满（月）未移出，列入严重违法失信名单"
        case .organisationRevocationMissedYears: return "社会组织：连续未参加年检（年），提请撤销登记"
        case .organisationDormantYears: return "社会组织：僵尸型排查看最近（年）"
        case .organisationCertificateValidityYears: return "社会组织：登记证书有效期（年）"
        case .rehabStationTarget: return "德康驿站：规划建成数（个）"
        case .rehabPatientTarget: return "德康驿站：规划服务患者数（人）"
        case .ratingBasicMax: return "社会组织等级评估：基础条件满分"
        case .ratingGovernanceMax: return "社会组织等级评估：内部治理满分"
        case .ratingPerformanceMax: return "社会组织等级评估：工作绩效满分"
        case .ratingSocialMax: return "社会组织等级评估：社会评价满分"
        case .rating5ATotal: return "社会组织 5A 级：总分不低于"
        case .rating4ATotal: return "社会组织 4A 级：总分不低于"
        case .rating3ATotal: return "社会组织 3A 级：总分不低于"
        case .rating2ATotal: return "社会组织 2A 级：总分不低于"
        case .rating1ATotal: return "社会组织 1A 级：总分不低于"
        case .ratingValidityYears: return "社会组织评估等级有效期（年）"
        case .ratingMinReviewers: return "社会组织等级评估：评估专家不少于（人）"
        case .ratingConflictYears: return "评估专家回避：近（年）内曾任职或受酬于该组织"
        case .ratingExclusionYears: return "不予评估：近（年）内受过行政处罚或年检非合格"
        case .ratingPublicityDays: return "社会组织等级评估：公示期（天）"
        case .fundingMinReviewers: return "公益创投：评审专家不少于（人）"
        case .fundingMaxScore: return "公益创投：评审满分"
        case .fundingPassScore: return "公益创投：平均分低于此分不予资助"
        case .fundingStartPercent: return "公益创投：项目启动拨付比例（%）"
        case .fundingMidtermPercent: return "公益创投：中期验收拨付比例（%）"
        case .fundingFinalPercent: return "公益创投：结项评估拨付比例（%）"
        case .rentalRentManualWheelchair: return "辅具租赁：手动轮椅租金（元/月）"
        case .rentalRentElectricWheelchair: return "辅具租赁：电动轮椅租金（元/月）"
        case .rentalRentWalker: return "辅具租赁：助行器租金（元/月）"
        case .rentalRentCareBed: return "辅具租赁：护理床租金（元/月）"
        case .rentalRentCommodeChair: return "辅具租赁：坐便椅租金（元/月）"
        case .rentalRentBathSeat: return "辅具租赁：洗澡椅租金（元/月）"
        case .rentalRentAntiBedsoreMattress: return "辅具租赁：防褥疮床垫租金（元/月）"
        case .rentalDepositManualWheelchair: return "辅具租赁：手动轮椅押金（元）"
        case .rentalDepositElectricWheelchair: return "辅具租赁：电动轮椅押金（元）"
        case .rentalDepositWalker: return "辅具租赁：助行器押金（元）"
        case .rentalDepositCareBed: return "辅具租赁：护理床押金（元）"
        case .rentalDepositCommodeChair: return "辅具租赁：坐便椅押金（元）"
        case .rentalDepositBathSeat: return "辅具租赁：洗澡椅押金（元）"
        case .rentalDepositAntiBedsoreMattress: return "辅具租赁：防褥疮床垫押金（元）"
        case .rentalSubsidyFullShare: return "辅具租赁补贴：低保、特困对象租金补贴比例"
        case .rentalSubsidyFullCap: return "辅具租赁补贴：低保、特困对象每月上限（元，免押金）"
        case .rentalSubsidyHalfShare: return "辅具租赁补贴：持证残疾人、高龄老人租金补贴比例"
        case .rentalSubsidyHalfCap: return "辅具租赁补贴：持证残疾人、高龄老人每月上限（元）"
        case .starPointsPerYear: return "社区工作者星级：每满一年工作年限计分"
        case .starServiceMax: return "社区工作者星级：工作年限计分上限"
        case .starAssistantPoints: return "社区工作者星级：助理社工师计分"
        case .starSocialWorkerPoints: return "社区工作者星级：社工师计分"
        case .starSeniorPoints: return "社区工作者星级：高级社工师计分"
        case .starExcellentPoints: return "社区工作者星级：年度考核优秀计分"
        case .starCompetentPoints: return "社区工作者星级：年度考核称职计分"
        case .starBasicallyCompetentPoints: return "社区工作者星级：年度考核基本称职计分"
        case .starEvaluationYears: return "社区工作者星级：计入近（年）年度考核"
        case .starCityAwardPoints: return "社区工作者星级：市级表彰计分"
        case .starProvincialAwardPoints: return "社区工作者星级：省级表彰计分"
        case .starAwardMax: return "社区工作者星级：表彰计分上限"
        case .starTwoStars: return "社区工作者二星：总分不低于"
        case .starThreeStars: return "社区工作者三星：总分不低于"
        case .starFourStars: return "社区工作者四星：总分不低于"
        case .starFiveStars: return "社区工作者五星：总分不低于"
        case .starIncompetentCap: return "上年度考核不称职：星级不高于（星）"
        case .rentalSubsidyAge: return "辅具租赁补贴：高龄老人年龄（周岁）"
        case .rentalOverdueDays: return "辅具租赁：到期后未归还（天）视为逾期"
        case .rentalLostDays: return "辅具租赁：到期后未归还（天）视为灭失，押金不退"
        case .rentalYearTarget: return "辅具租赁：年度补贴人数目标"
        case .charityAwardPublicityDays: return "慈善奖：公示期（天）"
        case .charityFilingLeadDays: return "公开募捐：募捐开始前至少（天）备案"
        case .charityQualificationYears: return "公开募捐资格：依法登记满（年）"
        case .stationNoticeDeadlineHours: return "救助站：身份不明的受助人员入站后发布寻亲公告时限（小时）"
        }
    }
}
