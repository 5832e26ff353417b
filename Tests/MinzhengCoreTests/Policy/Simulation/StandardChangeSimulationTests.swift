import Testing
import MinzhengCore

private typealias F = PolicyFixtures

/// Households of POLICY.md section 5 and a few around the standard, as the what-if sees them.
private enum Households {
    /// Worked example 1: couple 45 and 43, child 12, he earns wage 200000.
    static let example1 = [
        F.member(age: 45) {
            $0.sex = .male; $0.incomes = [F.income(.wage, 200_000)]
        },
        F.member(age: 43),
        F.member(age: 12),
    ]
    /// Worked example 2: man 72 alone, no supporter, no labour capacity, pension 30000, partial care.
    static let example2 = [
        F.member(age: 72) {
            $0.sex = .male; $0.laborCapacity = .none; $0.hasCapableSupporter = false; $0.selfCare = .partial
            $0.incomes = [F.income(.pension, 30_000)]
        }
    ]
    /// Worked example 3: woman 85 alone, pension 100000, a capable son elsewhere.
    static let example3 = [F.member(age: 85) { $0.incomes = [F.income(.pension, 100_000)] }]
    /// Worked example 4: man 50 with wage 250000, son 20 with a grade-1 physical disability, rural.
    static let example4 = [
        F.member(age: 50) {
            $0.sex = .male; $0.hukou = .rural; $0.incomes = [F.income(.wage, 250_000)]
        },
        F.member(age: 20) {
            $0.sex = .male; $0.hukou = .rural; $0.disabilityGrade = 1; $0.disabilityKind = .physical;
            $0.laborCapacity = .none
        },
    ]
    /// A woman of 50 living on a pension of 960 yuan: above 940, below 1000.
    static let between = [F.member(age: 50) { $0.incomes = [F.income(.pension, 96_000)] }]
    /// A man of 40 earning 5000 yuan: out of reach either way.
    static let wellOff = [
        F.member(age: 40) {
            $0.sex = .male; $0.incomes = [F.income(.wage, 500_000)]
        }
    ]
    /// A woman of 50 with a pension of 920 yuan: 20 yuan below the 2021 standard.
    static let justBelow = [F.member(age: 50) { $0.incomes = [F.income(.pension, 92_000)] }]

    static func household(
        _ id: String, _ members: [AssessmentRequest.Member], region: String = "320402001",
        month: String = "2021-06"
    ) -> SimulationHousehold {
        SimulationHousehold(
            id: id, district: String(region.prefix(6)),
            request: AssessmentRequest(region: region, month: F.ym(month), members: members))
    }
}

/// One household, its monthly totals in fen under S = 94000 and the proposal, and the outcome.
struct WhatIfCase: Sendable, CustomTestStringConvertible {
    let name: String
    let members: [AssessmentRequest.Member]
    let newStandard: Int64
    let baselineFen: Int64
    let proposedFen: Int64
    let outcome: SimulationOutcome
    var testDescription: String { name }
}

@Suite("What-if: a dibao standard change")
struct StandardChangeSimulationTests {
    static let june = F.ym("2021-06")

    static func simulation(_ newStandard: Int64) throws -> StandardChangeSimulation {
        StandardChangeSimulation(
            baseline: try F.defaults.get().history,
            change: try StandardChange(newStandard: Fen(newStandard), from: june))
    }

    static let cases: [WhatIfCase] = [
        // (1000 − 566.66) × 3 + 100 = 1400.02 → 1401 yuan (S 1000: deduction 300, P = 566.66).
        WhatIfCase(
            name: "example 1 on dibao gains", members: Households.example1, newStandard: 100_000,
            baselineFen: 119_700, proposedFen: 140_100, outcome: .changesAmount),
        // 1.3 × 1000 + 0.5 × 1000.
        WhatIfCase(
            name: "example 2 tekun gains", members: Households.example2, newStandard: 100_000,
            baselineFen: 169_200, proposedFen: 180_000, outcome: .changesAmount),
        // P = 1000 is not below S = 1000: still edge (no cash) and the senior allowance alone.
        WhatIfCase(
            name: "example 3 keeps only the senior allowance", members: Households.example3, newStandard: 100_000,
            baselineFen: 5_000, proposedFen: 5_000, outcome: .unchanged),
        // 611 + 90 + 282 → 650 + 90 + 300 yuan.
        WhatIfCase(
            name: "example 4 individual dibao and subsidies follow S", members: Households.example4,
            newStandard: 100_000,
            baselineFen: 98_300, proposedFen: 104_000, outcome: .changesAmount),
        // P = 960: edge under 940, dibao (1000 − 960) under 1000.
        WhatIfCase(
            name: "income between old and new standard enters", members: Households.between, newStandard: 100_000,
            baselineFen: 0, proposedFen: 4_000, outcome: .enters),
        WhatIfCase(
            name: "well-off household stays out", members: Households.wellOff, newStandard: 100_000,
            baselineFen: 0, proposedFen: 0, outcome: .unchanged),
        // P = 920 < 940 gets 20 yuan; under 900 nothing.
        WhatIfCase(
            name: "a lower standard drops a household just below the old one", members: Households.justBelow,
            newStandard: 90_000,
            baselineFen: 2_000, proposedFen: 0, outcome: .leaves),
        WhatIfCase(
            name: "the same standard changes nothing", members: Households.example1, newStandard: 94_000,
            baselineFen: 119_700, proposedFen: 119_700, outcome: .unchanged),
    ]

    @Test(arguments: cases)
    func oneHousehold(_ c: WhatIfCase) throws {
        var simulation = try Self.simulation(c.newStandard)
        let result = simulation.add(Households.household("h", c.members))
        guard case .assessed(let household) = result else {
            Issue.record("skipped: \(result)")
            return
        }
        #expect(household.baselineMonthly == Fen(c.baselineFen))
        #expect(household.proposedMonthly == Fen(c.proposedFen))
        #expect(household.difference == Fen(c.proposedFen - c.baselineFen))
        #expect(household.outcome == c.outcome)
        #expect(household.persons == c.members.count)

        let totals = simulation.overall
        #expect(totals.householdsAssessed == 1)
        #expect(totals.householdsEntering == (c.outcome == .enters ? 1 : 0))
        #expect(totals.householdsLeaving == (c.outcome == .leaves ? 1 : 0))
        #expect(totals.householdsChanging == (c.outcome == .changesAmount ? 1 : 0))
        #expect(
            totals.personsEntering + totals.personsLeaving + totals.personsChanging
                == (c.outcome == .unchanged ? 0 : c.members.count))
        #expect(totals.difference == Fen(c.proposedFen - c.baselineFen))
    }

    @Test func everyHouseholdIsAssessedAtTheChangeMonth() throws {
        // Month 2020-12 has no policy at all; the request's own month must not matter.
        var simulation = try Self.simulation(100_000)
        let result = simulation.add(Households.household("old", Households.example1, month: "2020-12"))
        #expect(
            result
                == .assessed(
                    SimulatedHousehold(
                        id: "old", district: "320402", persons: 3,
                        baselineMonthly: 119_700, proposedMonthly: 140_100)))
    }

    @Test func districtsAreAggregatedAndSortedByCode() throws {
        var simulation = try Self.simulation(100_000)
        simulation.add(contentsOf: [
            Households.household("a", Households.example1, region: "320411001"),
            Households.household("b", Households.between, region: "320402001"),
            Households.household("c", Households.example2, region: "320402002"),
            Households.household("d", Households.wellOff, region: "320411002"),
            Households.household("e", Households.example4, region: "320404001"),
            Households.household("f", Households.between, region: "320411001"),
        ])
        let rows = simulation.districtRows
        #expect(rows.map(\.district) == ["320402", "320404", "320411"])

        let tianning = rows[0].totals  // b enters (1 person, 0 → 4000), c changes (1 person, 169200 → 180000)
        #expect(tianning.householdsAssessed == 2)
        #expect([tianning.householdsEntering, tianning.householdsLeaving, tianning.householdsChanging] == [1, 0, 1])
        #expect([tianning.personsEntering, tianning.personsLeaving, tianning.personsChanging] == [1, 0, 1])
        #expect(tianning.baselineMonthly == Fen(169_200))
        #expect(tianning.proposedMonthly == Fen(184_000))
        #expect(tianning.difference == Fen(14_800))

        let xinbei = rows[2].totals  // a changes (3 persons), d unchanged, f enters (1 person)
        #expect(xinbei.householdsAssessed == 3)
        #expect([xinbei.householdsEntering, xinbei.householdsChanging] == [1, 1])
        #expect([xinbei.personsEntering, xinbei.personsChanging] == [1, 3])
        #expect(xinbei.baselineMonthly == Fen(119_700))
        #expect(xinbei.proposedMonthly == Fen(144_100))

        let overall = simulation.overall
        #expect(overall.householdsAssessed == 6)
        #expect(overall.householdsSkipped == 0)
        #expect([overall.householdsEntering, overall.householdsLeaving, overall.householdsChanging] == [2, 0, 3])
        #expect([overall.personsEntering, overall.personsLeaving, overall.personsChanging] == [2, 0, 6])
        #expect(overall.baselineMonthly == Fen(119_700 + 169_200 + 98_300))
        #expect(overall.proposedMonthly == Fen(140_100 + 4_000 + 180_000 + 104_000 + 4_000))
        #expect(simulation.report.districts == rows)
        #expect(simulation.report.overall == overall)
    }

    @Test func householdsThatCannotBeAssessedAreCountedNotFatal() throws {
        var simulation = try Self.simulation(100_000)
        // Hangzhou (3301) has no policy rows; a child born after the month is invalid.
        let noPolicy = simulation.add(Households.household("x", Households.example1, region: "330102001"))
        let unborn = AssessmentRequest.Member(birthDate: CivilDate("2021-07-15")!, sex: .male)
        let invalid = simulation.add(Households.household("y", Households.example1 + [unborn]))
        simulation.add(Households.household("z", Households.example1))

        guard case .skipped(id: "x", district: "330102", .noParameters(.noneInForce)) = noPolicy else {
            Issue.record("expected no parameters, got \(noPolicy)")
            return
        }
        guard case .skipped(id: "y", district: "320402", .invalidRequest(let error)) = invalid else {
            Issue.record("expected an invalid request, got \(invalid)")
            return
        }
        #expect(error.field == "members[3].birthDate")
        #expect(simulation.overall.householdsAssessed == 1)
        #expect(simulation.overall.householdsSkipped == 2)
        #expect(
            simulation.districtRows.map { [$0.totals.householdsAssessed, $0.totals.householdsSkipped] } == [
                [1, 1], [0, 1],
            ])
    }

    @Test func partsRunApartMergeToTheWhole() throws {
        let households = [
            Households.household("a", Households.example1, region: "320411001"),
            Households.household("b", Households.between),
            Households.household("c", Households.justBelow, region: "320404001"),
            Households.household("d", Households.example2),
        ]
        var whole = try Self.simulation(90_000)
        whole.add(contentsOf: households)
        var first = try Self.simulation(90_000), second = try Self.simulation(90_000)
        first.add(contentsOf: households.prefix(2))
        second.add(contentsOf: households.dropFirst(2))
        first.merge(second)
        #expect(first.report == whole.report)
        #expect(whole.overall.householdsLeaving == 1)
    }

    @Test func anImpossibleStandardIsRefusedUpFront() {
        #expect(throws: PolicyParameterError.invalid(key: .dibaoStandard, value: -1, problem: .negative)) {
            try StandardChange(newStandard: Fen(-1), from: Self.june)
        }
        #expect(throws: PolicyParameterError.self) {
            try StandardChange(newStandard: Fen(20_000_000_000), from: Self.june)
        }
    }
}

@Suite("PolicyParameters.replacing")
struct PolicyParametersReplacingTests {
    @Test func replacesOneValueAndKeepsTheRest() throws {
        let base = try F.parameters()
        let raised = try base.replacing(.dibaoStandard, with: 100_000)
        #expect(raised.dibaoStandard == Fen(100_000))
        var expected = base.values
        expected[.dibaoStandard] = 100_000
        #expect(raised.values == expected)
    }

    @Test func revalidates() throws {
        let base = try F.parameters()
        #expect(throws: PolicyParameterError.invalid(key: .workingAgeMin, value: 70, problem: .workingAgeMinAboveMax)) {
            try base.replacing(.workingAgeMin, with: 70)
        }
        #expect(throws: PolicyParameterError.invalid(key: .dibaoStandard, value: -5, problem: .negative)) {
            try base.replacing(.dibaoStandard, with: -5)
        }
    }
}
