import MinzhengCore
import Testing

/// The entitlement table of ELDERLY.md, line by line, and "the highest line, not the sum".
struct HomeCareEntitlementTests {
    typealias Facts = HomeCareEntitlement.Facts
    static let parameters = try! PolicyDefaults.load().history.parameters(for: "320402", month: YearMonth("2022-06")!)

    @Test(
        arguments: [
            (Facts(age: 59, tekun: true), nil, nil),
            (Facts(age: 60, tekun: true), HomeCareEntitlement.Group.tekunScattered, 60000),
            (Facts(age: 60, dibaoOrEdge: true), .dibaoIndependent, 20000),
            (Facts(age: 60, dibaoOrEdge: true, abilityLevel: 1), .dibaoIndependent, 20000),
            (Facts(age: 60, dibaoOrEdge: true, abilityLevel: 2), .dibaoDependent, 40000),
            (Facts(age: 60, dibaoOrEdge: true, abilityLevel: 4), .dibaoDependent, 40000),
            // Never assessed: the registry's self-care stands in for the level.
            (Facts(age: 70, dibaoOrEdge: true, selfCare: .partial), .dibaoDependent, 40000),
            // An assessment decides over the registry field.
            (Facts(age: 70, dibaoOrEdge: true, abilityLevel: 0, selfCare: .none), .dibaoIndependent, 20000),
            (Facts(age: 79, livesAlone: true), nil, nil),
            (Facts(age: 80, livesAlone: true), .aloneOldest, 20000),
            (Facts(age: 89), nil, nil),
            (Facts(age: 90), .nonagenarian, 10000),
            (Facts(age: 65, disabilityGrade: 2), .severeDisability, 30000),
            (Facts(age: 65, disabilityGrade: 3), nil, nil),
            (Facts(age: 59, disabilityGrade: 1), nil, nil),
            // The highest line, not the sum.
            (Facts(age: 91, dibaoOrEdge: true, livesAlone: true), .dibaoIndependent, 20000),
            (Facts(age: 91, dibaoOrEdge: true, livesAlone: true, disabilityGrade: 1), .severeDisability, 30000),
            (
                Facts(age: 95, tekun: true, dibaoOrEdge: true, abilityLevel: 4, disabilityGrade: 1), .tekunScattered,
                60000
            ),
            // Equal amounts: the earlier line of the table names the group.
            (Facts(age: 85, dibaoOrEdge: true, livesAlone: true), .dibaoIndependent, 20000),
        ] as [(Facts, HomeCareEntitlement.Group?, Int64?)])
    func entitlement(facts: Facts, group: HomeCareEntitlement.Group?, fen: Int64?) {
        let result = HomeCareEntitlement.of(facts, parameters: Self.parameters)
        #expect(result?.group == group)
        #expect(result?.monthly.value == fen)
    }

    @Test func amountsFollowTheParameters() throws {
        let p = try Self.parameters.replacing(.homeCareNonagenarian, with: 15000)
        #expect(HomeCareEntitlement.of(Facts(age: 90), parameters: p)?.monthly.value == 15000)
    }
}
