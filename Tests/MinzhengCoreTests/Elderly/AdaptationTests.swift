import MinzhengCore
import Testing

/// Home adaptations (ELDERLY.md): the priority order, the caps, the plan within its cap, and
/// no payment before acceptance.
struct AdaptationTests {
    typealias Facts = AdaptationPriority.Facts
    static let parameters = HomeCareEntitlementTests.parameters

    @Test(arguments: [
        (Facts(oldestAge: 59, tekunMember: true), AdaptationPriority?.none, 500000 as Int64),
        (Facts(oldestAge: 60, tekunMember: true), .tekunScattered, 500000),
        (
            Facts(oldestAge: 70, dibaoOrEdge: true, disabledMember: true, livingMembers: 2), .dibaoDisabledOrOldest,
            300000
        ),
        (Facts(oldestAge: 70, dibaoOrEdge: true, severelyDisabledMember: true), .dibao, 500000),
        (Facts(oldestAge: 80, dibaoOrEdge: true, livingMembers: 3), .dibaoDisabledOrOldest, 300000),
        (Facts(oldestAge: 79, dibaoOrEdge: true), .dibao, 300000),
        (Facts(oldestAge: 80, livingMembers: 1), .aloneOldest, 300000),
        (Facts(oldestAge: 80, livingMembers: 2), nil, 300000),
        (Facts(oldestAge: 79, livingMembers: 1), nil, 300000),
    ])
    func priorityAndCap(facts: Facts, priority: AdaptationPriority?, cap: Int64) {
        #expect(AdaptationPriority.of(facts, parameters: Self.parameters) == priority)
        #expect(AdaptationPriority.cap(facts, parameters: Self.parameters).value == cap)
    }

    @Test func theQueueIsInTheTablesOrder() {
        #expect(
            AdaptationPriority.allCases.sorted() == [.tekunScattered, .dibaoDisabledOrOldest, .dibao, .aloneOldest])
    }

    @Test func aPlanIsPricedFromTheCatalogue() throws {
        let plan = try AdaptationPlan(
            items: [("grabBar", 4), ("antiSlipFloor", 1), ("nightLight", 2)], cap: Fen(300000),
            parameters: Self.parameters)
        #expect(plan.lines.map(\.amount.value) == [60000, 60000, 20000])
        #expect(plan.total.value == 140000)
    }

    @Test(
        arguments: [
            // 800 + 1 200 + 2 × 500 = 3 000 yuan: exactly the cap; a night light more is over it.
            ([("ramp", 1), ("doorWidening", 1), ("gasAlarm", 2)], 300000 as Int64, String?.none),
            ([("ramp", 1), ("doorWidening", 1), ("gasAlarm", 2), ("nightLight", 1)], 300000, "items"),
            ([("ramp", 1), ("doorWidening", 1), ("gasAlarm", 2), ("nightLight", 1)], 500000, nil),
            ([("sauna", 1)], 300000, "items.sauna"),
            ([("grabBar", 0)], 300000, "items.grabBar"),
            ([("grabBar", 11)], 300000, "items.grabBar"),
            ([("grabBar", 1), ("grabBar", 2)], 300000, "items.grabBar"),
            ([], 300000, "items"),
        ] as [([(String, Int)], Int64, String?)])
    func planRefusals(items: [(String, Int)], cap: Int64, field: String?) {
        do {
            _ = try AdaptationPlan(
                items: items.map { (code: $0.0, quantity: $0.1) }, cap: Fen(cap), parameters: Self.parameters)
            #expect(field == nil)
        } catch {
            #expect(error.field == field)
        }
    }

    @Test(arguments: [
        (AdaptationState.screened, AdaptationState.Action.assess, AdaptationState?.some(.assessed)),
        (.assessed, .plan, .planned), (.planned, .plan, .planned), (.planned, .contract, .contracted),
        (.contracted, .complete, .completed), (.completed, .accept, .accepted), (.accepted, .pay, .paid),
        (.screened, .close, .closed), (.planned, .close, .closed),
        // Nothing is paid before acceptance.
        (.completed, .pay, nil), (.contracted, .pay, nil), (.planned, .pay, nil),
        (.screened, .plan, nil), (.contracted, .close, nil), (.paid, .pay, nil),
    ])
    func states(from: AdaptationState, action: AdaptationState.Action, to: AdaptationState?) throws {
        if let to {
            #expect(try from.after(action) == to)
        } else {
            #expect(throws: Refusal.self) { try from.after(action) }
        }
    }
}
