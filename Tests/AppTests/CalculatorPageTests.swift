@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

@Suite("The public calculator page")
struct CalculatorPageTests {
    /// Worked example 1 as a resident types it: yuan, not fen.
    static let familyOfThree: [(String, String)] = [
        ("region", "320402"), ("month", "2021-06"), ("members", "3"),
        ("m0_birthDate", "1975-05-01"), ("m0_sex", "male"), ("m0_wage", "2000"),
        ("m1_birthDate", "1977-08-01"), ("m1_sex", "female"),
        ("m2_birthDate", "2008-09-01"), ("m2_sex", "female"),
        ("action", "assess"),
    ]

    @Test("opens without signing in, with one member and this month")
    func opens() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await FormVisit.open(app, "/calculator")
            #expect(visit.page.status == .ok)
            let html = visit.page.body.string
            #expect(html.contains("<h1>政策计算器</h1>"))
            #expect(html.contains("第 1 位家庭成员"))
            #expect(!html.contains("第 2 位家庭成员"))
            #expect(html.contains(#"name="viewport""#))
        }
    }

    @Test("the worked example answers ¥1,197.00 of dibao with its explanation")
    func assesses() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await FormVisit.open(app, "/calculator")
            let res = try await visit.post(app, "/calculator", Self.familyOfThree)
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.contains("最低生活保障"))
            #expect(html.contains("¥1,197.00"))
            #expect(html.contains("低保标准为 940.00 元/月"))
            #expect(html.contains("¥572.66"), "per-capita income")
            // What was typed stays in the form.
            #expect(html.contains(#"name="m0_wage" value="2000""#))
        }
    }

    @Test("adding a member keeps what was typed and shows one more fieldset")
    func addsMember() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await FormVisit.open(app, "/calculator")
            let res = try await visit.post(
                app, "/calculator", [("members", "1"), ("m0_birthDate", "1950-03-07"), ("action", "add")])
            let html = res.body.string
            #expect(html.contains("第 2 位家庭成员"))
            #expect(html.contains(#"value="1950-03-07""#))
            #expect(!html.contains("测算结果"))
        }
    }

    @Test(
        "a missing or bad value is said for a resident, at its field, with what was typed kept",
        arguments: [
            ("m0_wage", "两千", "第1位家庭成员的工资请填写金额（元），如 1500 或 1500.50"),
            ("m0_birthDate", "2030-01-01", "第1位家庭成员的出生日期晚于测算月份，请检查"),
            ("m1_birthDate", "", "请填写第2位家庭成员的出生日期"),
            ("m1_birthDate", "1977-02-30", "第2位家庭成员的出生日期不是有效的日期，请按“年-月-日”填写"),
            ("m2_sex", "", "请选择第3位家庭成员的性别"),
            ("financial", "五万", "存款、理财等金融资产请填写金额（元）"),
            ("vehicles", "一辆", "机动车数量请填写整数"),
            ("m0_birthDate", "1800-01-01", "第1位家庭成员的出生日期填写有误：出生日期 1800-01-01 早于 1870-01-01，请检查年份"),
        ])
    func refusesBadValue(field: String, value: String, message: String) async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await FormVisit.open(app, "/calculator")
            var fields = Self.familyOfThree.filter { $0.0 != field }
            fields.append((field, value))
            let res = try await visit.post(app, "/calculator", fields)
            let html = res.body.string
            #expect(html.contains(#"role="alert""#))
            #expect(html.contains(message), "\(html.firstMatch(of: /<p class="error"[^<]*/)?.0 ?? "no error shown")")
            #expect(html.contains(#"name="\#(field)""#))
            let input = html.firstMatch(of: try Regex(#"name="\#(field)"[^>]*>"#))?.0 ?? ""
            #expect(input.contains("field-error"))
            #expect(!html.contains("测算结果"))
            #expect(!html.contains("YYYY") && !html.contains("收到"), "no format codes, no echo of the contract")
            if !value.isEmpty { #expect(input.contains(#"value="\#(value)""#)) }
            #expect(
                html.contains(#"name="m0_wage" value="\#(field == "m0_wage" ? value : "2000")""#),
                "the rest of the form is kept")
        }
    }

    @Test("after a result the page offers 申请 and 注册; signed in, 申请 leads straight to the application form")
    func offersNextSteps() async throws {
        try await withTestApp(.sqlite) { app in
            let visit = try await FormVisit.open(app, "/calculator")
            #expect(!visit.page.body.string.contains(">申请</a>"), "nothing to apply for before a result")
            let html = try await visit.post(app, "/calculator", Self.familyOfThree).body.string
            #expect(html.contains(#"<a class="button" href="/login?next=%2Fapplications%2Fnew">申请</a>"#))
            #expect(html.contains(#"<a class="button button-secondary" href="/register">注册</a>"#))

            let officer = try await AccountFixtures.create(app, .streetOfficer, "320402001")
            let (_, cookie) = try await AccountFixtures.pageSignIn(app, officer.username)
            let signedIn = try await FormVisit.open(app, "/calculator", cookie: cookie)
            let answered = try await signedIn.post(app, "/calculator", Self.familyOfThree).body.string
            #expect(answered.contains(#"<a class="button" href="/applications/new">申请</a>"#))
            #expect(!answered.contains(#"href="/register">注册</a>"#))
        }
    }
}
