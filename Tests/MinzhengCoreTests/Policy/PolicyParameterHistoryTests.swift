import Testing
import MinzhengCore

@Suite("Resolving dated, per-region parameters")
struct PolicyParameterHistoryTests {
    static func history(adding extra: [PolicyParameterRow]) throws -> PolicyParameterHistory {
        PolicyParameterHistory(rows: try PolicyFixtures.defaults.get().rows + extra)
    }

    static func row(_ region: String, _ key: PolicyParameterKey, _ month: String, _ value: Int64) -> PolicyParameterRow
    {
        PolicyParameterRow(regionCode: region, key: key, fromMonth: PolicyFixtures.ym(month), value: value)
    }

    @Test(arguments: [
        ("2021-01", Int64(94000)), ("2021-06", 94000), ("2022-06", 94000), ("2022-07", 100_000), ("2030-01", 100_000),
    ])
    func theStandardInForceIsTheLatestNotAfterTheMonth(month: String, standard: Int64) throws {
        let p = try PolicyFixtures.parameters(month)
        #expect(p.dibaoStandard == Fen(standard))
    }

    @Test(arguments: ["3204", "320402", "320402001", "320412003001", "320411"])
    func everyRegionInsideTheCityFallsBackToIt(region: String) throws {
        let history = try PolicyFixtures.defaults.get().history
        #expect(try history.parameters(for: region, month: PolicyFixtures.ym("2021-06")).dibaoStandard == Fen(94000))
    }

    @Test func aDistrictOverrideAppliesPerKeyToItsStreetsFromItsMonth() throws {
        let history = try Self.history(adding: [
            Self.row("320402", .dibaoStandard, "2023-01", 105_000),
            Self.row("320402001", .nursingSubsidyUrban, "2023-02", 15000),
        ])
        let street = try history.parameters(for: "320402001", month: PolicyFixtures.ym("2023-03"))
        #expect(street.dibaoStandard == Fen(105_000))
        #expect(street.nursingSubsidyUrban == Fen(15000))
        #expect(street.orphanCommunity == Fen(201_800), "other keys come from the city")
        let community = try history.parameters(for: "320402001002", month: PolicyFixtures.ym("2023-03"))
        #expect(community.dibaoStandard == Fen(105_000))
        #expect(community.nursingSubsidyUrban == Fen(15000))
        let before = try history.parameters(for: "320402001", month: PolicyFixtures.ym("2022-12"))
        #expect(before.dibaoStandard == Fen(100_000), "before the district row, the city's value")
        let otherDistrict = try history.parameters(for: "320411", month: PolicyFixtures.ym("2023-03"))
        #expect(otherDistrict.dibaoStandard == Fen(100_000))
        #expect(
            history.row(for: .dibaoStandard, region: "320402001", month: PolicyFixtures.ym("2023-03"))?.regionCode
                == "320402")
    }

    @Test func theFallbackChainGoesOutwardsLevelByLevel() {
        #expect(
            PolicyParameterHistory.fallbackChain(of: "320402001002") == [
                "320402001002", "320402001", "320402", "3204", "32",
            ])
        #expect(PolicyParameterHistory.fallbackChain(of: "320402") == ["320402", "3204", "32"])
        #expect(PolicyParameterHistory.fallbackChain(of: "32") == ["32"])
    }

    @Test func noRowInForceIsAClearError() throws {
        let history = try PolicyFixtures.defaults.get().history
        #expect(
            throws: PolicyParameterError.noneInForce(
                keys: PolicyParameterKey.allCases, region: "320402",
                month: PolicyFixtures.ym("2020-12"))
        ) {
            try history.parameters(for: "320402", month: PolicyFixtures.ym("2020-12"))
        }
        #expect(
            throws: PolicyParameterError.noneInForce(
                keys: PolicyParameterKey.allCases, region: "3301",
                month: PolicyFixtures.ym("2021-06"))
        ) {
            try history.parameters(for: "3301", month: PolicyFixtures.ym("2021-06"))
        }
        let partial = PolicyParameterHistory(rows: [Self.row("3204", .dibaoStandard, "2021-01", 94000)])
        do {
            _ = try partial.parameters(for: "3204", month: PolicyFixtures.ym("2021-06"))
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("dibaoStandard（"))
            #expect(error.description.contains("gradualExitMonths"))
            #expect(error.description.contains("3204"))
        }
    }

    @Test func ofTwoRowsForTheSameMonthTheLaterWins() {
        let history = PolicyParameterHistory(rows: [
            Self.row("3204", .dibaoStandard, "2021-01", 1), Self.row("3204", .dibaoStandard, "2021-01", 2),
        ])
        #expect(history.row(for: .dibaoStandard, region: "3204", month: PolicyFixtures.ym("2021-01"))?.value == 2)
    }
}
