/// The calculator's messages, written for a resident: each names the field as the form
/// shows it ("第2位家庭成员的出生日期") and says what to type, never a format code or a
/// contract path.
extension CalculatorForm {
    /// The name of a form field in a sentence: `m1_birthDate` → 第2位家庭成员的出生日期.
    public static func fieldName(_ formField: String) -> String {
        if formField.hasPrefix("m"), let underscore = formField.firstIndex(of: "_"),
            let index = Int(formField[formField.index(after: formField.startIndex)..<underscore])
        {
            let name = String(formField[formField.index(after: underscore)...])
            return "第\(index + 1)位家庭成员的\(names[name] ?? name)"
        }
        return names[formField] ?? formField
    }

    private static let names = [
        "region": "户籍所在地", "month": "测算月份", "members": "家庭成员",
        "birthDate": "出生日期", "sex": "性别", "hukou": "户籍性质", "disabilityGrade": "残疾等级", "disabilityKind": "残疾类别",
        "selfCare": "生活自理能力", "laborCapacity": "劳动能力", "careSetting": "孤儿养育方式", "childCategory": "困境儿童类别",
        "wage": "工资", "business": "经营收入", "pension": "养老金、退休金", "unemployment": "失业保险金", "support": "赡养费、抚养费",
        "property": "租金、利息等财产收入", "other": "其他收入",
        "financial": "存款、理财等金融资产", "medical": "自付医疗费用", "education": "教育支出", "rehabilitation": "康复支出",
        "disaster": "灾害损失", "vehicles": "机动车数量", "residentialProperties": "住房套数",
    ]

    static func missing(_ field: String, choose: Bool = false) -> Problem {
        Problem(formField: field, message: "请\(choose ? "选择" : "填写")\(fieldName(field))")
    }

    static func badDate(_ field: String) -> Problem {
        Problem(formField: field, message: "\(fieldName(field))不是有效的日期，请按“年-月-日”填写，如 1965-03-12")
    }

    static func badAmount(_ field: String) -> Problem {
        Problem(formField: field, message: "\(fieldName(field))请填写金额（元），如 1500 或 1500.50；没有请留空")
    }

    static func tooLarge(_ field: String) -> Problem {
        Problem(formField: field, message: "\(fieldName(field))的数目过大，请检查是否多填了几位")
    }

    static func badCount(_ field: String) -> Problem {
        Problem(formField: field, message: "\(fieldName(field))请填写整数，如 0、1、2；没有请留空")
    }

    /// What the assessment contract still refuses (a birth date after the month, a value the
    /// form's lists do not offer), said about the form's field.
    public func problem(for error: AssessmentRequestError) -> Problem {
        let chinese = error.message.components(separatedBy: " / ").first ?? error.message
        guard let field = formField(forContractField: error.field) else {
            return Problem(formField: "", message: "无法测算：\(chinese)。请检查填写的内容")
        }
        if field.hasSuffix("_birthDate"), let birth = value(field).flatMap(CivilDate.init),
            let month = value("month").flatMap(YearMonth.init),
            birth > month.lastDay
        {
            return Problem(formField: field, message: "\(Self.fieldName(field))晚于测算月份，请检查")
        }
        return Problem(formField: field, message: "\(Self.fieldName(field))填写有误：\(chinese)")
    }
}
