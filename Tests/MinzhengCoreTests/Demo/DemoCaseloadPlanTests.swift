import MinzhengCore
@testable import MinzhengDemo
import Testing

@Suite("The demo's caseload plan")
struct DemoCaseloadPlanTests {
    @Test(
        "the steps to each state follow the review's order",
        arguments: [
            (WorkflowState.submitted, ["submit"]),
            (.accepted, ["submit", "accept"]),
            (.publicized, ["submit", "accept", "investigate", "review", "publicize"]),
            (.approved, ["submit", "accept", "investigate", "review", "publicize", "approve"]),
            (.returned, ["submit", "accept", "investigate", "returnForDocuments"]),
            (.rejected, ["submit", "accept", "investigate", "review", "publicize", "reject"]),
            (.withdrawn, ["submit", "withdraw"]),
        ])
    func steps(state: WorkflowState, actions: [String]) {
        let steps = DemoCaseloadPlan.steps(to: state)
        #expect(steps.map(\.action) == actions)
        #expect(steps.last?.to == state)
        // Each step starts where the one before ended.
        for (before, after) in zip(steps, steps.dropFirst()) { #expect(after.from == before.to) }
    }

    @Test("three of four qualifying households are enrolled, the others apply, every state in turn")
    func plan() {
        let cases = (0..<60).compactMap { DemoCaseloadPlan.plan(index: $0, qualifies: true) }
        #expect(cases.filter { $0 == .enrolled }.count == 45)
        let states = Set(
            cases.compactMap { c -> String? in
                if case .application(let s, let ready) = c { return s.rawValue + (ready ? "+ready" : "") }
                return nil
            })
        #expect(states.count == 9)
    }

    @Test("one in three households that do not qualify applies; none of them waits ready for approval")
    func notQualifying() {
        #expect(DemoCaseloadPlan.plan(index: 1, qualifies: false) == nil)
        let cases = (0..<300).compactMap { DemoCaseloadPlan.plan(index: $0, qualifies: false) }
        #expect(cases.count == 100)
        #expect(!cases.contains(.application(.publicized, ready: true)) && !cases.contains(.enrolled))
    }
}
