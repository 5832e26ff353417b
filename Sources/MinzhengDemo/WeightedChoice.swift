import MinzhengCore

/// Items drawn with fixed integer weights (frequencies, population shares).
struct WeightedChoice<Item: Sendable>: Sendable {
    private let items: [Item]
    private let cumulative: [Int]

    init(_ weighted: [(Item, Int)]) {
        precondition(!weighted.isEmpty && weighted.allSatisfy { $0.1 > 0 }, "every item needs a positive weight")
        items = weighted.map(\.0)
        var running = 0
        cumulative = weighted.map {
            running += $0.1; return running
        }
    }

    func pick(_ random: inout SplitMix64) -> Item {
        let r = random.below(cumulative[cumulative.count - 1])
        // First cumulative weight above r: a binary search, as surname lists run to 100 entries.
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > r { high = mid } else { low = mid + 1 }
        }
        return items[low]
    }
}
