/// The sign-in hardening rules of issue 3, in one place: how many failures lock, for how
/// long, and when an idle session ends. Times are whole seconds since 1970.
public enum SignInRules {
    /// Failures in a row (an account) or within `addressWindowSeconds` (a client address)
    /// that start a wait.
    public static let maxFailures = 5
    public static let lockSeconds: Int64 = 15 * 60
    public static let addressWindowSeconds: Int64 = 15 * 60
    /// A signed-in page session ends after this long without a request.
    public static let sessionIdleSeconds: Int64 = 30 * 60

    public static func sessionExpired(lastSeen: Int64, now: Int64) -> Bool {
        now - lastSeen > sessionIdleSeconds
    }

    /// True when an account with this many failures in a row is to be locked.
    public static func locks(afterFailures failures: Int) -> Bool { failures >= maxFailures }

    /// A wait in whole minutes, rounded up, for the message (a 30-second wait says 1).
    public static func minutes(_ seconds: Int64) -> Int64 { max(1, (seconds + 59) / 60) }
}

/// The failures of one key (a client address, or a username nobody has) and the lock
/// they lead to. With a `window`, failures older than it no longer count; without one,
/// they count until the lock, as an account's do until a successful sign-in.
public struct FailureCounter: Sendable, Equatable {
    public let window: Int64?
    public private(set) var failures: [Int64] = []
    public private(set) var lockedUntil: Int64?

    public init(window: Int64?) {
        self.window = window
    }

    /// A counter as stored (`failure_counters`), to count on from there.
    public init(window: Int64?, failures: [Int64], lockedUntil: Int64?) {
        self.window = window
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// Seconds left to wait at `now`, or nil when attempts are allowed.
    public func wait(at now: Int64) -> Int64? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil - now
    }

    /// Counts a failure; true when it starts the lock. The count starts again after a lock,
    /// so that a lock that has run out gives a fresh set of attempts.
    @discardableResult
    public mutating func recordFailure(at now: Int64) -> Bool {
        if let lockedUntil, lockedUntil <= now { self.lockedUntil = nil }
        if let window { failures.removeAll { now - $0 >= window } }
        failures.append(now)
        guard SignInRules.locks(afterFailures: failures.count) else { return false }
        lockedUntil = now + SignInRules.lockSeconds
        failures = []
        return true
    }

    /// Nothing counts and no lock is in force: the counter can be forgotten.
    public func isSpent(at now: Int64) -> Bool {
        wait(at: now) == nil && (window.map { w in failures.allSatisfy { now - $0 >= w } } ?? failures.isEmpty)
    }
}
