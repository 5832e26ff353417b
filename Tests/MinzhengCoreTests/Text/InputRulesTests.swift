import MinzhengCore
import Testing

/// Issue 12: the bounds every amount, count and text meets, whatever the way in.
@Suite("Input rules")
struct InputRulesTests {
    @Test(
        "amounts: 0 to 10¹² fen",
        arguments: [
            (Int64(0), true), (1, true), (1_000_000_000_000, true), (1_000_000_000_001, false), (Int64.max, false),
            (-1, false), (Int64.min, false),
        ])
    func amounts(value: Int64, accepted: Bool) {
        #expect(((try? InputRules.amount(value, field: "f")) != nil) == accepted)
    }

    @Test("counts: 0 to 1 000", arguments: [(0, true), (1_000, true), (1_001, false), (Int.max, false), (-1, false)])
    func counts(value: Int, accepted: Bool) {
        #expect(((try? InputRules.count(value, field: "f")) != nil) == accepted)
    }

    @Test(
        "one-line text refuses line breaks, control and invisible format characters",
        arguments: [
            ("张三", "张三"), ("  欧阳·娜娜 ", "欧阳·娜娜"), ("Zhang San", "Zhang San"),
            ("张\u{202E}三", nil), ("张\u{200B}三", nil), ("\u{FEFF}张三", nil), ("张\u{2066}三", nil), ("张\u{00AD}三", nil),
            ("天宁区\r\n青龙街道", nil), ("天宁区\n青龙街道", nil), ("张\u{0007}三", nil),
        ] as [(String, String?)])
    func line(text: String, expected: String?) {
        #expect((try? InputRules.line(text, field: "name", label: "姓名", maximumLength: 50)) == expected)
    }

    @Test("the refusal names the field and says why")
    func lineRefusal() {
        #expect(throws: FieldProblem("members[1].name", "姓名含有换行或不可见字符")) {
            try InputRules.line("李\u{202E}四", field: "members[1].name", label: "姓名", maximumLength: 50)
        }
        #expect(throws: FieldProblem("address", "地址不能超过3个字")) {
            try InputRules.line("一二三四", field: "address", label: "地址", maximumLength: 3)
        }
        #expect(throws: FieldProblem("address", "地址不能为空")) {
            try InputRules.line(" ", field: "address", label: "地址", maximumLength: 3)
        }
    }

    @Test(
        "notes keep their lines (CR LF as LF) and refuse invisible characters and length",
        arguments: [
            ("家中困难\r\n需复查", "家中困难\n需复查"), ("\t缩进", "缩进"), ("  ", nil), ("隐\u{200B}藏", "!"),
            (String(repeating: "字", count: 2_001), "!"),
        ] as [(String, String?)])
    func note(text: String, expected: String?) {
        let result = Result { () throws(FieldProblem) in try InputRules.text(text, field: "note", label: "备注") }
        switch result {
        case .success(let value): #expect(value == expected)
        case .failure(let problem):
            #expect(expected == "!")
            #expect(problem.field == "note")
        }
    }

    @Test(
        "money sums saturate instead of trapping",
        arguments: [
            (Fen(Int64.max), Fen(1), Fen(Int64.max)), (Fen(Int64.min), Fen(-1), Fen(Int64.min)),
            (Fen(5), Fen(-7), Fen(-2)),
        ])
    func saturating(a: Fen, b: Fen, sum: Fen) {
        #expect(a + b == sum)
    }

    @Test("saturating difference and product")
    func saturatingOthers() {
        #expect(Fen(Int64.min) - Fen(1) == Fen(Int64.min))
        #expect(Fen(Int64.max) - Fen(-1) == Fen(Int64.max))
        #expect(Fen(Int64.max) * 2 == Fen(Int64.max))
        #expect(Fen(Int64.max) * -2 == Fen(Int64.min))
        #expect(Fen(300) * 3 == Fen(900))
    }

    @Test("a declaration names the first amount or count out of bounds")
    func declaredMeans() {
        var means = DeclaredMeans(members: [
            .init(personId: "p", incomes: [.init(kind: .wage, monthlyFen: 1), .init(kind: .wage, monthlyFen: .max)])
        ])
        #expect(throws: FieldProblem("means.members[0].incomes[1].monthlyFen", "金额超过上限 1000000000000 分")) {
            try means.validate()
        }
        means = DeclaredMeans(vehicles: .max)
        #expect(throws: FieldProblem("means.vehicles", "数量超过上限 1000")) { try means.validate() }
        means = DeclaredMeans(residentialProperties: -1)
        #expect(throws: FieldProblem("means.residentialProperties", "数量不能为负数，收到 -1")) { try means.validate() }
        means = DeclaredMeans(annualMedicalFen: -5)
        #expect(throws: FieldProblem("means.annualMedicalFen", "金额不能为负数，收到 -5")) { try means.validate() }
        means = DeclaredMeans(members: Array(repeating: .init(personId: "p"), count: 31))
        #expect(throws: FieldProblem("means.members", "家庭成员至多 30 人")) { try means.validate() }
    }
}
