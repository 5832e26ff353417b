import Foundation
import Testing

@testable import MinzhengCore

@Suite("Device-rental figures: rental months, subsidy, people first subsidised in the year")
struct RentalStatisticsTests {
    static let (a, b) = (UUID(), UUID())

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let charges: [RentalStatistics.Charge]
        let earlier: Set<UUID>
        /// (street, months, subsidy, new people)
        let expected: [String: (Int64, Int64, Int64)]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "a subsidised and a self-paid rental in one street",
            charges: [
                .init(region: "320402001001", person: a, subsidyFen: 1_500),
                .init(region: "320402001", person: b, subsidyFen: 0),
            ], earlier: [], expected: ["320402001": (2, 1_500, 1)]),
        Case(
            label: "subsidised earlier in the year: not new again",
            charges: [.init(region: "320402001", person: a, subsidyFen: 1_500)], earlier: [a],
            expected: ["320402001": (1, 1_500, 0)]),
        Case(
            label: "two subsidised rentals of one person in two streets: counted once, in the lower code",
            charges: [
                .init(region: "320404001", person: a, subsidyFen: 1_000),
                .init(region: "320402003", person: a, subsidyFen: 500),
            ], earlier: [],
            expected: ["320402003": (1, 500, 1), "320404001": (1, 1_000, 0)]),
        Case(label: "no rentals", charges: [], earlier: [a], expected: [:]),
    ]

    @Test("the month's cells by street", arguments: cases)
    func cells(_ c: Case) {
        let cells = RentalStatistics.cells(c.charges, earlier: c.earlier)
        func value(_ street: String, _ figure: String) -> Int64 {
            cells.first { $0.region == street && $0.figure == figure }?.value ?? 0
        }
        #expect(Set(cells.map(\.region)) == Set(c.expected.keys))
        for (street, (months, subsidy, people)) in c.expected {
            #expect(value(street, StatisticsCatalogue.rentalMonths) == months)
            #expect(value(street, StatisticsCatalogue.rentalSubsidy) == subsidy)
            #expect(value(street, StatisticsCatalogue.rentalPeopleNew) == people)
        }
        #expect(cells == StatisticsCells.canonical(cells))
    }

    @Test("who was subsidised: only charges with a subsidy")
    func subsidised() {
        let month: [RentalStatistics.Charge] = [
            .init(region: "320402001", person: Self.a, subsidyFen: 1),
            .init(region: "320402001", person: Self.b, subsidyFen: 0),
        ]
        #expect(RentalStatistics.subsidised(month) == [Self.a])
    }
}
