/// The documents the seeded catalogue asks for. One constant each, so that two items
/// asking for "the same" document really share one code (and one stored upload slot).
extension DocumentRequirement {
    public static let identity = DocumentRequirement(known: "identity", "身份证明")
    public static let hukouBook = DocumentRequirement(known: "hukouBook", "户口簿")
    public static let incomeProof = DocumentRequirement(known: "incomeProof", "家庭收入证明")
    /// Signed by every adult member: the legal basis of the 家庭经济状况核对 that the
    /// means-tested 民政 items run against bank, property and vehicle records.
    public static let economicCheckAuthorization = DocumentRequirement(
        known: "economicCheckAuthorization", "家庭经济状况核对授权书")
    public static let hardshipStatement = DocumentRequirement(known: "hardshipStatement", "困难情况说明")
    /// Proof of an existing status (低保证、特困证、低保边缘认定等) that other departments'
    /// items rely on instead of a means test of their own.
    public static let hardshipCertificate = DocumentRequirement(known: "hardshipCertificate", "困难群众身份证明（低保、特困等）")
    public static let rigidExpenseProof = DocumentRequirement(known: "rigidExpenseProof", "刚性支出证明（医疗、教育费用票据等）")
    public static let disabilityCertificate = DocumentRequirement(known: "disabilityCertificate", "残疾人证")
    public static let medicalRecords = DocumentRequirement(known: "medicalRecords", "病历/医疗费用票据")
    public static let guardianshipProof = DocumentRequirement(known: "guardianshipProof", "监护关系证明")
    public static let parentsDeathProof = DocumentRequirement(known: "parentsDeathProof", "父母死亡或宣告失踪证明")
    public static let studentStatusProof = DocumentRequirement(known: "studentStatusProof", "在校（学籍）证明")
    public static let admissionNotice = DocumentRequirement(known: "admissionNotice", "录取通知书")
    public static let unemploymentCertificate = DocumentRequirement(known: "unemploymentCertificate", "就业失业登记证明")
    public static let trainingCertificate = DocumentRequirement(known: "trainingCertificate", "培训合格证书或职业技能等级证书")
    public static let housingStatusProof = DocumentRequirement(known: "housingStatusProof", "住房情况证明")
    public static let housingSafetyAppraisal = DocumentRequirement(known: "housingSafetyAppraisal", "房屋安全鉴定意见")
    public static let specialFamilyProof = DocumentRequirement(known: "specialFamilyProof", "独生子女父母光荣证及子女死亡或伤残证明")
    public static let disasterLossProof = DocumentRequirement(known: "disasterLossProof", "受灾损失情况证明")
    public static let legalCaseMaterials = DocumentRequirement(known: "legalCaseMaterials", "案件相关材料")
    public static let veteranStatusProof = DocumentRequirement(known: "veteranStatusProof", "退役证件")
    public static let unionMembershipProof = DocumentRequirement(known: "unionMembershipProof", "工会会员证明")
    public static let assistiveDeviceAssessment = DocumentRequirement(known: "assistiveDeviceAssessment", "辅具适配评估意见")

    /// Every standard document, for the admin page's picker.
    public static let standard: [DocumentRequirement] = [
        .identity, .hukouBook, .incomeProof, .economicCheckAuthorization, .hardshipStatement,
        .hardshipCertificate, .rigidExpenseProof, .disabilityCertificate, .medicalRecords,
        .guardianshipProof, .parentsDeathProof, .studentStatusProof, .admissionNotice,
        .unemploymentCertificate, .trainingCertificate, .housingStatusProof, .housingSafetyAppraisal,
        .specialFamilyProof, .disasterLossProof, .legalCaseMaterials, .veteranStatusProof,
        .unionMembershipProof, .assistiveDeviceAssessment,
    ]
}
