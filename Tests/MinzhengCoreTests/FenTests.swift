import Foundation
import Testing
import MinzhengCore

@Suite("Fen")
struct FenTests {
    @Test(
        "display form with ¥ and thousands separators",
        arguments: [
            (Int64(0), "¥0.00"), (5, "¥0.05"), (50, "¥0.50"), (100, "¥1.00"), (99_999, "¥999.99"),
            (100_000, "¥1,000.00"), (123_450, "¥1,234.50"), (12_345_678, "¥123,456.78"),
            (123_456_789, "¥1,234,567.89"), (100_000_000_00, "¥100,000,000.00"),
            (-5, "-¥0.05"), (-123_450, "-¥1,234.50"), (-100_000_000, "-¥1,000,000.00"),
            (Int64.max, "¥92,233,720,368,547,758.07"), (Int64.min, "-¥92,233,720,368,547,758.08"),
        ])
    func formatted(fen: Int64, text: String) {
        #expect(Fen(fen).formatted == text)
        #expect(Fen(fen).description == text)
    }

    @Test(
        "plain yuan for traces and bank files",
        arguments: [
            (Int64(0), "0.00"), (7, "0.07"), (100, "1.00"), (123_450, "1234.50"), (100_000_000, "1000000.00"),
            (-5, "-0.05"), (-123_456, "-1234.56"),
        ])
    func yuanString(fen: Int64, text: String) {
        #expect(Fen(fen).yuanString == text)
    }

    @Test(
        "rounding up to a whole yuan",
        arguments: [
            (Int64(0), Int64(0)), (1, 100), (99, 100), (100, 100), (101, 200), (28_200, 28_200), (119_602, 119_700),
            (-1, 0), (-99, 0), (-100, -100), (-101, -100), (-150, -100), (-199, -100), (-200, -200),
        ])
    func roundedUpToYuan(fen: Int64, rounded: Int64) {
        #expect(Fen(fen).roundedUpToYuan == Fen(rounded))
    }

    @Test("arithmetic and comparison")
    func arithmetic() {
        #expect(Fen(yuan: 940) == Fen(94_000))
        #expect(Fen(100) + 250 == Fen(350))
        #expect(Fen(100) - 250 == Fen(-150))
        #expect(Fen(36_734) * 3 == Fen(110_202))
        #expect(Fen.zero == 0)
        #expect(Fen(-1) < .zero)
        #expect([Fen(3), Fen(1), Fen(2)].sorted() == [1, 2, 3])
    }

    @Test("JSON is the integer number of fen")
    func codable() throws {
        let data = try JSONEncoder().encode([Fen(94_000)])
        #expect(String(decoding: data, as: UTF8.self) == "[94000]")
        #expect(try JSONDecoder().decode([Fen].self, from: data) == [Fen(94_000)])
    }
}
