import Testing
@testable import MinzhengCore
@testable import MinzhengDemo

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("matches the reference outputs for seed 0")
    func referenceOutputs() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("bounded draws stay in range and reach both ends")
    func boundedDraws() {
        var random = SplitMix64(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let n = random.inRange(-3...3)
            #expect((-3...3).contains(n))
            seen.insert(n)
        }
        #expect(seen.count == 7)
    }

    @Test("weighted choices follow their weights")
    func weightedChoice() {
        var random = SplitMix64(seed: 1)
        let choice = WeightedChoice([("a", 1), ("b", 3), ("c", 6)])
        var counts: [String: Int] = [:]
        for _ in 0..<100_000 { counts[choice.pick(&random), default: 0] += 1 }
        #expect((9_000...11_000).contains(counts["a"]!))
        #expect((29_000...31_000).contains(counts["b"]!))
        #expect((59_000...61_000).contains(counts["c"]!))
    }
}
