import Foundation
import MinzhengCore
import Testing

/// The kept blocks answer only at the version they were read, and hold at most their capacity,
/// dropping the blocks used longest ago.
@Suite("Family search: the kept blocks' versions and capacity")
struct FamilySearchBlockCacheUnitTests {
    static func block(_ n: Int) -> [RankingCandidate<UUID>] {
        (0..<n).map { _ in
            let id = UUID()
            return RankingCandidate(id: id, profile: PreparedProfile(FamilySearchProfile(side: .lost)), tie: TieKey(id))
        }
    }

    @Test("a block answers at its version only; a newer reading replaces it")
    func versions() {
        let cache = FamilySearchBlockCache(capacity: 100)
        let a = FamilySearchBlockCache.Block(key: "male|390|o:wu", names: false)
        let first = Self.block(3)
        cache.keep(first, as: a, version: 4)
        #expect(cache.candidates(a, version: 4)?.map(\.id) == first.map(\.id))
        #expect(cache.candidates(a, version: 5) == nil)
        #expect(cache.candidates(.init(key: a.key, names: true), version: 4) == nil)
        let second = Self.block(5)
        cache.keep(second, as: a, version: 5)
        #expect(cache.candidates(a, version: 5)?.map(\.id) == second.map(\.id))
        #expect(cache.size == (candidates: 5, blocks: 1))
    }

    @Test("past its capacity the blocks used longest ago are dropped; one larger than it is not kept")
    func capacity() {
        let cache = FamilySearchBlockCache(capacity: 100)
        let blocks = (0..<4).map { FamilySearchBlockCache.Block(key: "k\($0)", names: false) }
        for b in blocks { cache.keep(Self.block(30), as: b, version: 0) }
        // 120 > 100: down to 90, dropping k0, the oldest; k3 (just kept) stays.
        #expect(cache.candidates(blocks[0], version: 0) == nil)
        #expect(cache.candidates(blocks[3], version: 0) != nil)
        #expect(cache.size.candidates <= 90)
        // Using k2 makes k3 the oldest.
        _ = cache.candidates(blocks[2], version: 0)
        cache.keep(Self.block(60), as: .init(key: "k4", names: false), version: 0)
        #expect(cache.candidates(blocks[2], version: 0) != nil)
        #expect(cache.candidates(blocks[3], version: 0) == nil)
        cache.keep(Self.block(101), as: .init(key: "huge", names: false), version: 0)
        #expect(cache.candidates(.init(key: "huge", names: false), version: 0) == nil)
        #expect(cache.size.candidates <= 100)
    }
}
