import MinzhengCore
import Testing

@Suite("Sign-in lockout and session idle rules")
struct SignInRulesTests {
    @Test("the fifth failure in a row locks for 15 minutes; the lock runs out on time")
    func consecutive() {
        var counter = FailureCounter(window: nil)
        for i in 0..<4 {
            let locked = counter.recordFailure(at: 1_000 + Int64(i) * 3_600)
            #expect(!locked, "failures hours apart still count")
        }
        #expect(counter.wait(at: 20_000) == nil)
        let locks = counter.recordFailure(at: 20_000)
        #expect(locks)
        #expect(counter.wait(at: 20_000) == 900)
        #expect(counter.wait(at: 20_899) == 1)
        #expect(counter.wait(at: 20_900) == nil)
        let relocks = counter.recordFailure(at: 20_900)
        #expect(!relocks, "a lock that ran out gives a fresh set of attempts")
        #expect(counter.failures.count == 1)
    }

    @Test(
        "an address waits after 5 failures within 15 minutes, not after 5 spread wider",
        arguments: [
            ([0, 60, 120, 180, 240] as [Int64], true),
            ([0, 100, 200, 300, 899], true),
            ([0, 100, 200, 300, 900], false),  // the first has dropped out of the window
            ([0, 1_000, 2_000, 3_000, 4_000], false),
        ])
    func window(times: [Int64], locks: Bool) {
        var counter = FailureCounter(window: SignInRules.addressWindowSeconds)
        let started = times.map { counter.recordFailure(at: $0) }
        #expect(started.dropLast().allSatisfy { !$0 })
        #expect(started.last == locks)
        #expect((counter.wait(at: times.last!) == SignInRules.lockSeconds) == locks)
    }

    @Test("a counter is spent when no lock is in force and no failure counts")
    func spent() {
        var windowed = FailureCounter(window: 900)
        #expect(windowed.isSpent(at: 0))
        windowed.recordFailure(at: 0)
        #expect(!windowed.isSpent(at: 899))
        #expect(windowed.isSpent(at: 900))
        var consecutive = FailureCounter(window: nil)
        consecutive.recordFailure(at: 0)
        #expect(!consecutive.isSpent(at: 1_000_000))
    }

    @Test(
        "a session idle for more than 30 minutes has expired",
        arguments: [
            (Int64(0), false), (1_799, false), (1_800, false), (1_801, true), (86_400, true),
        ])
    func idle(idle: Int64, expired: Bool) {
        #expect(SignInRules.sessionExpired(lastSeen: 10_000, now: 10_000 + idle) == expired)
    }

    @Test(
        "waits are shown in whole minutes, rounded up",
        arguments: [
            (Int64(1), Int64(1)), (59, 1), (60, 1), (61, 2), (900, 15),
        ])
    func minutes(seconds: Int64, minutes: Int64) {
        #expect(SignInRules.minutes(seconds) == minutes)
    }
}
