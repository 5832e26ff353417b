import Testing
import MinzhengCore

@Suite("Rate")
struct RateTests {
    @Test(
        "decimal text in basis points",
        arguments: [
            ("0.30", Int64(3000)), ("0.3", 3000), ("1.5", 15_000), ("2", 20_000), ("0", 0), ("0.0001", 1),
            ("1.3", 13_000), ("0.65", 6500), ("12.3456", 123_456), ("00.50", 5000),
            ("99999999999999", 999_999_999_999_990_000),
        ])
    func parses(text: String, basisPoints: Int64) {
        #expect(Rate(decimal: text) == Rate(basisPoints: basisPoints))
    }

    @Test(
        "anything else is refused, without crashing",
        arguments: [
            "", ".", "1.", ".5", "-0.5", "-1", "+1", "1.+5", "1.-5", "1.23456", "abc", "1.2.3", " 1", "1 ",
            "1,5", "０.３", "99999999999999999999", "999999999999999", "1e3", "0x10", "١",
        ])
    func refuses(text: String) {
        #expect(Rate(decimal: text) == nil)
    }

    @Test(
        "rate × amount, rounded up to a whole yuan",
        arguments: [
            ("0.30", Int64(94_000), Int64(28_200)), ("0.65", 94_000, 61_100), ("1.3", 94_000, 122_200),
            ("0.25", 94_000, 23_500), ("0.10", 94_000, 9_400), ("0.20", 94_000, 18_800), ("0.75", 94_000, 70_500),
            ("0.5", 94_000, 47_000), ("1.0", 94_000, 94_000), ("1.5", 94_000, 141_000), ("24", 94_000, 2_256_000),
            ("0.60", 201_800, 121_100), ("0.50", 201_800, 100_900), ("0.30", 100_000, 30_000),
            ("0.3333", 100, 100), ("0", 94_000, 0), ("0.0001", 1, 100),
        ])
    func ofRoundedUpToYuan(rate: String, amount: Int64, result: Int64) {
        #expect(Rate(decimal: rate)!.ofRoundedUpToYuan(Fen(amount)) == Fen(result))
    }

    @Test(
        "rate × amount, rounded up to a whole fen",
        arguments: [
            ("0.3333", Int64(100), Int64(34)), ("0.5", 1, 1), ("0.60", 201_800, 121_080), ("0.30", 94_000, 28_200),
            ("0", 5, 0),
        ])
    func ofRoundedUpToFen(rate: String, amount: Int64, result: Int64) {
        #expect(Rate(decimal: rate)!.ofRoundedUpToFen(Fen(amount)) == Fen(result))
    }

    @Test(
        "shortest decimal text, which parses back",
        arguments: [
            (Int64(3000), "0.3"), (15_000, "1.5"), (20_000, "2"), (1, "0.0001"), (123_456, "12.3456"), (6500, "0.65"),
            (0, "0"), (10, "0.001"),
        ])
    func description(basisPoints: Int64, text: String) {
        let rate = Rate(basisPoints: basisPoints)
        #expect(rate.description == text)
        #expect(Rate(decimal: text) == rate)
    }

    @Test("rates compare by size")
    func ordering() {
        #expect(Rate(decimal: "0.25")! < Rate(decimal: "0.3")!)
        #expect(Rate(decimal: "2")! > Rate(decimal: "1.9999")!)
    }
}
