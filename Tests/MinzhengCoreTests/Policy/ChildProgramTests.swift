import Testing
import MinzhengCore

@Suite("R8 orphans and R9 children in distress")
struct ChildProgramTests {
    static let parent = PolicyFixtures.member(age: 40) { $0.incomes = [PolicyFixtures.income(.pension, 500_000)] }

    @Test(arguments: [
        // (age, one day short, care setting, amount)
        (10, false, AssessmentRequest.CareSetting?.some(.institution), Int64?.some(252_200)),
        (10, false, .community, 201_800),
        (10, false, nil, 201_800),
        (18, true, .community, 201_800),
        (18, false, .community, nil),
    ])
    func orphanAllowance(age: Int, oneDayShort: Bool, setting: AssessmentRequest.CareSetting?, amount: Int64?) throws {
        let child = PolicyFixtures.member(age: age, oneDayShort: oneDayShort) {
            $0.orphan = true
            $0.careSetting = setting
        }
        let a = try PolicyFixtures.assess([Self.parent, child])
        #expect(a.entries(.orphan) == (amount.map { [PolicyEntry(.orphan, 1, $0)] } ?? []))
        #expect(a.entries(.childInDistress).isEmpty)
    }

    @Test(arguments: [
        // (category, amount): rates of the community orphan allowance, rounded up to a yuan.
        (AssessmentRequest.ChildCategory.unsupported, Int64(201_800)),
        (.guardianshipLost, 121_100),
        (.disabledOrIll, 100_900),
    ])
    func childInDistress(category: AssessmentRequest.ChildCategory, amount: Int64) throws {
        let child = PolicyFixtures.member(age: 8) { $0.childCategory = category }
        let a = try PolicyFixtures.assess([Self.parent, child])
        #expect(a.entries(.childInDistress) == [PolicyEntry(.childInDistress, 1, amount)])
    }

    @Test func childInDistressTrace() throws {
        let child = PolicyFixtures.member(age: 8) { $0.childCategory = .guardianshipLost }
        let a = try PolicyFixtures.assess([Self.parent, child])
        #expect(
            try #require(a.decision(.childInDistress, member: 1)).renderedTrace
                == ["第 2 位成员 8 岁，未满 18 周岁，监护缺失儿童：0.6 × 散居孤儿标准 2018.00 元 = 1211.00 元/月（向上取整到元）"])
    }

    @Test(arguments: [(18, true, true), (18, false, false)])
    func childInDistressOnlyUnder18(age: Int, oneDayShort: Bool, eligible: Bool) throws {
        let child = PolicyFixtures.member(age: age, oneDayShort: oneDayShort) { $0.childCategory = .unsupported }
        #expect(try PolicyFixtures.assess([Self.parent, child]).entries(.childInDistress).count == (eligible ? 1 : 0))
    }

    @Test func anOrphanIsNotAlsoAChildInDistress() throws {
        let child = PolicyFixtures.member(age: 8) {
            $0.orphan = true
            $0.childCategory = .unsupported
        }
        let a = try PolicyFixtures.assess([Self.parent, child])
        #expect(a.entries == [PolicyEntry(.orphan, 1, 201_800)])
    }
}
