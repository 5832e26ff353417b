extension AssessmentRequest {
    /// Contract limits, not policy: they keep one request small and every sum far from
    /// `Int64` overflow (30 members × 100 incomes × 10¹² fen × 12 months < 2⁶³).
    public static let maximumMembers = 30
    /// The earliest birth date accepted (the oldest person on record was born in 1875).
    public static let earliestBirthDate = CivilDate(year: 1870, month: 1, day: 1)!
    public static let maximumIncomesPerMember = 100
    /// 100 亿元: any single amount above it is a typing error (the bound of every input).
    public static let maximumAmount = InputRules.maximumAmount

    /// Checks what the types cannot: region code form, member count, birth dates within
    /// the assessed month, disability grades, amounts and counts not negative.
    /// Throws the first problem, naming its field.
    public func validate() throws(AssessmentRequestError) {
        let regionBytes = region.utf8
        guard [2, 4, 6, 9, 12].contains(regionBytes.count), regionBytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalid(
                "region", "地区代码应为 2、4、6、9 或 12 位数字，收到 \"\(region)\"",
                "region must be a 2, 4, 6, 9 or 12-digit code, got \"\(region)\"")
        }
        guard !members.isEmpty else {
            throw .invalid("members", "至少需要 1 名家庭成员", "at least one member is required")
        }
        guard members.count <= Self.maximumMembers else {
            throw .invalid(
                "members", "家庭成员至多 \(Self.maximumMembers) 人，收到 \(members.count) 人",
                "at most \(Self.maximumMembers) members, got \(members.count)")
        }
        let lastDay = month.lastDay
        for (i, member) in members.enumerated() {
            let path = "members[\(i)]"
            guard member.birthDate <= lastDay else {
                throw .invalid(
                    "\(path).birthDate", "出生日期 \(member.birthDate) 晚于评估月份 \(month)",
                    "birth date \(member.birthDate) is after the assessed month \(month)")
            }
            // No one alive was born earlier; such a date is a typing slip (a year of 0308).
            guard member.birthDate >= Self.earliestBirthDate else {
                throw .invalid(
                    "\(path).birthDate", "出生日期 \(member.birthDate) 早于 \(Self.earliestBirthDate)，请检查年份",
                    "birth date \(member.birthDate) is before \(Self.earliestBirthDate)")
            }
            if let grade = member.disabilityGrade, !(1...4).contains(grade) {
                throw .invalid(
                    "\(path).disabilityGrade", "残疾等级应为 1 至 4，收到 \(grade)",
                    "disability grade must be 1 to 4, got \(grade)")
            }
            guard member.incomes.count <= Self.maximumIncomesPerMember else {
                throw .invalid(
                    "\(path).incomes", "每人至多 \(Self.maximumIncomesPerMember) 项收入",
                    "at most \(Self.maximumIncomesPerMember) incomes per member")
            }
            for (j, income) in member.incomes.enumerated() {
                try Self.checkAmount(income.monthlyFen, "\(path).incomes[\(j)].monthlyFen")
            }
        }
        try Self.checkAmount(assets.financialFen, "assets.financialFen")
        try Self.checkCount(assets.vehicles, "assets.vehicles")
        try Self.checkCount(assets.residentialProperties, "assets.residentialProperties")
        try Self.checkAmount(annualRigidExpensesFen.medical, "annualRigidExpensesFen.medical")
        try Self.checkAmount(annualRigidExpensesFen.education, "annualRigidExpensesFen.education")
        try Self.checkAmount(annualRigidExpensesFen.rehabilitation, "annualRigidExpensesFen.rehabilitation")
        try Self.checkAmount(annualRigidExpensesFen.disaster, "annualRigidExpensesFen.disaster")
    }

    private static func checkAmount(_ amount: Fen, _ field: String) throws(AssessmentRequestError) {
        guard amount >= .zero else {
            throw .invalid(field, "金额不能为负数，收到 \(amount.value)", "amount must not be negative, got \(amount.value)")
        }
        guard amount <= maximumAmount else {
            throw .invalid(field, "金额超过上限 \(maximumAmount.value) 分", "amount exceeds \(maximumAmount.value) fen")
        }
    }

    private static func checkCount(_ count: Int, _ field: String) throws(AssessmentRequestError) {
        guard count >= 0 else {
            throw .invalid(field, "数量不能为负数，收到 \(count)", "count must not be negative, got \(count)")
        }
        guard count <= InputRules.maximumCount else {
            throw .invalid(field, "数量超过上限 \(InputRules.maximumCount)", "count exceeds \(InputRules.maximumCount)")
        }
    }
}
