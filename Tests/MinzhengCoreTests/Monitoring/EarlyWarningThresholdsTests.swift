import Testing
import MinzhengCore

@Suite("Early-warning thresholds: the defaults of CATALOG.md")
struct EarlyWarningThresholdsTests {
    @Test("defaults")
    func defaults() {
        let t = EarlyWarningThresholds.defaults
        #expect(t.medicalOneStayOutOfPocket == 1_000_000)
        #expect(t.medicalTwelveMonthsOutOfPocket == 2_000_000)
        #expect(t.aloneMinimumAge == 80)
        #expect(t.aloneUnvisitedDays == 30)
        #expect(t.isSevere(DisabilityGrade(1)!) && t.isSevere(DisabilityGrade(2)!))
        #expect(!t.isSevere(DisabilityGrade(3)!) && !t.isSevere(DisabilityGrade(4)!))
        #expect(t.incomeRiseLine(standard: 100_000) == 100_000)
        #expect(t.incomeRiseLine(standard: 94_001) == 94_001)
    }

    @Test("a share of S rounds the line up to a whole fen")
    func lineRounding() {
        var t = EarlyWarningThresholds.defaults
        t.incomeRiseShareOfStandard = Rate(decimal: "1.5")!
        #expect(t.incomeRiseLine(standard: 94_001) == 141_002)
    }

    @Test("disability grades are 1 to 4")
    func grades() {
        #expect(DisabilityGrade(0) == nil && DisabilityGrade(5) == nil)
        #expect((1...4).allSatisfy { DisabilityGrade($0) != nil })
    }

    @Test("asset limits read the policy parameters")
    func assetLimits() throws {
        let history = PolicyParameterHistory(rows: try PolicyDefaults.load().rows)
        let parameters = try history.parameters(for: "320402", month: YearMonth("2024-06")!)
        #expect(AssetTestLimits(parameters: parameters).maxResidentialProperties == 1)
    }
}
