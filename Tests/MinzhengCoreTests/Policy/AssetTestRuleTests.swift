import Testing
import MinzhengCore

@Suite("R3 asset test")
struct AssetTestRuleTests {
    static let couple = [PolicyFixtures.member(age: 40), PolicyFixtures.member(age: 38)]

    @Test(arguments: [
        // (financial assets of two people, passes): the limit is 24 × 940.00 per capita.
        (Int64(4_512_000), true), (4_512_001, true), (4_512_002, false),
    ])
    func financialAssetsPerCapitaAgainst24MonthsOfTheStandard(financial: Int64, passes: Bool) throws {
        let a = try PolicyFixtures.assess(Self.couple, assets: .init(financialFen: Fen(financial)))
        #expect(a.assetTest.passed == passes)
        #expect(a.entries(.dibao).count == (passes ? 1 : 0))
        if !passes {
            #expect(
                a.assetTest.failures == [.financialAssets(perCapita: Fen(2_256_001), limit: Fen(2_256_000), months: 24)]
            )
            #expect(AssessmentResponse(a).assetTest.reasons == ["家庭人均金融资产 22560.01 元，超过 24 个月低保标准 22560.00 元"])
        }
    }

    @Test func tekunMembersCountInN() throws {
        let elder = TekunRuleTests.candidate(age: 70)
        let a = try PolicyFixtures.assess(
            [elder, PolicyFixtures.member(age: 40)], assets: .init(financialFen: Fen(4_512_000)))
        #expect(a.assetTest.passed)
        #expect(a.householdSize == 1)
    }

    @Test(arguments: [
        (AssessmentRequest.Assets(vehicles: 1), [AssetTestFailure.vehicles(count: 1)], "拥有非豁免机动车 1 辆"),
        (.init(residentialProperties: 2), [.residentialProperties(count: 2, maximum: 1)], "拥有住房 2 套，超过 1 套"),
        (.init(ownsBusiness: true), [.ownsBusiness], "拥有经营性资产（如个体工商户、企业）"),
    ])
    func eachOtherFailureIsNamed(assets: AssessmentRequest.Assets, failures: [AssetTestFailure], reason: String) throws
    {
        let a = try PolicyFixtures.assess(Self.couple, assets: assets)
        #expect(a.assetTest.failures == failures)
        #expect(AssessmentResponse(a).assetTest.reasons == [reason])
        #expect(a.entries.isEmpty)
    }

    @Test func oneResidentialPropertyPasses() throws {
        #expect(try PolicyFixtures.assess(Self.couple, assets: .init(residentialProperties: 1)).assetTest.passed)
    }

    @Test func everyReasonIsListedInOrder() throws {
        let a = try PolicyFixtures.assess(
            Self.couple,
            assets: .init(
                financialFen: Fen(99_000_000), vehicles: 2,
                residentialProperties: 3, ownsBusiness: true))
        #expect(a.assetTest.failures.count == 4)
        #expect(AssessmentResponse(a).assetTest.reasons.count == 4)
    }

    @Test func noHouseholdProgramWithoutTheAssetTestButPerMemberOnesRemain() throws {
        let members = [
            PolicyFixtures.member(age: 85) { $0.incomes = [PolicyFixtures.income(.pension, 200_000)] },
            PolicyFixtures.member(age: 10) { $0.orphan = true },
        ]
        let a = try PolicyFixtures.assess(members, assets: .init(vehicles: 1))
        #expect(a.entries == [PolicyEntry(.orphan, 1, 201_800), PolicyEntry(.seniorAllowance, 0, 5000)])
    }
}
