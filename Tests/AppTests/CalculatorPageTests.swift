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
            let res = try await visit.post(app, "/calculator", [("members", "1"), ("m0_birthDate", "1950-03-07"), ("action", "add")])
            let html = res.body.string
            #expect(html.contains("第 2 位家庭成员"))
            #expect(html.contains(#"value="1950-03-07""#))
            #expect(!html.contains("测算结果"))
        }
    }

    @Test("a bad value is shown at its field, in Chinese", arguments: [
        ("m0_wage", "两千", "金额应为不小于 0 的数字"),
        ("m0_birthDate", "2030-01-01", "出生日期"),
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
        }
    }
}
