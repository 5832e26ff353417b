import MinzhengCore
import NIOConcurrencyHelpers
import Vapor

/// The in-memory half of the sign-in lockout: failures per client address, and per
/// username that no account has. An account's own counter lives in its row (it must
/// survive a restart); an address is only known to this process, like `RateLimiter`'s.
struct SignInThrottle: Sendable {
    let addresses: FailureTable
    /// Unknown names lock exactly like accounts do, so that a lock message cannot tell
    /// whether a username exists.
    let unknownNames: FailureTable
    /// Residents' registrations that did not match the registry, per client address and per
    /// ID number (its blind index): the phone number on file is all that stands between a
    /// known name and ID number and someone else's account, so guessing it waits as a
    /// password does.
    let registrationAddresses: FailureTable
    let registrationIDs: FailureTable

    init(
        addresses: FailureTable = FailureTable(window: SignInRules.addressWindowSeconds),
        unknownNames: FailureTable = FailureTable(window: nil),
        registrationAddresses: FailureTable = FailureTable(window: SignInRules.addressWindowSeconds),
        registrationIDs: FailureTable = FailureTable(window: SignInRules.addressWindowSeconds)
    ) {
        self.addresses = addresses
        self.unknownNames = unknownNames
        self.registrationAddresses = registrationAddresses
        self.registrationIDs = registrationIDs
    }
}

/// Failure counters by key, shared by the requests of the process.
final class FailureTable: Sendable {
    private let counters = NIOLockedValueBox<[String: FailureCounter]>([:])
    private let window: Int64?
    private let capacity: Int

    init(window: Int64?, capacity: Int = 10_000) {
        self.window = window
        self.capacity = capacity
    }

    /// Seconds `key` still waits, or nil.
    func wait(_ key: String, at now: Int64) -> Int64? {
        counters.withLockedValue { $0[key]?.wait(at: now) }
    }

    /// Counts a failure of `key`; true when it starts the wait.
    @discardableResult
    func recordFailure(_ key: String, at now: Int64) -> Bool {
        counters.withLockedValue { table in
            // Forget spent counters now and then, so that the table cannot grow without bound;
            // if it is still full, a flood of keys is under way and only the waits are kept.
            if table.count >= capacity {
                table = table.filter { !$0.value.isSpent(at: now) }
                if table.count >= capacity { table = table.filter { $0.value.wait(at: now) != nil } }
            }
            var counter = table[key] ?? FailureCounter(window: window)
            let locked = counter.recordFailure(at: now)
            table[key] = counter
            return locked
        }
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
    private struct SignInThrottleKey: StorageKey { typealias Value = SignInThrottle }
    private struct AccountsClockKey: StorageKey { typealias Value = AccountsClock }

    var signInThrottle: SignInThrottle {
        get { configured(SignInThrottleKey.self) }
        set { storage[SignInThrottleKey.self] = newValue }
    }

    var accountsClock: AccountsClock {
        get { storage[AccountsClockKey.self] ?? .system }
        set { storage[AccountsClockKey.self] = newValue }
    }

    /// A write outside an audited transaction (a counter, a timestamp). On SQLite it takes
    /// its turn with the audited writers: the file has one writer, and a second one at the
    /// same moment fails with "database is locked" rather than waiting.
    func serializedWrite<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        if case .sqlite = platform.config.database { return try await writeSerializer.run(body) }
        return try await body()
    }
}
