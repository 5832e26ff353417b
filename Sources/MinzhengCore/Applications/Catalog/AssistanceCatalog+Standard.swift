/// The seed: the 32 items of 14 departments of CATALOG.md ("one front door").
///
/// Defaults chosen here, which the city administrator may change per item:
/// - every item is approved at the district, except temporary assistance, which the
///   street approves up to ⌈2 × S⌉ (issue 5) so that urgent help is not held up;
/// - other departments' items also default to the district: the department decides,
///   and a district office of the department is the usual approver;
/// - documents: what each office typically asks for, always starting with 身份证明.
extension AssistanceCatalog {
    public static let standard: AssistanceCatalog = {
        do {
            return try AssistanceCatalog(items: StandardAssistanceItems.all())
        } catch {
            // Only a programming error in the table below can get here; the tests load it.
            preconditionFailure("the standard assistance catalogue is invalid: \(error)")
        }
    }()
}

enum StandardAssistanceItems {
    static func all() throws(AssistanceCatalogError) -> [AssistanceItem] {
        typealias D = DocumentRequirement
        let meansTested: [D] = [.identity, .hukouBook, .incomeProof, .economicCheckAuthorization]
        let student: [D] = [.identity, .hukouBook, .studentStatusProof, .hardshipCertificate]
        return [
            // 民政局: the full review. Engine items get eligibility and amount from the
            // household-economy check. A dibao application may also end in 单人保
            // (individualDibao, R5) when the household fails R4: that is an outcome of the
            // same item, not an item of its own.
            try item(.dibao, "最低生活保障", .civilAffairs, .household, meansTested, engine: .dibao),
            try item(.tekun, "特困人员救助供养", .civilAffairs, .person, meansTested, engine: .tekun),
            try item(.lowIncomeEdge, "低保边缘家庭认定", .civilAffairs, .household, meansTested, engine: .lowIncomeEdge),
            try item(
                .expenseHardship, "支出型困难家庭认定", .civilAffairs, .household,
                meansTested + [.rigidExpenseProof], engine: .expenseHardship),
            // Not decided by the engine: the amount is requested and judged per case.
            try item(
                .temporaryAssistance, "临时救助", .civilAffairs, .household,
                [.identity, .hukouBook, .hardshipStatement], approval: .temporaryAssistance),
            try item(
                .orphan, "孤儿基本生活保障", .civilAffairs, .person,
                [.identity, .hukouBook, .parentsDeathProof, .guardianshipProof], engine: .orphan),
            try item(
                .childInDistress, "困境儿童保障", .civilAffairs, .person,
                [.identity, .hukouBook, .guardianshipProof, .hardshipStatement], engine: .childInDistress),
            try item(
                .livingSubsidy, "困难残疾人生活补贴", .civilAffairs, .person,
                [.identity, .hukouBook, .disabilityCertificate], engine: .livingSubsidy),
            try item(
                .nursingSubsidy, "重度残疾人护理补贴", .civilAffairs, .person,
                [.identity, .hukouBook, .disabilityCertificate], engine: .nursingSubsidy),
            try item(
                .seniorAllowance, "尊老金", .civilAffairs, .person, [.identity, .hukouBook], engine: .seniorAllowance),

            // 教育局
            try item(.preschoolAid, "学前教育资助", .education, .person, student),
            try item(.boardingStudentAllowance, "义务教育寄宿生生活补助", .education, .person, student),
            try item(.highSchoolGrant, "普通高中国家助学金", .education, .person, student),
            try item(
                .collegeFreshmanAid, "大学新生入学资助", .education, .person,
                [.identity, .hukouBook, .admissionNotice, .hardshipCertificate]),

            // 人社局
            try item(
                .publicWelfareJob, "就业援助（公益性岗位）", .humanResources, .person,
                [.identity, .hukouBook, .unemploymentCertificate]),
            try item(
                .residentPensionContribution, "代缴城乡居民养老保险费", .humanResources, .person,
                [.identity, .hukouBook, .hardshipCertificate]),
            try item(
                .vocationalTrainingSubsidy, "职业技能培训补贴", .humanResources, .person,
                [.identity, .trainingCertificate]),

            // 住建局: housing is a household's.
            try item(
                .publicRentalHousing, "公共租赁住房保障", .housing, .household,
                [.identity, .hukouBook, .incomeProof, .housingStatusProof]),
            try item(
                .ruralHousingRenovation, "农村危房改造", .housing, .household,
                [.identity, .hukouBook, .housingSafetyAppraisal, .hardshipCertificate]),

            // 卫健委: the 扶助金 is paid to each parent, so a person item.
            try item(
                .familyPlanningSpecialFamilyAid, "计划生育特殊家庭扶助", .health, .person,
                [.identity, .hukouBook, .specialFamilyProof]),

            // 医保局
            try item(
                .medicalAssistance, "医疗救助", .medicalInsurance, .person,
                [.identity, .hukouBook, .medicalRecords]),
            try item(
                .medicalInsuranceContribution, "资助参加居民医保", .medicalInsurance, .person,
                [.identity, .hukouBook, .hardshipCertificate]),

            // 应急管理局: relief is counted per affected household.
            try item(
                .disasterRelief, "受灾人员救助", .emergency, .household,
                [.identity, .hukouBook, .disasterLossProof]),
            try item(
                .winterSpringRelief, "冬春生活救助", .emergency, .household,
                [.identity, .hukouBook, .hardshipStatement]),

            // 司法局
            try item(
                .legalAid, "法律援助", .justice, .person,
                [.identity, .hardshipStatement, .legalCaseMaterials]),

            // 退役军人事务局
            try item(
                .veteranHardshipAid, "困难退役军人帮扶援助", .veterans, .person,
                [.identity, .veteranStatusProof, .hardshipStatement]),

            // 农业农村局: 防返贫 monitoring follows households.
            try item(
                .povertyRelapsePrevention, "防止返贫监测帮扶", .agriculture, .household,
                [.identity, .hukouBook, .incomeProof, .hardshipStatement]),

            // 总工会: the worker (a union member) applies.
            try item(
                .workerHardshipAid, "困难职工帮扶", .tradeUnion, .person,
                [.identity, .unionMembershipProof, .incomeProof, .hardshipStatement]),

            // 妇联
            try item(
                .womenChildrenHardshipAid, "困难妇女儿童救助", .womensFederation, .person,
                [.identity, .hukouBook, .hardshipStatement]),

            // 残联: a device is fitted to a person; a home is adapted for a household.
            try item(
                .assistiveDeviceAid, "残疾人康复救助（辅具适配）", .disabledFederation, .person,
                [.identity, .disabilityCertificate, .assistiveDeviceAssessment]),
            try item(
                .accessibilityRenovation, "残疾人家庭无障碍改造", .disabledFederation, .household,
                [.identity, .hukouBook, .disabilityCertificate, .housingStatusProof]),

            // 团市委
            try item(
                .youthStudyAid, "困难青少年助学", .youthLeague, .person,
                [.identity, .studentStatusProof, .hardshipCertificate]),
        ]
    }

    private static func item(
        _ code: AssistanceItemCode, _ name: String, _ department: Department,
        _ subject: AssistanceSubject, _ documents: [DocumentRequirement],
        approval: ApprovalRule = .district,
        engine: PolicyProgram? = nil
    ) throws(AssistanceCatalogError) -> AssistanceItem {
        do {
            return try AssistanceItem(
                code: code, name: name, department: department, subject: subject,
                approval: approval, documents: documents, engineProgram: engine)
        } catch {
            throw error.inside(code.rawValue)
        }
    }
}
