@testable import MinzhengCore
import Testing

@Suite("which households' members and means the rules read")
struct HouseholdFactsNeedTests {
    typealias F = MonitoringFixtures

    /// Enrollment sets of every kind the function may see: none, not means-tested, means-tested but ended, in force.
    static let enrollmentSets: [[EnrollmentSnapshot]] = [
        [], [F.enrollment("seniorAllowance")], [F.enrollment("disabilityLivingAllowance", .person(id: "P1"))],
        [F.enrollment("dibao", .household, .ended)], [F.enrollment("tekun", .person(id: "P2"), .ended)],
        [F.dibao], [F.edge], [F.enrollment("tekun", .person(id: "P2"))],
        [F.enrollment("dibao", .household, .suspended)],
        [F.enrollment("expenseHardship", .household, .gradualExit)],
        [F.enrollment("individualDibao", .person(id: "P1"))],
    ]

    /// The same person and enrollments in households as different as they come.
    static func variants(_ enrollments: [EnrollmentSnapshot]) -> [EarlyWarningContext] {
        var result: [EarlyWarningContext] = []
        for (count, ages) in [(1, [44]), (3, [44, 42, 12]), (6, [80, 78, 50, 48, 16, 3])] {
            for (perCapita, onlyEarner, properties) in [(Fen(0), false, 0), (Fen(5_000_000), true, 3)] {
                var context = F.context(
                    enrollments: enrollments, perCapita: perCapita, onlyEarner: onlyEarner, otherProperties: properties)
                context.household.memberCount = count
                context.household.memberAges = ages
                context.household.personLivesAlone = count == 1
                result.append(context)
            }
        }
        return result
    }

    @Test(
        "where it says no, the household's facts change no rule's answer, for every feed kind",
        arguments: FeedKind.allCases)
    func factsIrrelevantWhenNotRead(kind: FeedKind) {
        for enrollments in Self.enrollmentSets
        where !EarlyWarningRules.readsHouseholdFacts(kind: kind, enrollments: enrollments) {
            let answers = Self.variants(enrollments).map {
                EarlyWarningRules.evaluate(record: F.parsed(kind), context: $0)
            }
            #expect(Set(answers).count == 1, "\(kind) with \(enrollments.map(\.code))")
        }
    }

    @Test(
        "for the kinds that read them, it says yes exactly for a means-tested program in force",
        arguments: Array(EarlyWarningRules.kindsReadingHouseholdFacts))
    func yesForMeansTestedInForce(kind: FeedKind) {
        let yes = Self.enrollmentSets.filter { EarlyWarningRules.readsHouseholdFacts(kind: kind, enrollments: $0) }.map
        { $0.map(\.code) }
        #expect(yes == [["dibao"], ["lowIncomeEdge"], ["tekun"], ["dibao"], ["expenseHardship"], ["individualDibao"]])
    }

    @Test(
        "for each kind where it says yes, the facts do matter to its rule (no kind is listed needlessly)",
        arguments: Array(EarlyWarningRules.kindsReadingHouseholdFacts))
    func factsMatterSomewhere(kind: FeedKind) {
        let answers = Self.enrollmentSets.filter { EarlyWarningRules.readsHouseholdFacts(kind: kind, enrollments: $0) }
            .map { enrollments in
                Set(Self.variants(enrollments).map { EarlyWarningRules.evaluate(record: F.parsed(kind), context: $0) })
                    .count
            }
        #expect(answers.contains { $0 > 1 }, "\(kind)")
    }
}
