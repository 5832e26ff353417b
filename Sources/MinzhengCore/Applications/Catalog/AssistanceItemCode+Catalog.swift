/// The codes of the 32 items of CATALOG.md, one constant each so that code refers to an
/// item by a checked name rather than by a string literal.
extension AssistanceItemCode {
    // 民政局 civil affairs
    public static let dibao = AssistanceItemCode(known: "dibao")
    public static let tekun = AssistanceItemCode(known: "tekun")
    public static let lowIncomeEdge = AssistanceItemCode(known: "lowIncomeEdge")
    public static let expenseHardship = AssistanceItemCode(known: "expenseHardship")
    public static let temporaryAssistance = AssistanceItemCode(known: "temporaryAssistance")
    public static let orphan = AssistanceItemCode(known: "orphan")
    public static let childInDistress = AssistanceItemCode(known: "childInDistress")
    public static let livingSubsidy = AssistanceItemCode(known: "livingSubsidy")
    public static let nursingSubsidy = AssistanceItemCode(known: "nursingSubsidy")
    public static let seniorAllowance = AssistanceItemCode(known: "seniorAllowance")

    /// Not an item one applies for: 单人保 is what a dibao application yields when the
    /// household fails R4 but an adult member qualifies under R5. It exists as a code
    /// because it is an enrollment, and enrollments take part in the exclusion rules.
    public static let individualDibao = AssistanceItemCode(known: "individualDibao")

    // 教育局 education
    public static let preschoolAid = AssistanceItemCode(known: "preschoolAid")
    public static let boardingStudentAllowance = AssistanceItemCode(known: "boardingStudentAllowance")
    public static let highSchoolGrant = AssistanceItemCode(known: "highSchoolGrant")
    public static let collegeFreshmanAid = AssistanceItemCode(known: "collegeFreshmanAid")

    // 人社局 human resources
    public static let publicWelfareJob = AssistanceItemCode(known: "publicWelfareJob")
    public static let residentPensionContribution = AssistanceItemCode(known: "residentPensionContribution")
    public static let vocationalTrainingSubsidy = AssistanceItemCode(known: "vocationalTrainingSubsidy")

    // 住建局 housing
    public static let publicRentalHousing = AssistanceItemCode(known: "publicRentalHousing")
    public static let ruralHousingRenovation = AssistanceItemCode(known: "ruralHousingRenovation")

    // 卫健委 health
    public static let familyPlanningSpecialFamilyAid = AssistanceItemCode(known: "familyPlanningSpecialFamilyAid")

    // 医保局 medical insurance
    public static let medicalAssistance = AssistanceItemCode(known: "medicalAssistance")
    public static let medicalInsuranceContribution = AssistanceItemCode(known: "medicalInsuranceContribution")

    // 应急管理局 emergency management
    public static let disasterRelief = AssistanceItemCode(known: "disasterRelief")
    public static let winterSpringRelief = AssistanceItemCode(known: "winterSpringRelief")

    // 司法局 justice
    public static let legalAid = AssistanceItemCode(known: "legalAid")

    // 退役军人事务局 veterans
    public static let veteranHardshipAid = AssistanceItemCode(known: "veteranHardshipAid")

    // 农业农村局 agriculture
    public static let povertyRelapsePrevention = AssistanceItemCode(known: "povertyRelapsePrevention")

    // 总工会 trade unions
    public static let workerHardshipAid = AssistanceItemCode(known: "workerHardshipAid")

    // 妇联 women's federation
    public static let womenChildrenHardshipAid = AssistanceItemCode(known: "womenChildrenHardshipAid")

    // 残联 disabled persons' federation
    public static let assistiveDeviceAid = AssistanceItemCode(known: "assistiveDeviceAid")
    public static let accessibilityRenovation = AssistanceItemCode(known: "accessibilityRenovation")

    // 团市委 youth league
    public static let youthStudyAid = AssistanceItemCode(known: "youthStudyAid")
}
