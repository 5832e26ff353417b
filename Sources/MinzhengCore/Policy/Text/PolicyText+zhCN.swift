// The zh-CN catalog of the policy engine: every sentence a caseworker or applicant reads
// about an assessment. An English catalog would mirror this file.

extension PolicyProgram {
    public var chinese: String {
        switch self {
        case .tekun: return "特困人员救助供养"
        case .dibao: return "最低生活保障"
        case .individualDibao: return "单人保"
        case .lowIncomeEdge: return "低保边缘家庭"
        case .expenseHardship: return "支出型困难家庭"
        case .orphan: return "孤儿基本生活费"
        case .childInDistress: return "困境儿童基本生活费"
        case .nursingSubsidy: return "重度残疾人护理补贴"
        case .livingSubsidy: return "困难残疾人生活补贴"
        case .seniorAllowance: return "尊老金"
        }
    }
}

extension AssessmentRequest.IncomeKind {
    public var chinese: String {
        switch self {
        case .wage: return "工资性收入"
        case .business: return "经营性收入"
        case .property: return "财产性收入"
        case .pension: return "养老金"
        case .unemployment: return "失业保险金"
        case .support: return "赡养（抚养、扶养）费"
        case .other: return "其他收入"
        case .specialCare: return "优抚金"
        case .award: return "奖励"
        case .assistance: return "社会救助款物"
        case .disabilitySubsidy: return "残疾人两项补贴"
        case .orphanAllowance: return "孤儿基本生活费"
        case .childcareSubsidy: return "育儿补贴"
        case .onlyChildBonus: return "独生子女奖励"
        case .seniorAllowance: return "尊老金"
        }
    }
}

extension AssessmentRequest.CareSetting {
    public var chinese: String { self == .institution ? "机构集中养育" : "社会散居" }
}

extension AssessmentRequest.ChildCategory {
    public var chinese: String {
        switch self {
        case .unsupported: return "事实无人抚养儿童"
        case .guardianshipLost: return "监护缺失儿童"
        case .disabledOrIll: return "重残重病儿童"
        }
    }
}

extension AssetTestFailure {
    /// The reason as the answer's `assetTest.reasons` lists it.
    public var chinese: String {
        switch self {
        case .financialAssets(let perCapita, let limit, let months):
            return "家庭人均金融资产 \(perCapita.yuanString) 元，超过 \(months) 个月低保标准 \(limit.yuanString) 元"
        case .vehicles(let count):
            return "拥有非豁免机动车 \(count) 辆"
        case .residentialProperties(let count, let maximum):
            return "拥有住房 \(count) 套，超过 \(maximum) 套"
        case .ownsBusiness:
            return "拥有经营性资产（如个体工商户、企业）"
        }
    }
}

extension PolicyTraceStep.Disability {
    /// "一级肢体残疾", or "二级残疾" when the kind is not given.
    public var chinese: String {
        let numerals = ["一", "二", "三", "四"]
        let grade = (1...4).contains(self.grade) ? numerals[self.grade - 1] + "级" : "\(self.grade) 级"
        return grade + (kind?.chinese ?? "") + "残疾"
    }
}

extension PolicyTraceStep {
    /// The step as one zh-CN sentence with the numbers it used.
    public var chinese: String {
        switch self {
        case .standardInForce(let standard, let month):
            return "\(month) 适用的低保标准为 \(standard.yuanString) 元/月"
        case .assetTestPassed(let perCapita, let limit, let months):
            return "家庭财产核查通过：人均金融资产 \(perCapita.yuanString) 元，不超过 \(months) 个月低保标准 \(limit.yuanString) 元；"
                + "无非豁免机动车，住房未超过规定套数，无经营性资产"
        case .monthlyAmount(let amount):
            return "每月发放 \(amount.yuanString) 元"

        case .memberLeftHouseholdAsTekun(let member):
            return "\(Self.name(member))已纳入特困供养，不计入家庭人口和收入"
        case .incomeCounted(let member, let kind, let amount):
            return "\(Self.name(member))\(kind.chinese) \(amount.yuanString) 元/月，计入家庭收入"
        case .incomeExempt(let member, let kind, let amount):
            return "\(Self.name(member))\(kind.chinese) \(amount.yuanString) 元/月，属豁免收入，不计入"
        case .employmentDeduction(let member, let age, let earned, let cap, let deduction):
            return "\(Self.name(member)) \(age) 岁，处于劳动年龄，劳动收入 \(earned.yuanString) 元，"
                + "扣减就业成本 \(deduction.yuanString) 元（不超过 \(cap.yuanString) 元）"
        case .householdCountedIncome(let gross, let deductions, let counted):
            return "家庭月计算收入：计入收入 \(gross.yuanString) 元 − 就业成本扣减 \(deductions.yuanString) 元 = \(counted.yuanString) 元"
        case .perCapitaIncome(let counted, let size, let perCapita):
            return "家庭月人均收入：\(counted.yuanString) 元 ÷ \(size) 人 = \(perCapita.yuanString) 元（不足 1 分舍去）"

        case .perCapitaBelowStandard(let perCapita, let standard):
            return "家庭月人均收入 \(perCapita.yuanString) 元，低于低保标准 \(standard.yuanString) 元"
        case .perCapitaWithinMultiple(let perCapita, let standard, let multiplier, let ceiling):
            return "家庭月人均收入 \(perCapita.yuanString) 元，不低于低保标准 \(standard.yuanString) 元，"
                + "低于 \(multiplier) 倍低保标准 \(ceiling.yuanString) 元"
        case .perCapitaAtLeastMultiple(let perCapita, let multiplier, let threshold):
            return "家庭月人均收入 \(perCapita.yuanString) 元，不低于 \(multiplier) 倍低保标准 \(threshold.yuanString) 元，"
                + "不属于低保或低保边缘家庭"

        case .tekunPerson(let member, let age, .elderly(let elderlyAge)):
            return "\(Self.name(member)) \(age) 岁，年满 \(elderlyAge) 周岁"
        case .tekunPerson(let member, let age, .qualifyingDisability(let disability, let adultAge)):
            return "\(Self.name(member)) \(age) 岁，年满 \(adultAge) 周岁，\(disability.chinese)"
        case .tekunLaborCapacity(let member, let capacity, let elderlyAge):
            if let elderlyAge {
                return "\(Self.name(member))为年满 \(elderlyAge) 周岁的老年人，不以丧失劳动能力为条件"
            }
            return "\(Self.name(member))\(capacity.chinese)"
        case .noCapableSupporter(let member):
            return "\(Self.name(member))无具备赡养、抚养、扶养能力的法定义务人"
        case .ownIncomeBelowStandard(let member, let income, let standard):
            return "\(Self.name(member))本人月收入 \(income.yuanString) 元，低于低保标准 \(standard.yuanString) 元"
        case .tekunBasicLiving(let multiplier, let standard, let amount):
            return "基本生活费：\(multiplier) × \(standard.yuanString) 元 = \(amount.yuanString) 元（向上取整到元）"
        case .tekunCare(let selfCare, let rate, let standard, let amount):
            return "照料护理费（\(selfCare.chinese)）：\(rate) × \(standard.yuanString) 元 = \(amount.yuanString) 元（向上取整到元）"

        case .dibaoShortfall(let standard, let perCapita, let size, let shortfall):
            return "差额补助：(\(standard.yuanString) − \(perCapita.yuanString)) 元 × \(size) 人 = \(shortfall.yuanString) 元"
        case .dibaoAddOn(let member, let reason, let rate, let amount):
            return "\(Self.name(member))\(Self.addOnReason(reason))，加发 \(rate) × 低保标准 = \(amount.yuanString) 元"
        case .dibaoTotalRoundedUp(let exact, let rounded):
            return "合计 \(exact.yuanString) 元，向上取整到元，每月发放 \(rounded.yuanString) 元"

        case .individualDibao(let member, let age, let basis, let rate, let standard, let amount):
            let why: String
            switch basis {
            case .severeDisability(let d), .grade3IntellectualOrMental(let d): why = d.chinese
            case .seriousIllness: why = "患重病"
            }
            return "\(Self.name(member)) \(age) 岁，\(why)，单独纳入低保（单人保）：\(rate) × \(standard.yuanString) 元 = "
                + "\(amount.yuanString) 元/月（向上取整到元）"

        case .noMonthlyCash(.lowIncomeEdge):
            return "低保边缘家庭不发放月度现金，可申请医疗、教育、住房等专项救助和临时救助"
        case .noMonthlyCash(.expenseHardship):
            return "支出型困难家庭不发放月度现金，可申请临时救助"
        case .noMonthlyCash(let program):
            return "\(program.chinese)不发放月度现金"
        case .annualPerCapitaBelowLimit(let annual, let limit):
            return "家庭人均年收入 \(annual.yuanString) 元，低于上年度居民人均可支配收入 \(limit.yuanString) 元"
        case .rigidExpenses(let medical, let education, let rehabilitation, let disaster, let total):
            return "家庭年度刚性支出合计 \(total.yuanString) 元（医疗 \(medical.yuanString) 元、教育 \(education.yuanString) 元、"
                + "康复 \(rehabilitation.yuanString) 元、受灾 \(disaster.yuanString) 元）"
        case .incomeAfterRigidExpenses(let annualIncome, let expenses, let size, let perCapita, let standard):
            return "扣除刚性支出后月人均收入：(\(annualIncome.yuanString) − \(expenses.yuanString)) 元 ÷ 12 个月 ÷ \(size) 人 = "
                + "\(perCapita.yuanString) 元，低于低保标准 \(standard.yuanString) 元"

        case .orphanAllowance(let member, let age, let adultAge, let setting, let amount):
            return "\(Self.name(member)) \(age) 岁，未满 \(adultAge) 周岁的孤儿，\(setting.chinese)，"
                + "孤儿基本生活费 \(amount.yuanString) 元/月"
        case .childInDistress(
            let member, let age, let adultAge, let category, let orphanCommunity, let rate, let amount):
            let child = "\(Self.name(member)) \(age) 岁，未满 \(adultAge) 周岁，\(category.chinese)"
            guard let rate else { return "\(child)，按散居孤儿标准 \(amount.yuanString) 元/月" }
            return "\(child)：\(rate) × 散居孤儿标准 \(orphanCommunity.yuanString) 元 = \(amount.yuanString) 元/月（向上取整到元）"
        case .nursingSubsidy(let member, let disability, let hukou, let amount):
            return "\(Self.name(member))\(disability.chinese)（重度），\(hukou.chinese)户籍，"
                + "重度残疾人护理补贴 \(amount.yuanString) 元/月"
        case .livingSubsidy(let member, let disability, let coveredBy, let rate, let standard, let amount):
            let coverage = coveredBy == .individualDibao ? "本人享受单人保" : "家庭享受低保"
            return
                "\(Self.name(member))\(disability.chinese)，\(coverage)，困难残疾人生活补贴：\(rate) × \(standard.yuanString) 元 = "
                + "\(amount.yuanString) 元/月（向上取整到元）"
        case .seniorAllowance(let member, let age, let tierAge, let amount):
            return "\(Self.name(member)) \(age) 岁，年满 \(tierAge) 周岁，尊老金 \(amount.yuanString) 元/月"
        }
    }

    /// Members are counted from 1 for people; the JSON `member` index counts from 0.
    private static func name(_ member: Int) -> String { "第 \(member + 1) 位成员" }

    private static func addOnReason(_ reason: DibaoAddOnReason) -> String {
        switch reason {
        case .disability(let d): return d.chinese
        case .seriousIllness: return "患重病"
        case .elderly(let age, let elderlyAge): return " \(age) 岁，年满 \(elderlyAge) 周岁"
        case .minor(let age, let adultAge): return " \(age) 岁，未满 \(adultAge) 周岁"
        }
    }
}

extension DibaoReassessmentOutcome {
    /// What the reassessment means for the enrollment, in one zh-CN sentence.
    public var chinese: String {
        switch self {
        case .continues(let monthly):
            return "复核后仍符合低保条件，按新核定金额 \(monthly.yuanString) 元/月继续保障"
        case .gradualExitStarts(let monthly, let lastMonth, let months):
            return "因家庭成员就业收入增加不再符合低保条件，给予 \(months) 个月渐退期："
                + "按原金额 \(monthly.yuanString) 元/月发放至 \(lastMonth)，之后停止保障"
        case .gradualExitContinues(let monthly, let lastMonth):
            return "处于渐退期，继续按原金额 \(monthly.yuanString) 元/月发放至 \(lastMonth)，之后停止保障"
        case .ends(let lastMonth):
            return "不再符合低保条件，自 \(lastMonth.adding(months: 1)) 起停止保障"
        case .alreadyEnded(let lastMonth):
            return "低保已于 \(lastMonth) 后停止，需重新申请"
        }
    }
}
