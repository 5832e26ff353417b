import Testing
import MinzhengCore
@testable import MinzhengDemo

@Suite("Policy benchmark helper")
struct PolicyBenchmarkTests {
    @Test func syntheticRequestsAreDeterministicAndValid() throws {
        let a = PolicyBenchmark.syntheticRequests(count: 200, seed: 7)
        #expect(a == PolicyBenchmark.syntheticRequests(count: 200, seed: 7))
        #expect(a != PolicyBenchmark.syntheticRequests(count: 200, seed: 8))
        for request in a { try request.validate() }
        #expect(Set(a.map(\.members.count)) == Set(1...6))
    }

    @Test func runReportsThroughput() throws {
        let result = try PolicyBenchmark.run(households: 2000, seed: 1)
        #expect(result.households == 2000)
        #expect(result.householdsPerSecond > 0)
        #expect(result.eligibleEntries > 0)
        let again = try PolicyBenchmark.run(households: 2000, seed: 1)
        #expect(again.eligibleEntries == result.eligibleEntries && again.monthlyTotal == result.monthlyTotal)
    }
}
