import Testing
import MinzhengCore

@Suite("R4 dibao")
struct DibaoRuleTests {
    static func single(
        age: Int, oneDayShort: Bool = false, pension: Int64 = 0,
        _ configure: @escaping (inout AssessmentRequest.Member) -> Void = { _ in }
    ) -> AssessmentRequest.Member {
        PolicyFixtures.member(age: age, oneDayShort: oneDayShort) {
            if pension > 0 { $0.incomes = [PolicyFixtures.income(.pension, pension)] }
            configure(&$0)
        }
    }

    @Test(
        arguments: [
            // (pension of one adult aged 40, entries): P = S is no longer dibao.
            (Int64(93_999), [PolicyEntry(.dibao, nil, 100)]),
            (94_000, [PolicyEntry(.lowIncomeEdge, nil, 0)]),
            (0, [PolicyEntry(.dibao, nil, 94_000)]),
        ] as [(Int64, [PolicyEntry])])
    func perCapitaAgainstTheStandard(pension: Int64, entries: [PolicyEntry]) throws {
        #expect(try PolicyFixtures.assess([Self.single(age: 40, pension: pension)]).entries == entries)
    }

    @Test(arguments: [
        // (age, one day short, add-on): 0.10 × S from 60 and under 18.
        (60, false, Int64(9400)), (60, true, 0), (18, false, 0), (18, true, 9400), (0, false, 9400), (100, false, 9400),
    ])
    func ageAddOns(age: Int, oneDayShort: Bool, addOn: Int64) throws {
        let a = try PolicyFixtures.assess([Self.single(age: age, oneDayShort: oneDayShort)])
        #expect(a.entries(.dibao) == [PolicyEntry(.dibao, nil, 94_000 + addOn)])
    }

    @Test(arguments: [
        // (age, grade, kind, serious illness, add-on): one add-on per member, the largest.
        (40, Int?.some(1), DisabilityKind?.some(.physical), false, Int64(18_800)),
        (65, 2, .hearing, false, 18_800),
        (10, nil, nil, true, 18_800),
        (40, 3, .intellectual, false, 18_800),
        (40, 3, .mental, false, 18_800),
        (40, 3, .physical, false, 0),
        (40, 4, .mental, false, 0),
        (70, 4, .physical, false, 9400),
    ])
    func healthAddOns(age: Int, grade: Int?, kind: DisabilityKind?, illness: Bool, addOn: Int64) throws {
        let member = Self.single(age: age) {
            $0.disabilityGrade = grade
            $0.disabilityKind = kind
            $0.seriousIllness = illness
        }
        let a = try PolicyFixtures.assess([member])
        #expect(a.entries(.dibao) == [PolicyEntry(.dibao, nil, 94_000 + addOn)])
    }

    @Test func addOnsAreSummedInFenBeforeTheTotalIsRoundedUp() throws {
        // With S = 940.01 each child's add-on is 94.001 → 94.01; rounded each to a yuan it would be 95.00.
        let p = try PolicyFixtures.parameters(overriding: [.dibaoStandard: 94_001])
        let a = try PolicyFixtures.assess(
            [Self.single(age: 40), Self.single(age: 10), Self.single(age: 8)], parameters: p)
        // 3 × 940.01 + 2 × 94.01 = 3008.05 → 3009.00
        #expect(a.entries == [PolicyEntry(.dibao, nil, 300_900)])
        let trace = try #require(a.decision(.dibao)).renderedTrace
        #expect(trace.contains("第 2 位成员 10 岁，未满 18 周岁，加发 0.1 × 低保标准 = 94.01 元"))
        #expect(trace.last == "合计 3008.05 元，向上取整到元，每月发放 3009.00 元")
    }

    @Test func workedExampleOneTrace() throws {
        let members = [
            PolicyFixtures.member(age: 46) { $0.incomes = [PolicyFixtures.income(.wage, 200_000)] },
            PolicyFixtures.member(age: 43), PolicyFixtures.member(age: 12),
        ]
        let a = try PolicyFixtures.assess(members)
        #expect(a.entries == [PolicyEntry(.dibao, nil, 119_700)])
        let trace = try #require(a.decision(.dibao)).renderedTrace
        #expect(
            trace == [
                "2021-06 适用的低保标准为 940.00 元/月",
                "第 1 位成员工资性收入 2000.00 元/月，计入家庭收入",
                "第 1 位成员 46 岁，处于劳动年龄，劳动收入 2000.00 元，扣减就业成本 282.00 元（不超过 282.00 元）",
                "家庭月计算收入：计入收入 2000.00 元 − 就业成本扣减 282.00 元 = 1718.00 元",
                "家庭月人均收入：1718.00 元 ÷ 3 人 = 572.66 元（不足 1 分舍去）",
                "家庭月人均收入 572.66 元，低于低保标准 940.00 元",
                "家庭财产核查通过：人均金融资产 0.00 元，不超过 24 个月低保标准 22560.00 元；无非豁免机动车，住房未超过规定套数，无经营性资产",
                "差额补助：(940.00 − 572.66) 元 × 3 人 = 1102.02 元",
                "第 3 位成员 12 岁，未满 18 周岁，加发 0.1 × 低保标准 = 94.00 元",
                "合计 1196.02 元，向上取整到元，每月发放 1197.00 元",
            ])
    }
}
