@testable import MinzhengCore
import Testing

@Suite("Early-warning thresholds from the dated policy parameters")
struct EarlyWarningThresholdsFromParametersTests {
    @Test("the shipped Changzhou parameters give exactly the CATALOG.md defaults; a changed value is read")
    func defaults() throws {
        let history = try PolicyDefaults.load().history
        let p = try history.parameters(for: "320402", month: YearMonth("2026-11")!)
        #expect(EarlyWarningThresholds(parameters: p) == .defaults)
        let changed = try p.replacing(.warningMedicalOneStay, with: 800_000)
        #expect(EarlyWarningThresholds(parameters: changed).medicalOneStayOutOfPocket == Fen(800_000))
    }
}
