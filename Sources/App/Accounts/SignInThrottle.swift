import MinzhengCore
import Vapor

/// The lockouts of what is not an account: failures per client address, and per username
/// that no account has. An account's own counter lives in its row; these live in
/// `failure_counters`, so that every server of the platform counts the same failures and a
/// restart forgets none.
struct SignInThrottle: Sendable {
    let store: FailureCounterStore

    var addresses: FailureTable {
        FailureTable(bucket: "signIn.address", window: SignInRules.addressWindowSeconds, store: store)
    }
    /// Unknown names lock exactly like accounts do, so that a lock message cannot tell
    /// whether a username exists.
    var unknownNames: FailureTable { FailureTable(bucket: "signIn.unknownName", window: nil, store: store) }
    /// Residents' registrations that did not match the registry, per client address and per
    /// ID number (its blind index): the phone number on file is all that stands between a
    /// known name and ID number and someone else's account, so guessing it waits as a
    /// password does.
    var registrationAddresses: FailureTable {
        FailureTable(bucket: "register.address", window: SignInRules.addressWindowSeconds, store: store)
    }
    var registrationIDs: FailureTable {
        FailureTable(bucket: "register.idIndex", window: SignInRules.addressWindowSeconds, store: store)
    }
}

/// The failure counters of one lockout, by key.
struct FailureTable: Sendable {
    let bucket: String
    let window: Int64?
    let store: FailureCounterStore

    /// Seconds `key` still waits, or nil.
    func wait(_ key: String, at now: Int64) async throws -> Int64? {
        try await store.counter(bucket: bucket, key: key, window: window).wait(at: now)
    }

    /// Counts a failure of `key`; true when it starts the wait.
    @discardableResult
    func recordFailure(_ key: String, at now: Int64) async throws -> Bool {
        try await store.recordFailure(bucket: bucket, key: key, window: window, at: now)
    }
}

/// The time the sign-in rules and session expiry read. Tests replace it to step past a
/// lock or an idle limit instead of waiting.
struct AccountsClock: Sendable {
    let now: @Sendable () -> Date

    static let system = AccountsClock { Date() }

    var seconds: Int64 { Int64(now().timeIntervalSince1970.rounded(.down)) }
}

extension Application {
    private struct AccountsClockKey: StorageKey { typealias Value = AccountsClock }

    var signInThrottle: SignInThrottle {
        SignInThrottle(store: FailureCounterStore(db: db, turn: writeTurn))
    }

    var accountsClock: AccountsClock {
        get { storage[AccountsClockKey.self] ?? .system }
        set { storage[AccountsClockKey.self] = newValue }
    }
}
