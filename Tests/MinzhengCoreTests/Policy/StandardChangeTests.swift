import Testing
import MinzhengCore

@Suite("The 2022-07 standard change")
struct StandardChangeTests {
    @Test func theSameHouseholdBeforeAndAfter() throws {
        let members = [
            AssessmentRequest.Member(
                birthDate: CivilDate("1975-05-01")!, sex: .male, incomes: [PolicyFixtures.income(.wage, 200_000)]),
            AssessmentRequest.Member(birthDate: CivilDate("1977-08-01")!, sex: .female),
            AssessmentRequest.Member(birthDate: CivilDate("2008-09-01")!, sex: .female),
        ]
        let history = try PolicyFixtures.defaults.get().history
        func assess(_ month: String) throws -> Assessment {
            let request = AssessmentRequest(region: "320402001", month: PolicyFixtures.ym(month), members: members)
            return PolicyEngine.assess(
                request, parameters: try history.parameters(for: request.region, month: request.month))
        }
        let june = try assess("2022-06")
        #expect(june.standard == Fen(94_000))
        #expect(june.countedIncome == Fen(171_800))
        #expect(june.entries == [PolicyEntry(.dibao, nil, 119_700)])

        // S = 1000.00: deduction 300.00, H = 1700.00, P = 566.66, (1000 − 566.66) × 3 + 100.00 = 1400.02 → 1401.00
        let july = try assess("2022-07")
        #expect(july.standard == Fen(100_000))
        #expect(july.countedIncome == Fen(170_000))
        #expect(july.perCapitaIncome == Fen(56_666))
        #expect(july.entries == [PolicyEntry(.dibao, nil, 140_100)])
    }
}
