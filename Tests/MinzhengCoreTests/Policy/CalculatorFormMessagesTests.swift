import MinzhengCore
import Testing

/// Issue 13: the calculator speaks to a resident and names the field of the form.
@Suite("Calculator form messages")
struct CalculatorFormMessagesTests {
    static let good = [
        "region": "320402", "month": "2021-06", "members": "2", "m0_birthDate": "1975-05-01", "m0_sex": "male",
        "m1_birthDate": "1977-08-01", "m1_sex": "female",
    ]

    @Test(
        "a missing or unreadable value is refused at its field with a resident's sentence",
        arguments: [
            ("month", "", "month", "请选择测算月份"),
            ("month", "六月", "month", "测算月份应为“年-月”，如 2026-01"),
            ("m1_birthDate", "", "m1_birthDate", "请填写第2位家庭成员的出生日期"),
            ("m0_birthDate", "1975-13-01", "m0_birthDate", "第1位家庭成员的出生日期不是有效的日期，请按“年-月-日”填写，如 1965-03-12"),
            ("m1_sex", "", "m1_sex", "请选择第2位家庭成员的性别"),
            ("m0_pension", "-5", "m0_pension", "第1位家庭成员的养老金、退休金请填写金额（元），如 1500 或 1500.50；没有请留空"),
            ("m1_wage", "99999999999", "m1_wage", "第2位家庭成员的工资的数目过大，请检查是否多填了几位"),
            ("medical", "很多", "medical", "自付医疗费用请填写金额（元），如 1500 或 1500.50；没有请留空"),
            ("residentialProperties", "1.5", "residentialProperties", "住房套数请填写整数，如 0、1、2；没有请留空"),
            ("vehicles", "5000", "vehicles", "机动车数量的数目过大，请检查是否多填了几位"),
            ("m0_disabilityGrade", "重度", "m0_disabilityGrade", "请选择第1位家庭成员的残疾等级"),
        ])
    func refused(field: String, value: String, formField: String, message: String) throws {
        var fields = Self.good
        fields[field] = value
        let problem = try #require(throws: CalculatorForm.Problem.self) {
            _ = try CalculatorForm(fields: fields).contractJSON()
        }
        #expect(problem.formField == formField)
        #expect(problem.message == message)
    }

    @Test(
        "what the contract still refuses is said about the form's field",
        arguments: [
            (["m1_birthDate": "2030-01-01"], "m1_birthDate", "第2位家庭成员的出生日期晚于测算月份，请检查"),
            (["m0_birthDate": "1800-01-01"], "m0_birthDate", "第1位家庭成员的出生日期填写有误：出生日期 1800-01-01 早于 1870-01-01，请检查年份"),
            (["m0_sex": "x"], "m0_sex", "第1位家庭成员的性别填写有误："),
        ])
    func contract(change: [String: String], formField: String, message: String) throws {
        let form = CalculatorForm(fields: Self.good.merging(change) { $1 })
        let json = try form.contractJSON()
        let error = try #require(throws: AssessmentRequestError.self) {
            try AssessmentRequest(jsonData: json).validate()
        }
        let problem = form.problem(for: error)
        #expect(problem.formField == formField)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
        #expect(!problem.message.contains("/"), "the Chinese half only")
    }

    @Test(
        "field names as a sentence says them",
        arguments: [
            ("m0_birthDate", "第1位家庭成员的出生日期"), ("m9_support", "第10位家庭成员的赡养费、抚养费"), ("financial", "存款、理财等金融资产"),
            ("month", "测算月份"),
        ])
    func names(field: String, name: String) {
        #expect(CalculatorForm.fieldName(field) == name)
    }
}
