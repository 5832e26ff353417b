import Testing
import MinzhengCore

@Suite("Death effects: benefits stop from the month after the death")
struct DeathEffectsTests {
    @Test(arguments: [
        ("2024-06-10", "2024-06", "2024-07"),
        ("2024-06-01", "2024-06", "2024-07"),
        ("2024-06-30", "2024-06", "2024-07"),
        ("2024-12-31", "2024-12", "2025-01"),
        ("2025-01-01", "2025-01", "2025-02"),
        ("2024-02-29", "2024-02", "2024-03"),
        ("2023-11-30", "2023-11", "2023-12"),
    ])
    func stopMonth(death: String, lastPaid: String, stopsFrom: String) {
        let effects = DeathEffects(deathDate: CivilDate(death)!)
        #expect(effects.lastPaidMonth == YearMonth(lastPaid))
        #expect(effects.benefitsStopFrom == YearMonth(stopsFrom))
    }
}
