import Testing
import MinzhengCore

@Suite("R1 tekun")
struct TekunRuleTests {
    /// A person who meets every condition unless `configure` changes one.
    static func candidate(
        age: Int, oneDayShort: Bool = false,
        _ configure: (inout AssessmentRequest.Member) -> Void = { _ in }
    ) -> AssessmentRequest.Member {
        PolicyFixtures.member(age: age, oneDayShort: oneDayShort) {
            $0.laborCapacity = .none
            $0.hasCapableSupporter = false
            configure(&$0)
        }
    }

    @Test(arguments: [(SelfCare.full, Int64(141_000)), (.partial, 169_200), (.none, 216_200)])
    func amountIsBasicPlusCareBySelfCare(selfCare: SelfCare, amount: Int64) throws {
        let a = try PolicyFixtures.assess([Self.candidate(age: 72) { $0.selfCare = selfCare }])
        #expect(a.entries == [PolicyEntry(.tekun, 0, amount)])
        #expect(a.householdSize == 0)
    }

    @Test(arguments: [
        // (age, one day short, labour capacity, disability grade, kind, eligible)
        (60, false, LaborCapacity.full, Int?.none, DisabilityKind?.none, true),
        (60, true, .full, nil, nil, false),
        (60, true, .none, nil, nil, false),
        (59, false, .none, 1, .physical, true),
        (59, false, .partial, 1, .physical, false),
        (18, false, .none, 2, .visual, true),
        (18, true, .none, 2, .visual, false),
        (40, false, .none, 3, .intellectual, true),
        (40, false, .none, 3, .mental, true),
        (40, false, .none, 3, .physical, false),
        (40, false, .none, 4, .mental, false),
    ])
    func ageDisabilityAndLabourCapacity(
        age: Int, oneDayShort: Bool, labor: LaborCapacity,
        grade: Int?, kind: DisabilityKind?, eligible: Bool
    ) throws {
        let member = Self.candidate(age: age, oneDayShort: oneDayShort) {
            $0.laborCapacity = labor
            $0.disabilityGrade = grade
            $0.disabilityKind = kind
        }
        let a = try PolicyFixtures.assess([member])
        #expect(a.entries(.tekun).count == (eligible ? 1 : 0))
    }

    @Test func aCapableSupporterExcludes() throws {
        let a = try PolicyFixtures.assess([Self.candidate(age: 70) { $0.hasCapableSupporter = true }])
        #expect(a.entries(.tekun).isEmpty)
    }

    @Test(arguments: [(Int64(93_999), true), (94_000, false)])
    func ownCountedIncomeMustBeBelowTheStandard(pension: Int64, eligible: Bool) throws {
        let member = Self.candidate(age: 70) {
            $0.incomes = [PolicyFixtures.income(.pension, pension), PolicyFixtures.income(.seniorAllowance, 100_000)]
        }
        #expect(try PolicyFixtures.assess([member]).entries(.tekun).count == (eligible ? 1 : 0))
    }

    @Test func aFailedAssetTestExcludes() throws {
        let a = try PolicyFixtures.assess([Self.candidate(age: 70)], assets: .init(vehicles: 1))
        #expect(a.entries.isEmpty)
    }

    @Test func tekunMembersLeaveTheHousehold() throws {
        let elder = Self.candidate(age: 70) { $0.incomes = [PolicyFixtures.income(.pension, 50_000)] }
        let son = PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(.wage, 100_000)] }
        let a = try PolicyFixtures.assess([elder, son])
        #expect(a.householdSize == 1)
        #expect(a.countedIncome == Fen(71_800))
        #expect(a.perCapitaIncome == Fen(71_800))
        #expect(a.entries == [PolicyEntry(.tekun, 0, 141_000), PolicyEntry(.dibao, nil, 22_200)])
        let dibaoTrace = try #require(a.decision(.dibao)).renderedTrace
        #expect(dibaoTrace.contains("第 1 位成员已纳入特困供养，不计入家庭人口和收入"))
    }

    @Test func whenEveryoneIsTekunNoHouseholdProgramApplies() throws {
        let a = try PolicyFixtures.assess([Self.candidate(age: 70), Self.candidate(age: 75)])
        #expect(a.householdSize == 0)
        #expect(a.countedIncome == .zero && a.perCapitaIncome == .zero)
        #expect(a.entries == [PolicyEntry(.tekun, 0, 141_000), PolicyEntry(.tekun, 1, 141_000)])
    }

    @Test func traceNamesEveryCondition() throws {
        let a = try PolicyFixtures.assess([
            Self.candidate(age: 72) {
                $0.selfCare = .partial
                $0.incomes = [PolicyFixtures.income(.pension, 30_000)]
            }
        ])
        let trace = try #require(a.decision(.tekun, member: 0)).renderedTrace
        #expect(
            trace == [
                "2021-06 适用的低保标准为 940.00 元/月",
                "第 1 位成员 72 岁，年满 60 周岁",
                "第 1 位成员为年满 60 周岁的老年人，不以丧失劳动能力为条件",
                "第 1 位成员无具备赡养、抚养、扶养能力的法定义务人",
                "第 1 位成员本人月收入 300.00 元，低于低保标准 940.00 元",
                "家庭财产核查通过：人均金融资产 0.00 元，不超过 24 个月低保标准 22560.00 元；无非豁免机动车，住房未超过规定套数，无经营性资产",
                "基本生活费：1.3 × 940.00 元 = 1222.00 元（向上取整到元）",
                "照料护理费（部分自理）：0.5 × 940.00 元 = 470.00 元（向上取整到元）",
                "每月发放 1692.00 元",
            ])
    }
}
