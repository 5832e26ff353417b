import NIOConcurrencyHelpers

/// A read pool's connections as numbered slots: a read takes a free one, or waits for one
/// first come, first served, and gives it back. The pools (`SQLiteReadPool`,
/// `PostgresReadPool`) keep what a slot holds; this only says whose turn it is.
final class ReadSlots: Sendable {
    let count: Int

    private struct State {
        var idle: [Int]
        var waiting: [CheckedContinuation<Int, Never>] = []
    }
    private let state: NIOLockedValueBox<State>

    init(count: Int) {
        self.count = count
        state = NIOLockedValueBox(State(idle: Array(0..<count)))
    }

    /// Runs `work` with a slot of its own.
    func with<T>(_ work: (Int) async throws -> T) async throws -> T {
        let slot = await checkOut()
        defer { checkIn(slot) }
        return try await work(slot)
    }

    private func checkOut() async -> Int {
        if let slot = state.withLockedValue({ $0.idle.popLast() }) { return slot }
        return await withCheckedContinuation { waiter in
            // A slot may have come back between the fast path and here.
            let slot = state.withLockedValue { state -> Int? in
                if let slot = state.idle.popLast() { return slot }
                state.waiting.append(waiter)
                return nil
            }
            if let slot { waiter.resume(returning: slot) }
        }
    }

    private func checkIn(_ slot: Int) {
        let next = state.withLockedValue { state -> CheckedContinuation<Int, Never>? in
            guard !state.waiting.isEmpty else {
                state.idle.append(slot)
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: slot)
    }
}
