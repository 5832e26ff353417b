import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Who each recently seen API token belongs to, kept for a few seconds
/// (`MINZHENG_TOKEN_CACHE_SECONDS`): a busy client's list page is then one statement, not
/// the token check and the page (at a million persons the check was a fifth of a page's time).
///
/// Every change that ends a credential on this server (a token revoked, a password changed
/// or reset, an account disabled or enabled) calls `forgetAll` once its transaction has
/// committed, so here it takes effect at once. Another server on the same PostgreSQL database
/// keeps its own entries: there a revoked token keeps working for at most the configured
/// seconds. An entry never outlives its token's expiry.
final class TokenHolderCache: Sendable {
    private struct Entry {
        var holder: AccountStore.TokenHolder
        let readAt: Date
    }

    private struct State {
        /// Moves on at every `forgetAll`: a holder read before it is not kept, as it may have
        /// been read before the change committed.
        var generation = 0
        var entries: [String: Entry] = [:]
    }

    /// How many seconds an entry answers for its token.
    let seconds: Int
    /// More tokens than this seen within `seconds` start the cache afresh (a bound on memory).
    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(seconds: Int, capacity: Int = 10_000) {
        (self.seconds, self.capacity) = (seconds, capacity)
    }

    /// The holder of the token with this hash, when read less than `seconds` ago and the
    /// token has not expired since.
    func holder(hash: String, now: Date) -> AccountStore.TokenHolder? {
        state.withLockedValue { state in
            guard let entry = state.entries[hash] else { return nil }
            let age = now.timeIntervalSince(entry.readAt)
            guard age >= 0, age < Double(seconds), now < entry.holder.expiresAt else {
                state.entries[hash] = nil
                return nil
            }
            return entry.holder
        }
    }

    /// The generation to hand back to `remember` with a holder read from the database now.
    var generation: Int { state.withLockedValue { $0.generation } }

    /// Keeps a holder read from the database, unless a credential changed since the read began.
    func remember(_ holder: AccountStore.TokenHolder, hash: String, readAt: Date, generation: Int) {
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[hash] = Entry(holder: holder, readAt: readAt)
        }
    }

    /// Records that the token's last use was written, so that the next requests of the
    /// entry's life do not write it again.
    func touched(hash: String, at date: Date) {
        state.withLockedValue { $0.entries[hash]?.holder.lastUsedAt = date }
    }

    /// Forgets every holder; called after a credential change commits.
    func forgetAll() {
        state.withLockedValue { state in
            state.generation += 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}

extension Application {
    private struct TokenHolderCacheKey: StorageKey { typealias Value = TokenHolderCache }

    /// Set by `configure` from `MINZHENG_TOKEN_CACHE_SECONDS`; nil (0 seconds) reads every
    /// request's token from the database.
    var tokenHolders: TokenHolderCache? {
        get { storage[TokenHolderCacheKey.self] }
        set { storage[TokenHolderCacheKey.self] = newValue }
    }
}
