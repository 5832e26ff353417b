import Foundation

/// The prepared reports of each blocking key, kept between queries. A notice without a name
/// meets tens of thousands of a city's million reports (its sex, age bands and dialect), and
/// reading and preparing them again for every query was nearly all of its time; reports are
/// few to change (a family files one, a reunion closes one), so a block stays good for hours.
///
/// A block is kept with the version its key had when it was read (the database bumps a key's
/// version in the transaction that changes its reports) and answered only for that version.
/// Only what was read outside a transaction may be kept, so every version seen is committed.
/// At most `capacity` candidates are held: past it the blocks used longest ago are dropped.
public final class FamilySearchBlockCache: @unchecked Sendable {
    /// A blocking key, prepared with or without the names (a query without a name never
    /// compares one, and romanising them was most of preparing).
    public struct Block: Hashable, Sendable {
        public let key: String
        public let names: Bool

        public init(key: String, names: Bool) {
            self.key = key
            self.names = names
        }
    }

    private struct Entry {
        let version: Int64
        let candidates: [RankingCandidate<UUID>]
        var lastUse: UInt64
    }

    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Block: Entry] = [:]
    private var held = 0
    private var uses: UInt64 = 0

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The candidates kept for `block` if it was read at `version`, else nil.
    public func candidates(_ block: Block, version: Int64) -> [RankingCandidate<UUID>]? {
        lock.withLock {
            guard var entry = entries[block], entry.version == version else { return nil }
            uses += 1
            entry.lastUse = uses
            entries[block] = entry
            return entry.candidates
        }
    }

    /// Keeps `candidates` as `block` at `version` (replacing an older reading); a block larger
    /// than the whole capacity is not kept.
    public func keep(_ candidates: [RankingCandidate<UUID>], as block: Block, version: Int64) {
        guard candidates.count <= capacity else { return }
        lock.withLock {
            if let old = entries.removeValue(forKey: block) { held -= old.candidates.count }
            uses += 1
            entries[block] = Entry(version: version, candidates: candidates, lastUse: uses)
            held += candidates.count
            guard held > capacity else { return }
            // Down to nine tenths at once, so that a full cache does not sort on every keep.
            for (old, entry) in entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
                guard held > capacity * 9 / 10, old != block else { continue }
                entries[old] = nil
                held -= entry.candidates.count
            }
        }
    }

    /// How many candidates are held, in how many blocks.
    public var size: (candidates: Int, blocks: Int) { lock.withLock { (held, entries.count) } }
}
