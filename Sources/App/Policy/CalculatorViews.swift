import MinzhengCore

/// What `policy/calculator.leaf` shows: the form as entered, and the decision if any.
struct CalculatorPage: Encodable {
    let layout: LayoutContext
    let regions: [Choice]
    let region: String
    let month: String
    let memberCount: Int
    let canAdd: Bool
    let members: [CalculatorMemberView]
    let household: [AmountField]
    let vehicles: String
    let residentialProperties: String
    let ownsBusiness: Bool
    let error: String?
    let errorField: String?
    let result: CalculatorResult?
    let applyLink: String
    let offersRegistration: Bool
    let choices = CalculatorChoices.shared
}

/// The options of the calculator's selects, in Chinese.
struct CalculatorChoices: Encodable, Sendable {
    static let shared = CalculatorChoices()

    let sexes = Sex.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let hukous = Hukou.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let grades = (1...4).map { Choice(value: "\($0)", label: "\(["一", "二", "三", "四"][$0 - 1])级") }
    let disabilityKinds = DisabilityKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let selfCares = SelfCare.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let laborCapacities = LaborCapacity.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let careSettings = AssessmentRequest.CareSetting.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
    let childCategories = AssessmentRequest.ChildCategory.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }
}

/// An amount input in yuan, named as the form posts it.
struct AmountField: Encodable {
    let name: String
    let label: String
    let value: String
    let invalid: Bool

    init(form: CalculatorForm, name: String, errorField: String?) {
        self.name = name
        invalid = name == errorField
        label = Self.labels[name] ?? Self.labels[String(name.split(separator: "_").last ?? "")] ?? name
        value = form.value(name) ?? ""
    }

    private static let labels = [
        "financial": "存款、理财等金融资产合计（元）",
        "medical": "自付医疗费用（元/年）",
        "education": "教育支出（元/年）",
        "rehabilitation": "康复支出（元/年）",
        "disaster": "灾害损失（元/年）",
        "wage": "工资（元/月）",
        "business": "经营收入（元/月）",
        "pension": "养老金、退休金（元/月）",
        "unemployment": "失业保险金（元/月）",
        "support": "赡养费、抚养费（元/月）",
        "property": "租金、利息等财产收入（元/月）",
        "other": "其他收入（元/月）",
    ]
}

/// One member's fieldset, with the values entered so far.
struct CalculatorMemberView: Encodable {
    let index: Int
    let number: Int
    let birthDate: String
    let sex: String
    let hukou: String
    let disabilityGrade: String
    let disabilityKind: String
    let seriousIllness: Bool
    let selfCare: String
    let laborCapacity: String
    let hasCapableSupporter: String
    let orphan: Bool
    let careSetting: String
    let childCategory: String
    let incomes: [AmountField]
    /// The field of this member the error is about (`birthDate`), if any.
    let errorField: String?

    init(form: CalculatorForm, index: Int, errorField: String?) {
        let p = "m\(index)_"
        self.index = index
        self.errorField = errorField.flatMap { $0.hasPrefix(p) ? String($0.dropFirst(p.count)) : nil }
        number = index + 1
        birthDate = form.value(p + "birthDate") ?? ""
        sex = form.value(p + "sex") ?? ""
        hukou = form.value(p + "hukou") ?? Hukou.urban.rawValue
        disabilityGrade = form.value(p + "disabilityGrade") ?? ""
        disabilityKind = form.value(p + "disabilityKind") ?? ""
        seriousIllness = form.isChecked(p + "seriousIllness")
        selfCare = form.value(p + "selfCare") ?? SelfCare.full.rawValue
        laborCapacity = form.value(p + "laborCapacity") ?? LaborCapacity.full.rawValue
        hasCapableSupporter = form.value(p + "hasCapableSupporter") ?? "yes"
        orphan = form.isChecked(p + "orphan")
        careSetting = form.value(p + "careSetting") ?? ""
        childCategory = form.value(p + "childCategory") ?? ""
        incomes = CalculatorForm.incomeKinds.map {
            AmountField(form: form, name: p + $0.rawValue, errorField: errorField)
        }
    }
}

/// The decision as a resident reads it: amounts in yuan, who gets what, and why.
struct CalculatorResult: Encodable {
    struct Program: Encodable {
        let name: String
        let who: String
        let amount: String
        let trace: [String]
    }

    let month: String
    let standard: String
    let householdSize: Int
    let perCapitaIncome: String
    let assetPassed: Bool
    let assetReasons: String
    let programs: [Program]
    let hasPrograms: Bool
    let total: String

    init(_ answer: AssessmentResponse) {
        month = answer.month.description
        standard = Fen(answer.standardFen).formatted
        householdSize = answer.householdSize
        perCapitaIncome = Fen(answer.perCapitaIncomeFen).formatted
        assetPassed = answer.assetTest.passed
        assetReasons = answer.assetTest.reasons.joined(separator: "；")
        programs = answer.programs.map { entry in
            Program(
                name: entry.program.chinese, who: entry.member.map { "第 \($0 + 1) 位成员" } ?? "全家",
                amount: Fen(entry.monthlyFen).formatted, trace: entry.trace)
        }
        hasPrograms = !programs.isEmpty
        total = Fen(answer.programs.reduce(0) { $0 + $1.monthlyFen }).formatted
    }
}
